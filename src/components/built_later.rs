//! A part of the app's page built in a task of its own while the static first screen is
//! shown: building the whole page in one task held a phone's main thread for ~130 ms, most
//! of it V8 compiling each wasm function on its first call, so that a tap waited (Total
//! Blocking Time). The page still takes the static page's place whole (`handover::hold`).

use leptos::prelude::*;

use crate::browser::handover;

/// Its children, built in a later task behind the static page, at once otherwise.
#[component]
pub fn BuiltLater<C: IntoView + 'static>(children: TypedChildrenFn<C>) -> impl IntoView {
    let children = children.into_inner();
    let built = RwSignal::new(!handover::is_pending());
    if !built.get_untracked() {
        let hold = handover::hold();
        set_timeout(
            move || {
                built.set(true);
                drop(hold);
            },
            std::time::Duration::ZERO,
        );
    }
    move || built.get().then(|| children())
}
