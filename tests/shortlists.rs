//! Shortlist rules across modules: merging copies from two tabs or an import, labelling picks
//! whose event changed in a new programme version, and never losing a pick on the way.

use programme_browser::domain::i18n::{Lang, Locale};
use programme_browser::domain::programme::{parse_programme, Programme, Status};
use programme_browser::domain::share::{decode_share, encode_share};
use programme_browser::domain::shortlist::{
    merge, merge_shared, pick_changes, preview_merge, MergeKind, PickChange, PickKey, Priority, Shortlists, Snapshot,
};

fn programme(file: &str) -> Programme {
    let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    parse_programme(&text).unwrap().0
}

fn pick(lists: &mut Shortlists, programme: &Programme, event: &str, now: i64) {
    let key = PickKey { programme: programme.meta.id.clone(), event: event.into() };
    let snapshot = Snapshot::of(programme.event(event).unwrap());
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
    let preview = preview_merge(MergeKind::File, &ours, &theirs, 1000);
    assert_eq!((preview.new_lists.len(), preview.added, preview.changed, preview.kept), (1, 0, 1, 0));
    assert_eq!(preview.renamed, [(String::new(), "Main".to_owned())]);
    assert_eq!(preview.overwritten, [(String::new(), "International migration law".to_owned())]);
}

/// The reader's lists: two picks in the first list, one with a note.
fn readers_lists(p: &Programme) -> (Shortlists, PickKey) {
    let mut ours = Shortlists::default();
    ours.rename("default", "My week", 50);
    pick(&mut ours, p, "ms-2012-06-migration-law", 100);
    pick(&mut ours, p, "lphm-2013-05-media", 101);
    let law = PickKey { programme: p.meta.id.clone(), event: "ms-2012-06-migration-law".into() };
    ours.set_note("default", &law, "ask about the 2013 report", 102);
    (ours, law)
}

#[test]
fn a_hostile_share_link_can_only_add() {
    let p = programme("public/programme.json");
    let (ours, law) = readers_lists(&p);
    // A link made to hurt: the same list id, later (future) times, a rename, a deletion, the
    // reader's picks removed or their note replaced, and one real addition.
    let mut hostile = ours.clone();
    let far_future = i64::MAX / 2;
    hostile.rename("default", "Hacked", far_future);
    hostile.set_note("default", &law, "replaced", far_future);
    let media = PickKey { programme: p.meta.id.clone(), event: "lphm-2013-05-media".into() };
    hostile.toggle(media.clone(), Snapshot::default(), far_future);
    pick(&mut hostile, &p, "ms-2012-12-women", far_future);
    hostile.delete("default", far_future);
    // Through a real share code (a crafted one can carry anything the format can).
    let list = hostile.list("default").unwrap().clone();
    let theirs = decode_share(&encode_share(&list, true)).unwrap();

    let now = 1_000;
    // Also a crafted list marked deleted, as a link can carry.
    let mut crafted = theirs.clone();
    crafted.lists[0].deleted = true;
    assert_eq!(merge_shared(&ours, &crafted, now), ours, "a deleted list adds nothing and takes nothing");
    let merged = merge_shared(&ours, &theirs, now);
    let mine = merged.list("default").unwrap();
    assert_eq!(mine.name, "My week");
    assert!(!mine.deleted);
    assert!(mine.contains(&media), "a pick cannot be removed by a link");
    assert_eq!(mine.picks[&law].note, "ask about the 2013 report");
    let women = PickKey { programme: p.meta.id.clone(), event: "ms-2012-12-women".into() };
    assert!(mine.contains(&women), "the addition is made");
    assert_eq!(mine.picks[&women].updated_ms, now, "at the reader's time, so a later removal wins");
    let preview = preview_merge(MergeKind::SharedLink, &ours, &theirs, now);
    assert_eq!((preview.added, preview.changed), (1, 0));
    assert!(preview.removed.is_empty() && preview.renamed.is_empty() && preview.deleted.is_empty() && preview.overwritten.is_empty());
}

#[test]
fn a_file_that_would_remove_rename_delete_or_overwrite_says_exactly_that() {
    let p = programme("public/programme.json");
    let (ours, law) = readers_lists(&p);
    let mut theirs = ours.clone();
    theirs.rename("default", "Old name", 200);
    theirs.set_priority("default", &law, Priority::Maybe, 201);
    let media = PickKey { programme: p.meta.id.clone(), event: "lphm-2013-05-media".into() };
    theirs.toggle(media, Snapshot::default(), 202);
    theirs.create("spare".into(), "Spare", 203);
    let mut ours_with_spare = ours.clone();
    ours_with_spare.create("spare".into(), "Spare", 10);
    theirs.delete("spare", 204);
    let preview = preview_merge(MergeKind::File, &ours_with_spare, &theirs, 1000);
    assert_eq!(preview.renamed, [("My week".to_owned(), "Old name".to_owned())]);
    assert_eq!(preview.removed, [("My week".to_owned(), "Public perceptions, communications and the role of the media".to_owned())]);
    assert_eq!(preview.overwritten, [("My week".to_owned(), "International migration law".to_owned())]);
    assert_eq!(preview.deleted, ["Spare"]);
}

