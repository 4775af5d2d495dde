//! Shortlist rules across modules: merging copies from two tabs or an import, labelling picks
//! whose event changed in a new programme version, and never losing a pick on the way.

use programme_browser::domain::i18n::Lang;
use programme_browser::domain::programme::{parse_programme, Programme, Status};
use programme_browser::domain::shortlist::{merge, pick_changes, preview_merge, PickChange, PickKey, Priority, Shortlists, Snapshot};

fn programme(file: &str) -> Programme {
    let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    parse_programme(&text).unwrap().0
}

fn pick(lists: &mut Shortlists, programme: &Programme, event: &str, now: i64) {
    let key = PickKey { programme: programme.meta.id.clone(), event: event.into() };
    let snapshot = Snapshot::of(programme.event(event).unwrap(), Lang::En);
    assert!(lists.toggle(key, snapshot, now));
}

fn picked(lists: &Shortlists) -> Vec<String> {
    lists.active_list().live_picks().map(|(key, _)| key.event.clone()).collect()
}

#[test]
fn two_tabs_adding_different_events_keep_both() {
    let p = programme("public/programme.json");
    let base = Shortlists::default();
    let (mut tab_a, mut tab_b) = (base.clone(), base);
    pick(&mut tab_a, &p, "ms-2012-04-sustainable-development", 100);
    pick(&mut tab_b, &p, "lphm-2013-05-media", 101);
    let ab = merge(&tab_a, &tab_b);
    let ba = merge(&tab_b, &tab_a);
    assert_eq!(picked(&ab), ["lphm-2013-05-media", "ms-2012-04-sustainable-development"]);
    assert_eq!(ab.lists, ba.lists, "merge gives the same lists in either order");
}

#[test]
fn a_removal_is_not_undone_by_an_older_copy() {
    let p = programme("public/programme.json");
    let mut old = Shortlists::default();
    pick(&mut old, &p, "ms-2012-06-migration-law", 100);
    let mut newer = old.clone();
    let key = PickKey { programme: p.meta.id.clone(), event: "ms-2012-06-migration-law".into() };
    assert!(!newer.toggle(key, Snapshot::default(), 200));
    assert!(picked(&merge(&newer, &old)).is_empty());
    assert!(picked(&merge(&old, &newer)).is_empty());
}

#[test]
fn latest_change_of_a_pick_wins_and_lists_are_merged_by_id() {
    let p = programme("public/programme.json");
    let mut ours = Shortlists::default();
    pick(&mut ours, &p, "ms-2012-06-migration-law", 100);
    let mut theirs = ours.clone();
    let key = PickKey { programme: p.meta.id.clone(), event: "ms-2012-06-migration-law".into() };
    theirs.set_priority("default", &key, Priority::MustAttend, 150);
    theirs.create("week-2".into(), "Week 2", 160);
    theirs.rename("default", "Main", 170);
    let merged = merge(&ours, &theirs);
    assert_eq!(merged.lists.len(), 2);
    assert_eq!(merged.list("default").unwrap().name, "Main");
    assert_eq!(merged.list("default").unwrap().picks[&key].priority, Priority::MustAttend);
    assert_eq!(merged.active, "default", "our active list is kept");
    let preview = preview_merge(&ours, &theirs);
    assert_eq!((preview.new_lists.len(), preview.added, preview.changed, preview.kept), (1, 0, 1, 0));
}

#[test]
fn deleting_a_list_can_be_undone_and_the_last_list_is_never_left_missing() {
    let p = programme("public/programme.json");
    let mut lists = Shortlists::default();
    pick(&mut lists, &p, "ms-2012-06-migration-law", 100);
    lists.delete("default", 200);
    assert_eq!(lists.live_lists().count(), 1, "a fresh list replaces the deleted last one");
    assert!(picked(&lists).is_empty());
    lists.restore("default", 300);
    lists.set_active("default");
    assert_eq!(picked(&lists), ["ms-2012-06-migration-law"]);
}

#[test]
fn picks_survive_a_programme_update_and_say_what_changed() {
    let before = programme("public/programme.json");
    let after = programme("tests/fixtures/programme-updated.json");
    assert_eq!(before.meta.id, after.meta.id);
    let mut lists = Shortlists::default();
    for (i, event) in ["ms-2012-08-rio-20", "ms-2012-09-reintegration", "ms-2012-12-youth", "ms-2012-06-migration-law"].iter().enumerate() {
        pick(&mut lists, &before, event, 100 + i as i64);
    }
    let changes: Vec<(String, Vec<PickChange>)> = lists
        .active_list()
        .live_picks()
        .map(|(key, pick)| (key.event.clone(), pick_changes(pick, after.event(&key.event), Lang::En)))
        .collect();
    let of = |id: &str| changes.iter().find(|(event, _)| event == id).map(|(_, c)| c.clone()).unwrap();
    assert_eq!(changes.len(), 4, "no pick is pruned");
    assert_eq!(of("ms-2012-08-rio-20"), [PickChange::RemovedFromProgramme]);
    assert_eq!(of("ms-2012-09-reintegration"), [PickChange::Moved { from: "September 2012".into(), to: "October 2012".into() }]);
    assert_eq!(of("ms-2012-12-youth"), [PickChange::StatusChanged { to: Status::Cancelled }]);
    assert!(of("ms-2012-06-migration-law").is_empty());
}
