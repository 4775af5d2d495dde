//! Thin view components: they read state through `crate::state` and call domain functions;
//! rules live in `domain`, browser access in `browser`.

pub mod backup;
pub mod boot_notices;
pub mod browse;
pub mod calendar_tools;
pub mod chips;
pub mod colour_choice;
pub mod event_card;
pub mod event_detail;
pub mod event_list;
pub mod facets;
pub mod header;
pub mod labels;
pub mod list_manager;
pub mod load_error;
pub mod notices;
pub mod now_page;
pub mod own_appointment;
pub mod person_profile;
pub mod pick_card;
pub mod safekeeping;
pub mod search_box;
pub mod series_follow;
pub mod share_event;
pub mod shortlist_button;
pub mod shortlist_page;
pub mod timetable_page;
