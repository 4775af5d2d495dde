//! A venue's page: where it is, how to get in and which rooms it has, above the events held
//! there, when the list is narrowed to one venue (`?venue=<id>`, `fr/venue/<id>.html`). The
//! map is a link: no tiles and no request to a map service until the reader taps it.

use leptos::prelude::*;

use super::labels::{access_label, part_lang};
use crate::domain::filter::Facet;
use crate::domain::i18n::{tr, Msg};
use crate::domain::programme::Access;
use crate::domain::text::Text;
use crate::state::{use_locale, use_programme, use_view};

#[component]
pub fn VenueProfile() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let programme = use_programme();
    let view = use_view();
    let venue = Memo::new(move |_| view.with(|v| v.filter.only(Facet::Venue)));
    move || {
        let tag = locale.tag();
        let index = venue.get().and_then(|id| programme.venue_index(&id))?;
        let venue = &programme.venues[index];
        let of = |text: &Text| part_lang(&programme, text, locale);
        let separator = tr(locale, Msg::PartSeparator);
        let features = |access: &[Access]| access.iter().map(|&a| access_label(locale, a)).collect::<Vec<_>>().join(separator);
        let address =
            [venue.place.address.as_ref(), venue.place.city.as_ref()].into_iter().flatten().map(|text| text.get(tag)).collect::<Vec<_>>();
        let address = (!address.is_empty()).then(|| {
            let lang = venue.place.address.as_ref().or(venue.place.city.as_ref()).and_then(of);
            view! { <p class="venue-address" lang=lang data-testid="venue-address">{address.join(separator)}</p> }
        });
        let map = venue.map_url(tag).map(|url| {
            view! { <a href=url rel="noopener noreferrer" data-testid="venue-map-link">{tr(locale, Msg::VenueMap)}</a> }
        });
        let geo = venue.place.geo.map(|geo| view! { <a href=geo.uri() data-testid="venue-geo-link">{tr(locale, Msg::VenueMapApp)}</a> });
        let maps = (map.is_some() || geo.is_some()).then(|| view! { <p class="venue-maps">{map}" "{geo}</p> });
        let access = (!venue.access.is_empty()).then(|| view! { <p>{features(&venue.access)}</p> });
        let note = venue.access_note.as_ref().map(|note| view! { <p class="field-note" lang=of(note)>{note.get(tag).to_owned()}</p> });
        let rooms = venue
            .rooms
            .iter()
            .map(|room| {
                let floor = room.floor.as_ref().map(|floor| view! { {separator}<span lang=of(floor)>{floor.get(tag).to_owned()}</span> });
                let access = (!room.access.is_empty()).then(|| format!("{separator}{}", features(&room.access)));
                let note =
                    room.access_note.as_ref().map(|note| view! { <p class="field-note" lang=of(note)>{note.get(tag).to_owned()}</p> });
                view! { <li><span lang=of(&room.name)>{room.name.get(tag).to_owned()}</span>{floor}{access}{note}</li> }
            })
            .collect_view();
        let rooms = (!venue.rooms.is_empty()).then(|| {
            view! {
                <h3 id="venue-rooms">{tr(locale, Msg::VenueRooms)}</h3>
                <ul aria-labelledby="venue-rooms" data-testid="venue-rooms">{rooms}</ul>
            }
        });
        let link =
            venue.url.as_ref().map(|link| view! { <p><a href=link.url.clone() rel="noopener noreferrer">{link.url.clone()}</a></p> });
        Some(view! {
            <section class="person-profile venue-profile" data-testid="venue-profile" aria-labelledby="venue-name">
                <h2 id="venue-name" lang=of(&venue.place.name)>{venue.place.name.get(tag).to_owned()}</h2>
                {address}
                {maps}
                {access}
                {note}
                {rooms}
                {link}
            </section>
        })
    }
}