#[test]
fn times_from_outside_or_from_a_clock_that_ran_ahead_cannot_outrank_the_readers_next_change() {
    let p = programme("public/programme.json");
    let mut ours = Shortlists::default();
    pick(&mut ours, &p, "ms-2012-06-migration-law", 100);
    // A file made on a device whose clock ran a year ahead removes the pick.
    let mut theirs = ours.clone();
    let key = PickKey { programme: p.meta.id.clone(), event: "ms-2012-06-migration-law".into() };
    theirs.toggle(key.clone(), Snapshot::default(), 100 + 365 * 86_400_000);
    let now = 1_000;
    theirs.clamp_times(now);
    let mut merged = merge(&ours, &theirs);
    assert!(!merged.is_picked(&key));
    // The reader undoes it a moment later: the undo wins, here and when merged again.
    merged.toggle(key.clone(), Snapshot::default(), now + 1);
    assert!(merge(&merged, &theirs).is_picked(&key));
    assert!(merge(&theirs, &merged).is_picked(&key));
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
        .map(|(key, pick)| (key.event.clone(), pick_changes(pick, after.event(&key.event), Locale::ENGLISH)))
        .collect();
    let of = |id: &str| changes.iter().find(|(event, _)| event == id).map(|(_, c)| c.clone()).unwrap();
    assert_eq!(changes.len(), 4, "no pick is pruned");
    assert_eq!(of("ms-2012-08-rio-20"), [PickChange::RemovedFromProgramme]);
    assert_eq!(of("ms-2012-09-reintegration"), [PickChange::Moved { from: "September 2012".into(), to: "October 2012".into() }]);
    assert_eq!(of("ms-2012-12-youth"), [PickChange::StatusChanged { to: Status::Cancelled }]);
    assert!(of("ms-2012-06-migration-law").is_empty());
}

#[test]
fn removals_do_not_grow_storage_without_bound() {
    let p = programme("public/programme.json");
    let mut lists = Shortlists::default();
    let ids: Vec<String> = p.events.iter().map(|event| event.id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        pick(&mut lists, &p, id, 100 + i as i64);
        let key = PickKey { programme: p.meta.id.clone(), event: id.clone() };
        lists.set_note("default", &key, &"a long private note ".repeat(50), 200);
        assert!(!lists.toggle(key, Snapshot::default(), 300));
    }
    let full = programme_browser::domain::stored::encode(&lists).len();
    // Recent removals stay (merging needs them) but carry nothing else.
    lists.prune_removed(1_000);
    assert_eq!(lists.active_list().picks.len(), ids.len());
    let pruned = programme_browser::domain::stored::encode(&lists).len();
    assert!(pruned * 4 < full, "{pruned} bytes after pruning, {full} before");
    // Old ones are forgotten.
    lists.prune_removed(300 + programme_browser::domain::shortlist::REMOVAL_KEPT_MS);
    assert!(lists.active_list().picks.is_empty());
}

/// A programme whose event's place is written in English and French (and `place` elsewhere).
fn bilingual(place_en: &str, place_fr: &str) -> Programme {
    let text = format!(
        r#"{{"schema_version": "1.1", "programme": {{"id": "p", "title": "P", "time_zone": "UTC"}},
  "events": [{{"id": "e", "title": {{"en": "Dialogue", "fr": "Dialogue (fr)"}}, "when": {{"start": "2026-04"}},
    "location": {{"name": {{"en": "{place_en}", "fr": "{place_fr}"}}, "city": {{"en": "Geneva", "fr": "Genève"}}}}}}]}}"#
    );
    parse_programme(&text).unwrap().0
}

#[test]
fn a_pick_made_in_one_language_and_read_in_another_shows_only_real_changes() {
    let programme = bilingual("Palais des Nations", "Palais des Nations (fr)");
    let mut lists = Shortlists::default();
    pick(&mut lists, &programme, "e", 100);
    let event = programme.event("e");
    let (_, picked) = lists.active_list().live_picks().next().unwrap();
    for lang in Lang::ALL {
        let locale = Locale::without_translations(lang);
        assert_eq!(pick_changes(picked, event, locale), [], "read in {lang:?}");
    }

    // Stored by an earlier version while the reader read French: the same place, not a move,
    // and brought to the language-independent form once.
    let mut french = lists.clone();
    let key = PickKey { programme: "p".into(), event: "e".into() };
    let stored = french.lists[0].picks.get_mut(&key).unwrap();
    stored.snapshot.place = event.unwrap().place("fr").unwrap();
    stored.snapshot.title = "Dialogue (fr)".into();
    let (_, stored) = french.active_list().live_picks().next().unwrap();
    assert_eq!(pick_changes(stored, event, Locale::ENGLISH), [], "no \"new place\" for a change of language");
    assert!(french.fill_snapshots(&programme), "migrated");
    assert_eq!(french.lists, lists.lists, "as if picked now");
    assert!(!french.fill_snapshots(&programme), "once");

    // A real change of place is still told, in the reader's language.
    let moved = bilingual("Maison de la Paix", "Maison de la Paix (fr)");
    let (_, stored) = lists.active_list().live_picks().next().unwrap();
    let changes = pick_changes(stored, moved.event("e"), Locale::without_translations(Lang::Fr));
    let to = "Maison de la Paix (fr), Genève".to_owned();
    assert_eq!(changes, [PickChange::PlaceChanged { from: "Palais des Nations, Geneva".into(), to }]);
    assert!(!lists.clone().fill_snapshots(&moved), "a real change is kept to be told");
}
