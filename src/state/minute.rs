//! The reader's clock to the minute, for the views that say what is on now: they follow it
//! without the page being drawn again.

use leptos::prelude::*;

use crate::browser::clock;

/// Milliseconds since 1970 at the last whole minute seen.
#[derive(Clone, Copy)]
pub struct Minute(RwSignal<i64>);

/// How often the clock is looked at: a minute shown is at most this late.
const LOOK_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

impl Minute {
    /// Starts following the clock (in the browser; natively, the prerender, it stands still).
    pub fn provide() -> Self {
        let minute = Self(RwSignal::new(clock::now_ms()));
        if crate::browser::window().is_some() {
            let look = move || {
                let now = clock::now_ms();
                minute.0.maybe_update(|then| {
                    let changed = now.div_euclid(60_000) != then.div_euclid(60_000);
                    if changed {
                        *then = now;
                    }
                    changed
                });
            };
            if let Ok(interval) = set_interval_with_handle(look, LOOK_EVERY) {
                on_cleanup(move || interval.clear());
            }
            // A phone woken after an hour in a pocket shows what is on then, at once: timers
            // are held back while a page is hidden. (`visibilitychange` bubbles to the window.)
            let shown = window_event_listener_untyped("visibilitychange", move |_| look());
            let back = window_event_listener_untyped("pageshow", move |_| look());
            on_cleanup(move || {
                shown.remove();
                back.remove();
            });
        }
        provide_context(minute);
        minute
    }

    /// The minute (tracked).
    pub fn now_ms(self) -> i64 {
        self.0.get()
    }
}

pub fn use_minute() -> Option<Minute> {
    use_context::<Minute>()
}
