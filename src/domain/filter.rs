//! Faceted filtering "on the model level": which events match a `Filter`, and how many events
//! each facet option would give with the other active filters (facet counts).
//!
//! Rules: OR within a facet, AND across facets; search needs every word; past events are
//! judged against a `today` passed in (`PastEvents`). Ids the programme does not know are
//! ignored here (the URL layer reports them). Pure functions, no UI.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::fold::{query_words, SearchText, SearchWord};
use super::programme::{Access, Event, Mode, Programme};
use super::when::YearMonth;

/// What the user chose. Empty sets mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub themes: BTreeSet<String>,
    pub months: BTreeSet<YearMonth>,
    pub partners: BTreeSet<String>,
    pub series: BTreeSet<String>,
    pub modes: BTreeSet<Mode>,
    /// Language tags: events held in one of them or interpreted into it.
    pub languages: BTreeSet<String>,
    pub access: BTreeSet<Access>,
    /// Person ids: events they speak, train, moderate or chair at.
    pub people: BTreeSet<String>,
    /// Venue ids: events held there.
    pub venues: BTreeSet<String>,
    pub text: String,
    pub past: PastEvents,
}

/// Whether events that are over are listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PastEvents {
    /// As the programme suggests: left out while it is current (something in it is not over)
    /// and the reader browses; listed when it is a record of the past, and when the reader
    /// chooses a month or searches (a deliberate look, which must not come back empty).
    #[default]
    AsProgramme,
    /// The reader left them out.
    Hidden,
    /// The reader asked for them.
    Shown,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether events that are over are left out, for a programme that is current or not.
    pub fn hides_past(&self, programme_current: bool) -> bool {
        match self.past {
            PastEvents::Hidden => true,
            PastEvents::Shown => false,
            PastEvents::AsProgramme => self.past_left_out_as_programme(programme_current),
        }
    }

    /// Whether the programme's own default leaves past events out of this view.
    fn past_left_out_as_programme(&self, programme_current: bool) -> bool {
        self.past == PastEvents::AsProgramme && programme_current && self.months.is_empty() && !self.searches()
    }

    /// Whether applying it reads the events' search texts (it has words to search for).
    pub fn searches(&self) -> bool {
        !query_words(&self.text).is_empty()
    }
}

/// The facets, in the order the UI shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Theme,
    Month,
    Partner,
    Series,
    Mode,
    /// The languages an event can be followed in: held in, or interpreted into.
    Language,
    Access,
    /// Who speaks, trains, moderates or chairs; one person chosen is their page.
    Person,
    /// Where; one venue chosen is its page.
    Venue,
}

impl Facet {
    pub const ALL: [Facet; 9] = [
        Facet::Theme,
        Facet::Month,
        Facet::Partner,
        Facet::Series,
        Facet::Mode,
        Facet::Language,
        Facet::Access,
        Facet::Person,
        Facet::Venue,
    ];

    fn bit(self) -> u16 {
        1 << (self as u8)
    }
}

/// Per facet, how many events each option would give (indexed like the programme's lists).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub themes: Vec<usize>,
    pub partners: Vec<usize>,
    pub series: Vec<usize>,
    pub months: BTreeMap<YearMonth, usize>,
    pub modes: BTreeMap<Mode, usize>,
    /// Indexed like the programme's `language_index().tags`.
    pub languages: Vec<usize>,
    /// Indexed like `Access::ALL`.
    pub access: [usize; 4],
    /// Indexed like the programme's people.
    pub people: Vec<usize>,
    /// Indexed like the programme's venues.
    pub venues: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterResult {
    /// Indices into `programme.events`, in chronological order.
    pub matching: Vec<usize>,
    pub counts: FacetCounts,
    /// Events left out only because they are over, by the programme's default (the reader
    /// can ask for them): none when the reader chose, or the programme is not current.
    pub past_left_out: usize,
    /// The events the search found, when there was one: where a narrower search may look.
    searched: Option<Searched>,
}

/// The events a search (with "hide past") found, whatever the facets: typing one more letter
/// can only narrow a search, so the next one looks only among these. At 100,000 events, most
/// of a typed letter's time was looking through every event again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Searched {
    words: Vec<SearchWord>,
    hide_past: bool,
    today: NaiveDate,
    events: Vec<usize>,
}

impl Searched {
    /// Whether every event that `compiled` finds is among these: each earlier word is part of
    /// a word searched now (an event containing the longer word contains the shorter), and
    /// past events are hidden now if they were then.
    fn covers(&self, compiled: &Compiled, today: NaiveDate) -> bool {
        self.today == today
            && (compiled.hide_past || !self.hide_past)
            && self.words.iter().all(|earlier| compiled.words.iter().any(|word| word.as_str().contains(earlier.as_str())))
    }
}

/// The filter with ids resolved to indices once, so the per-event test is integer work.
struct Compiled {
    themes: Option<Vec<bool>>,
    partners: Option<Vec<bool>>,
    series: Option<Vec<bool>>,
    months: Option<BTreeSet<YearMonth>>,
    modes: Option<BTreeSet<Mode>>,
    languages: Option<Vec<bool>>,
    access: Option<BTreeSet<Access>>,
    people: Option<Vec<bool>>,
    venues: Option<Vec<bool>>,
    words: Vec<SearchWord>,
    /// For each word, the themes, partners and series whose labels contain it, and the people whose names do.
    vocabulary_hits: Vec<[Vec<bool>; 4]>,
    /// The reader left past events out.
    hide_past: bool,
    /// The programme's default leaves them out: a past event then counts for the month options
    /// (choosing a month lists it), as if it failed the month facet.
    past_fails_month: bool,
}

fn mask(chosen: &BTreeSet<String>, ids: impl Iterator<Item = String>) -> Option<Vec<bool>> {
    (!chosen.is_empty()).then(|| ids.map(|id| chosen.contains(&id)).collect())
}

impl Compiled {
    fn new(programme: &Programme, filter: &Filter, today: NaiveDate) -> Self {
        Self {
            themes: mask(&filter.themes, programme.themes.iter().map(|t| t.id.clone())),
            partners: mask(&filter.partners, programme.partners.iter().map(|p| p.id.clone())),
            series: mask(&filter.series, programme.series.iter().map(|s| s.id.clone())),
            months: (!filter.months.is_empty()).then(|| filter.months.clone()),
            modes: (!filter.modes.is_empty()).then(|| filter.modes.clone()),
            languages: mask(&filter.languages, programme.language_index().tags.iter().cloned()),
            access: (!filter.access.is_empty()).then(|| filter.access.clone()),
            people: mask(&filter.people, programme.people.iter().map(|p| p.id.clone())),
            venues: mask(&filter.venues, programme.venues.iter().map(|v| v.id.clone())),
            words: Vec::new(),
            vocabulary_hits: Vec::new(),
            hide_past: filter.past == PastEvents::Hidden,
            past_fails_month: filter.past_left_out_as_programme(true) && programme.is_current(today),
        }
    }
}

impl Compiled {
    fn with_words(mut self, programme: &Programme, text: &str) -> Self {
        self.words = query_words(text).iter().map(|word| SearchWord::new(word)).collect();
        let vocabulary = programme.vocabulary_text();
        let hits = |labels: &[String], word: &str| labels.iter().map(|label| label.contains(word)).collect::<Vec<bool>>();
        self.vocabulary_hits = self
            .words
            .iter()
            .map(|word| word.as_str())
            .map(|word| {
                [
                    hits(&vocabulary.themes, word),
                    hits(&vocabulary.partners, word),
                    hits(&vocabulary.series, word),
                    hits(&vocabulary.people, word),
                ]
            })
            .collect();
        self
    }

    /// Every word is in the event's own text or in one of its themes', partners' or series'
    /// labels or its people's names (as a substring, so that typing "reinteg" already matches
    /// while the reader is still typing).
    fn matches_words(&self, event: &Event, text: &SearchText) -> bool {
        self.words.iter().zip(&self.vocabulary_hits).all(|(word, [themes, partners, series, people])| {
            text.contains(word)
                || event.themes.iter().any(|&t| themes[t])
                || event.partners.iter().any(|&p| partners[p])
                || event.series.is_some_and(|s| series[s])
                || event.people.iter().any(|participant| people[participant.person])
        })
    }
}

fn any_in(chosen: &Option<Vec<bool>>, indices: &[usize]) -> bool {
    chosen.as_ref().is_none_or(|mask| indices.iter().any(|&i| mask[i]))
}

/// Filters `programme` and counts facet options. `today` is in the reader's calendar.
pub fn apply(programme: &Programme, filter: &Filter, today: NaiveDate) -> FilterResult {
    apply_after(programme, filter, today, None)
}

/// `apply`, given the result before (of the same programme): a search that narrows the one
/// before looks only among the events that one found. Gives exactly what `apply` gives.
pub fn apply_after(programme: &Programme, filter: &Filter, today: NaiveDate, before: Option<&FilterResult>) -> FilterResult {
    let compiled = Compiled::new(programme, filter, today).with_words(programme, &filter.text);
    let candidates: Box<dyn Iterator<Item = usize>> =
        match before.and_then(|before| before.searched.as_ref()).filter(|searched| searched.covers(&compiled, today)) {
            Some(searched) => Box::new(searched.events.iter().copied()),
            None => Box::new(0..programme.events.len()),
        };
    let searching = !compiled.words.is_empty();
    let mut found = Vec::new();
    let language_index = programme.language_index();
    let mut counts = FacetCounts {
        themes: vec![0; programme.themes.len()],
        partners: vec![0; programme.partners.len()],
        series: vec![0; programme.series.len()],
        // Only months with events get an entry; an absent month counts as zero.
        months: BTreeMap::new(),
        modes: BTreeMap::new(),
        languages: vec![0; language_index.tags.len()],
        access: [0; 4],
        people: vec![0; programme.people.len()],
        venues: vec![0; programme.venues.len()],
    };
    let mut matching = Vec::new();
    let mut past_left_out = 0;
    let mut month_counts = MonthCounts::starting_at(programme.events.first().map(|event| event.when.start_month()));
    for index in candidates {
        let event = &programme.events[index];
        if compiled.hide_past && event.when.is_past(today) {
            continue;
        }
        // Without words there is nothing to match, and the search texts stay unbuilt.
        if searching && !compiled.matches_words(event, programme.search_text(index)) {
            continue;
        }
        if searching {
            found.push(index);
        }
        let months = &event.months;
        let series: &[usize] = event.series.as_slice();
        // Which facets this event fails; it counts towards a facet's options only when every
        // *other* facet passes, which is what "would give N with the other filters" means.
        let mut failed = 0u16;
        if !any_in(&compiled.themes, &event.themes) {
            failed |= Facet::Theme.bit();
        }
        if !any_in(&compiled.partners, &event.partners) {
            failed |= Facet::Partner.bit();
        }
        if !any_in(&compiled.series, series) {
            failed |= Facet::Series.bit();
        }
        if compiled.months.as_ref().is_some_and(|chosen| !months.iter().any(|m| chosen.contains(m))) {
            failed |= Facet::Month.bit();
        }
        if compiled.modes.as_ref().is_some_and(|chosen| !event.mode.is_some_and(|mode| chosen.contains(&mode))) {
            failed |= Facet::Mode.bit();
        }
        let languages: &[u16] = language_index.of_event.get(index).map_or(&[], |languages| languages);
        if compiled.languages.as_ref().is_some_and(|chosen| !languages.iter().any(|&at| chosen[usize::from(at)])) {
            failed |= Facet::Language.bit();
        }
        if compiled.access.as_ref().is_some_and(|chosen| !event.access.iter().any(|access| chosen.contains(access))) {
            failed |= Facet::Access.bit();
        }
        if compiled.people.as_ref().is_some_and(|chosen| !event.people.iter().any(|p| chosen[p.person])) {
            failed |= Facet::Person.bit();
        }
        if compiled.venues.as_ref().is_some_and(|chosen| !event.venue.is_some_and(|at| chosen[at.venue])) {
            failed |= Facet::Venue.bit();
        }
        if compiled.past_fails_month && event.when.is_past(today) {
            if failed == 0 {
                past_left_out += 1;
            }
            failed |= Facet::Month.bit();
        }
        if failed == 0 {
            matching.push(index);
        }
        let counts_for = |facet: Facet| failed == 0 || failed == facet.bit();
        if counts_for(Facet::Theme) {
            event.themes.iter().for_each(|&i| counts.themes[i] += 1);
        }
        if counts_for(Facet::Partner) {
            event.partners.iter().for_each(|&i| counts.partners[i] += 1);
        }
        if counts_for(Facet::Series) {
            series.iter().for_each(|&i| counts.series[i] += 1);
        }
        if counts_for(Facet::Month) {
            months.iter().for_each(|&m| month_counts.add(m));
        }
        if counts_for(Facet::Mode) {
            if let Some(mode) = event.mode {
                *counts.modes.entry(mode).or_default() += 1;
            }
        }
        if counts_for(Facet::Language) {
            languages.iter().for_each(|&at| counts.languages[usize::from(at)] += 1);
        }
        if counts_for(Facet::Person) {
            event.people.iter().for_each(|p| counts.people[p.person] += 1);
        }
        if let Some(at) = event.venue.filter(|_| counts_for(Facet::Venue)) {
            counts.venues[at.venue] += 1;
        }
        if counts_for(Facet::Access) {
            for access in &event.access {
                counts.access[*access as usize] += 1;
            }
        }
    }
    counts.months = month_counts.into_map();
    let searched = searching.then_some(Searched { words: compiled.words, hide_past: compiled.hide_past, today, events: found });
    FilterResult { matching, counts, past_left_out, searched }
}

/// Counts per month in an array from the programme's first month (events are in chronological
/// order, so no event starts before it): a map entry for each of 10,000 events' months was
/// most of the counting in wasm. A month before the first still counts, in the map.
struct MonthCounts {
    first: i64,
    counts: Vec<usize>,
    before_first: BTreeMap<YearMonth, usize>,
}

impl MonthCounts {
    fn starting_at(first: Option<YearMonth>) -> Self {
        Self { first: first.map_or(0, month_number), counts: Vec::new(), before_first: BTreeMap::new() }
    }

    fn add(&mut self, month: YearMonth) {
        match usize::try_from(month_number(month) - self.first) {
            Ok(slot) => {
                if slot >= self.counts.len() {
                    self.counts.resize(slot + 1, 0);
                }
                self.counts[slot] += 1;
            }
            Err(_) => *self.before_first.entry(month).or_default() += 1,
        }
    }

    /// Only months with events get an entry; an absent month counts as zero.
    fn into_map(self) -> BTreeMap<YearMonth, usize> {
        let first = self.first;
        let mut map = self.before_first;
        for (slot, count) in self.counts.into_iter().enumerate().filter(|(_, count)| *count > 0) {
            if let Some(month) = month_of_number(first + slot as i64) {
                map.insert(month, count);
            }
        }
        map
    }
}

fn month_number(month: YearMonth) -> i64 {
    i64::from(month.year) * 12 + i64::from(month.month) - 1
}

fn month_of_number(number: i64) -> Option<YearMonth> {
    let year = i32::try_from(number.div_euclid(12)).ok()?;
    YearMonth::new(year, number.rem_euclid(12) as u32 + 1)
}

/// Every month any event touches, in order: the month facet's options.
pub fn programme_months(programme: &Programme) -> Vec<YearMonth> {
    // A sorted, deduplicated list: a set built from every event's months sorted them all, in
    // V8's baseline tier a few ms of the first render at 10,000 events.
    let mut months: Vec<YearMonth> = programme.events.iter().flat_map(|event| event.months.iter().copied()).collect();
    months.sort_unstable();
    months.dedup();
    months
}

/// The positions below `len` that `used` names at least once, in order. A mask rather than a
/// sorted set of every event's references, for the same reason as above.
fn used_positions(len: usize, used: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut named = vec![false; len];
    for position in used {
        if let Some(slot) = named.get_mut(position) {
            *slot = true;
        }
    }
    named.iter().enumerate().filter(|(_, named)| **named).map(|(position, _)| position).collect()
}

/// Partners that at least one event names: the partner facet's options (organisers and
/// networks named only on a series are shown on the series, not offered as a filter).
pub fn partners_with_events(programme: &Programme) -> Vec<usize> {
    used_positions(programme.partners.len(), programme.events.iter().flat_map(|e| e.partners.iter().copied()))
}

/// Themes that at least one event names, in vocabulary order.
pub fn themes_with_events(programme: &Programme) -> Vec<usize> {
    used_positions(programme.themes.len(), programme.events.iter().flat_map(|e| e.themes.iter().copied()))
}

/// Series that at least one event belongs to, in vocabulary order.
pub fn series_with_events(programme: &Programme) -> Vec<usize> {
    used_positions(programme.series.len(), programme.events.iter().filter_map(|e| e.series))
}

/// Languages that events are held in or interpreted into, by tag.
/// Offered only when there are two: a programme all in one language has nothing to filter.
pub fn languages_with_events(programme: &Programme) -> Vec<String> {
    let tags = &programme.language_index().tags;
    if tags.len() < 2 {
        return Vec::new();
    }
    tags.clone()
}

/// People at at least one event, in the programme's order.
pub fn people_with_events(programme: &Programme) -> Vec<usize> {
    used_positions(programme.people.len(), programme.events.iter().flat_map(|e| e.people.iter().map(|p| p.person)))
}

/// Venues of at least one event, in the programme's order. Offered only when there are two: a
/// conference in one building has nothing to choose (its venue's page is still linked from
/// each event's place).
pub fn venues_with_events(programme: &Programme) -> Vec<usize> {
    let used = used_positions(programme.venues.len(), programme.events.iter().filter_map(|e| e.venue.map(|at| at.venue)));
    if used.len() < 2 {
        return Vec::new();
    }
    used
}

/// Access features that at least one event offers.
pub fn access_with_events(programme: &Programme) -> Vec<Access> {
    Access::ALL.into_iter().filter(|access| programme.events.iter().any(|event| event.access.contains(access))).collect()
}

/// Delivery modes that at least one event has.
pub fn modes_with_events(programme: &Programme) -> Vec<Mode> {
    Mode::ALL.into_iter().filter(|mode| programme.events.iter().any(|e| e.mode == Some(*mode))).collect()
}

impl Filter {
    /// The chosen values of one facet as URL codes ("2012-06", "hybrid", ids).
    pub fn codes(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Theme => self.themes.iter().cloned().collect(),
            Facet::Partner => self.partners.iter().cloned().collect(),
            Facet::Series => self.series.iter().cloned().collect(),
            Facet::Month => self.months.iter().map(ToString::to_string).collect(),
            Facet::Mode => self.modes.iter().map(|m| m.code().to_owned()).collect(),
            Facet::Language => self.languages.iter().cloned().collect(),
            Facet::Access => self.access.iter().map(|a| a.code().to_owned()).collect(),
            Facet::Person => self.people.iter().cloned().collect(),
            Facet::Venue => self.venues.iter().cloned().collect(),
        }
    }

    /// The one value chosen in `facet`, when exactly one is (a person's or a venue's page).
    pub fn only(&self, facet: Facet) -> Option<String> {
        let codes = self.codes(facet);
        if codes.len() == 1 {
            codes.into_iter().next()
        } else {
            None
        }
    }

    pub fn is_chosen(&self, facet: Facet, code: &str) -> bool {
        match facet {
            Facet::Theme => self.themes.contains(code),
            Facet::Partner => self.partners.contains(code),
            Facet::Series => self.series.contains(code),
            Facet::Month => YearMonth::parse(code).is_some_and(|m| self.months.contains(&m)),
            Facet::Mode => Mode::from_code(code).is_some_and(|m| self.modes.contains(&m)),
            Facet::Language => self.languages.contains(code),
            Facet::Access => Access::from_code(code).is_some_and(|a| self.access.contains(&a)),
            Facet::Person => self.people.contains(code),
            Facet::Venue => self.venues.contains(code),
        }
    }

    /// Chooses the value if it was not chosen, and the reverse. Codes that do not parse are
    /// ignored.
    pub fn toggle(&mut self, facet: Facet, code: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: T) {
            if !set.remove(&value) {
                set.insert(value);
            }
        }
        match facet {
            Facet::Theme => flip(&mut self.themes, code.to_owned()),
            Facet::Partner => flip(&mut self.partners, code.to_owned()),
            Facet::Series => flip(&mut self.series, code.to_owned()),
            Facet::Month => {
                if let Some(month) = YearMonth::parse(code) {
                    flip(&mut self.months, month);
                }
            }
            Facet::Mode => {
                if let Some(mode) = Mode::from_code(code) {
                    flip(&mut self.modes, mode);
                }
            }
            Facet::Language => flip(&mut self.languages, code.to_owned()),
            Facet::Person => flip(&mut self.people, code.to_owned()),
            Facet::Venue => flip(&mut self.venues, code.to_owned()),
            Facet::Access => {
                if let Some(access) = Access::from_code(code) {
                    flip(&mut self.access, access);
                }
            }
        }
    }

    /// Every active facet value, in facet order, for the chips.
    pub fn active(&self) -> Vec<(Facet, String)> {
        Facet::ALL.into_iter().flat_map(|facet| self.codes(facet).into_iter().map(move |code| (facet, code))).collect()
    }

    /// Clears facets, search and "hide past": everything the reader can clear at once.
    pub fn clear(&mut self) {
        *self = Filter::default();
    }
}

/// Where an option's count is found in `FacetCounts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Theme(usize),
    Partner(usize),
    Series(usize),
    Month(YearMonth),
    Mode(Mode),
    Language(usize),
    Access(Access),
    Person(usize),
    Venue(usize),
}

/// One option of a facet: its URL code and where its count is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    pub code: String,
    pub slot: Slot,
}

impl FacetOption {
    /// How many events this option would give, with the other active filters.
    pub fn count(&self, counts: &FacetCounts) -> usize {
        match self.slot {
            Slot::Theme(i) => counts.themes.get(i).copied().unwrap_or(0),
            Slot::Partner(i) => counts.partners.get(i).copied().unwrap_or(0),
            Slot::Series(i) => counts.series.get(i).copied().unwrap_or(0),
            Slot::Month(month) => counts.months.get(&month).copied().unwrap_or(0),
            Slot::Mode(mode) => counts.modes.get(&mode).copied().unwrap_or(0),
            Slot::Language(i) => counts.languages.get(i).copied().unwrap_or(0),
            Slot::Access(access) => counts.access[access as usize],
            Slot::Person(i) => counts.people.get(i).copied().unwrap_or(0),
            Slot::Venue(i) => counts.venues.get(i).copied().unwrap_or(0),
        }
    }
}

/// The options a facet offers for this programme, in display order. They depend only on the
/// programme, so the UI computes them once and reads counts per filter change. Values no
/// event has are not offered; values that would give zero now are (the UI disables them).
pub fn facet_options(programme: &Programme, facet: Facet) -> Vec<FacetOption> {
    let option = |code: &str, slot: Slot| FacetOption { code: code.to_owned(), slot };
    match facet {
        Facet::Theme => themes_with_events(programme).into_iter().map(|i| option(&programme.themes[i].id, Slot::Theme(i))).collect(),
        Facet::Partner => {
            partners_with_events(programme).into_iter().map(|i| option(&programme.partners[i].id, Slot::Partner(i))).collect()
        }
        Facet::Series => series_with_events(programme).into_iter().map(|i| option(&programme.series[i].id, Slot::Series(i))).collect(),
        Facet::Month => programme_months(programme).into_iter().map(|month| option(&month.to_string(), Slot::Month(month))).collect(),
        Facet::Mode => modes_with_events(programme).into_iter().map(|mode| option(mode.code(), Slot::Mode(mode))).collect(),
        Facet::Language => languages_with_events(programme)
            .into_iter()
            .enumerate()
            .map(|(i, tag)| FacetOption { code: tag, slot: Slot::Language(i) })
            .collect(),
        Facet::Access => access_with_events(programme).into_iter().map(|access| option(access.code(), Slot::Access(access))).collect(),
        Facet::Person => people_with_events(programme).into_iter().map(|i| option(&programme.people[i].id, Slot::Person(i))).collect(),
        Facet::Venue => venues_with_events(programme).into_iter().map(|i| option(&programme.venues[i].id, Slot::Venue(i))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::parse_programme;

    #[test]
    fn month_counts_gather_into_the_months_that_have_events() {
        let month = |year, month| YearMonth::new(year, month).unwrap();
        let mut counts = MonthCounts::starting_at(Some(month(2012, 11)));
        for m in [month(2012, 11), month(2013, 2), month(2013, 2), month(2012, 3), month(2099, 12)] {
            counts.add(m);
        }
        let expected: BTreeMap<YearMonth, usize> =
            [(month(2012, 3), 1), (month(2012, 11), 1), (month(2013, 2), 2), (month(2099, 12), 1)].into_iter().collect();
        assert_eq!(counts.into_map(), expected, "gaps stay absent; a month before the first still counts");
        assert!(MonthCounts::starting_at(None).into_map().is_empty());
    }

    /// Six events over three months, two themes, two partners, two series, three modes.
    const PROGRAMME: &str = r#"{
        "schema_version": "1.0",
        "programme": {"id": "t", "title": "T", "time_zone": "UTC"},
        "themes": [{"id": "law", "label": "Law"}, {"id": "youth", "label": "Youth"}],
        "partners": [{"id": "iom", "name": "IOM"}, {"id": "city", "name": "City of Antwerp"}],
        "series": [{"id": "s1", "title": "Series one"}, {"id": "s2", "title": "Series two"}],
        "events": [
            {"id": "a", "series": "s1", "title": "Migration law", "themes": ["law"], "partners": ["iom"], "when": {"start": "2012-06"}, "mode": "in_person"},
            {"id": "b", "series": "s1", "title": "Youth and law", "themes": ["law", "youth"], "when": {"start": "2012-06-15"}, "mode": "online"},
            {"id": "c", "series": "s2", "title": "Réintégration", "themes": ["youth"], "partners": ["city"], "when": {"start": "2012-07-30", "end": "2012-08-02"}, "mode": "hybrid"},
            {"id": "d", "series": "s2", "title": "Media", "partners": ["city", "iom"], "when": {"start": "2012-08-10T10:00:00-04:00"}, "mode": "hybrid"},
            {"id": "e", "title": "No series", "when": {"start": "2012-08"}},
            {"id": "f", "series": "s1", "title": "Late June in New York", "when": {"start": "2012-06-30T23:30:00-04:00"}, "location": {"name": "UN HQ", "city": "New York"}}
        ]
    }"#;

    fn ids(filter: &Filter, today: NaiveDate) -> String {
        let (programme, problems) = parse_programme(PROGRAMME).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let result = apply(&programme, filter, today);
        result.matching.iter().map(|&i| programme.events[i].id.as_str()).collect::<Vec<_>>().join(",")
    }

    fn filter(setup: impl FnOnce(&mut Filter)) -> Filter {
        let mut filter = Filter::default();
        setup(&mut filter);
        filter
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn filters_by_every_facet_or_within_and_across() {
        let early = day(2000, 1, 1);
        let m = |y, m| YearMonth::new(y, m).unwrap();
        let cases: Vec<(&str, Filter, &str)> = vec![
            ("nothing chosen", Filter::default(), "a,b,f,c,e,d"),
            (
                "one theme",
                filter(|f| {
                    f.themes.insert("law".into());
                }),
                "a,b",
            ),
            (
                "two themes: OR",
                filter(|f| {
                    f.themes.extend(["law".into(), "youth".into()]);
                }),
                "a,b,c",
            ),
            (
                "partner",
                filter(|f| {
                    f.partners.insert("iom".into());
                }),
                "a,d",
            ),
            (
                "theme AND partner",
                filter(|f| {
                    f.themes.insert("law".into());
                    f.partners.insert("iom".into());
                }),
                "a",
            ),
            (
                "series",
                filter(|f| {
                    f.series.insert("s2".into());
                }),
                "c,d",
            ),
            (
                "mode",
                filter(|f| {
                    f.modes.insert(Mode::Hybrid);
                }),
                "c,d",
            ),
            // A day range touching two months is in both; late 30 June in New York is June there.
            (
                "month July",
                filter(|f| {
                    f.months.insert(m(2012, 7));
                }),
                "c",
            ),
            (
                "month June",
                filter(|f| {
                    f.months.insert(m(2012, 6));
                }),
                "a,b,f",
            ),
            (
                "months June or August",
                filter(|f| {
                    f.months.extend([m(2012, 6), m(2012, 8)]);
                }),
                "a,b,f,c,e,d",
            ),
            (
                "unknown id matches nothing",
                filter(|f| {
                    f.themes.insert("nope".into());
                }),
                "",
            ),
            ("search, accents ignored", filter(|f| f.text = "reintegration".into()), "c"),
            ("search, every word", filter(|f| f.text = "LAW youth".into()), "b"),
            ("search in partner names", filter(|f| f.text = "antwerp".into()), "c,d"),
            ("search in places", filter(|f| f.text = "new york".into()), "f"),
            ("hide past, nothing past yet", filter(|f| f.past = PastEvents::Hidden), "a,b,f,c,e,d"),
        ];
        for (name, filter, expected) in cases {
            assert_eq!(ids(&filter, early), expected, "{name}");
        }
    }

    #[test]
    fn hide_past_uses_the_day_given_and_whole_months() {
        let hide = filter(|f| f.past = PastEvents::Hidden);
        // On 20 June 2012: b (15 June) is over; a (June, day unknown) is not over yet.
        assert_eq!(ids(&hide, day(2012, 6, 20)), "a,f,c,e,d");
        assert_eq!(ids(&hide, day(2012, 7, 1)), "c,e,d");
        assert_eq!(ids(&hide, day(2012, 9, 1)), "");
    }

    #[test]
    fn a_current_programme_leaves_past_events_out_until_the_reader_asks_or_looks_on_purpose() {
        let (programme, _) = parse_programme(PROGRAMME).unwrap();
        let on = day(2012, 7, 1);
        assert!(programme.is_current(on));
        let result = apply(&programme, &Filter::default(), on);
        assert_eq!(ids(&Filter::default(), on), "c,e,d");
        assert_eq!(result.past_left_out, 3, "a, b and f are over");
        // Past events still count for the month they would be listed in when it is chosen.
        let june = YearMonth::new(2012, 6).unwrap();
        assert_eq!(result.counts.months.get(&june), Some(&3));
        assert_eq!(ids(&filter(|f| _ = f.months.insert(june)), on), "a,b,f");
        // Searching is a deliberate look too.
        assert_eq!(ids(&filter(|f| f.text = "law".into()), on), "a,b");
        // Other facets keep the default; only the matching past events are counted as left out.
        let law = filter(|f| _ = f.themes.insert("law".into()));
        assert_eq!(ids(&law, on), "");
        assert_eq!(apply(&programme, &law, on).past_left_out, 2);
        assert_eq!(apply(&programme, &law, on).counts.themes, vec![0, 1], "law's own events are over; c is youth");
        // The reader's choice wins either way.
        assert_eq!(ids(&filter(|f| f.past = PastEvents::Shown), on), "a,b,f,c,e,d");
        assert_eq!(apply(&programme, &filter(|f| f.past = PastEvents::Hidden), on).past_left_out, 0);
        assert!(Filter::default().hides_past(true) && !Filter::default().hides_past(false));
        assert!(!filter(|f| _ = f.months.insert(june)).hides_past(true));
    }

    #[test]
    fn a_programme_entirely_over_is_a_record_and_lists_everything() {
        let (programme, _) = parse_programme(PROGRAMME).unwrap();
        let after = day(2012, 9, 1);
        assert!(!programme.is_current(after));
        assert_eq!(ids(&Filter::default(), after), "a,b,f,c,e,d");
        assert_eq!(apply(&programme, &Filter::default(), after).past_left_out, 0);
        // On the last day of its last month, the month-only event e is not over yet.
        assert!(programme.is_current(day(2012, 8, 31)));
        assert_eq!(ids(&Filter::default(), day(2012, 8, 31)), "e");
    }

    #[test]
    fn facet_counts_count_with_the_other_filters_only() {
        let (programme, _) = parse_programme(PROGRAMME).unwrap();
        let chosen = filter(|f| {
            f.themes.insert("law".into());
            f.partners.insert("iom".into());
        });
        let counts = apply(&programme, &chosen, day(2000, 1, 1)).counts;
        let count =
            |facet, code: &str| facet_options(&programme, facet).into_iter().find(|o| o.code == code).map(|o| o.count(&counts)).unwrap();
        // Theme counts apply the partner filter only: iom events are a (law) and d (no theme).
        assert_eq!((count(Facet::Theme, "law"), count(Facet::Theme, "youth")), (1, 0));
        // Partner counts apply the theme filter only: law events are a (iom) and b (none).
        assert_eq!((count(Facet::Partner, "iom"), count(Facet::Partner, "city")), (1, 0));
        // Other facets apply both: only a.
        assert_eq!((count(Facet::Month, "2012-06"), count(Facet::Month, "2012-08")), (1, 0));
        assert_eq!(count(Facet::Mode, "in_person"), 1);
        // Options come from the programme, not from the current counts.
        let months: Vec<String> = facet_options(&programme, Facet::Month).into_iter().map(|o| o.code).collect();
        assert_eq!(months, ["2012-06", "2012-07", "2012-08"]);
    }

    #[test]
    fn options_are_the_vocabulary_in_use_in_its_order() {
        let (programme, _) = parse_programme(include_str!("../../public/programme.json")).unwrap();
        let codes = |facet| facet_options(&programme, facet).into_iter().map(|o| o.code).collect::<Vec<_>>();
        let in_use = |ids: Vec<&String>, used: &dyn Fn(&Event, usize) -> bool| {
            ids.iter()
                .enumerate()
                .filter(|(i, _)| programme.events.iter().any(|e| used(e, *i)))
                .map(|(_, id)| id.to_string())
                .collect::<Vec<_>>()
        };
        let themes = in_use(programme.themes.iter().map(|t| &t.id).collect(), &|e, i| e.themes.contains(&i));
        let partners = in_use(programme.partners.iter().map(|p| &p.id).collect(), &|e, i| e.partners.contains(&i));
        let series = in_use(programme.series.iter().map(|s| &s.id).collect(), &|e, i| e.series == Some(i));
        assert!(
            !themes.is_empty() && partners.len() < programme.partners.len(),
            "the bundled programme names some of its partners only on series"
        );
        assert_eq!(codes(Facet::Theme), themes);
        assert_eq!(codes(Facet::Partner), partners);
        assert_eq!(codes(Facet::Series), series);
        assert_eq!(codes(Facet::Mode), ["in_person", "hybrid"]);
    }

    #[test]
    fn toggling_and_clearing_values() {
        let mut f = Filter::default();
        f.toggle(Facet::Month, "2012-06");
        f.toggle(Facet::Mode, "hybrid");
        f.toggle(Facet::Theme, "law");
        f.toggle(Facet::Month, "not-a-month");
        assert_eq!(f.active(), [(Facet::Theme, "law".into()), (Facet::Month, "2012-06".into()), (Facet::Mode, "hybrid".into())]);
        f.toggle(Facet::Theme, "law");
        assert!(!f.is_chosen(Facet::Theme, "law"));
        f.clear();
        assert!(f.is_empty());
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod narrowing_tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::programme::parse_programme;
    use crate::domain::synthetic::synthetic_programme;

    /// What a reader does between two results.
    #[derive(Debug, Clone)]
    enum Step {
        Type(char),
        Erase,
        Space,
        TogglePast,
        ToggleTheme(usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            6 => prop::sample::select(vec!['a', 'e', 'i', 'o', 'n', 'r', 't', 'm', 'é', 'É', '-']).prop_map(Step::Type),
            2 => Just(Step::Erase),
            1 => Just(Step::Space),
            1 => Just(Step::TogglePast),
            1 => (0_usize..40).prop_map(Step::ToggleTheme),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_result_built_on_the_one_before_is_what_a_fresh_one_gives(steps in prop::collection::vec(step(), 1..30)) {
            let text = serde_json::to_string(&synthetic_programme(300, 5)).unwrap();
            let (programme, _) = parse_programme(&text).unwrap();
            let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            let mut filter = Filter::default();
            let mut before = apply(&programme, &filter, today);
            for step in steps {
                match step {
                    Step::Type(letter) => filter.text.push(letter),
                    Step::Erase => { filter.text.pop(); }
                    Step::Space => filter.text.push(' '),
                    Step::TogglePast => {
                        filter.past = match filter.past {
                            PastEvents::AsProgramme => PastEvents::Hidden,
                            PastEvents::Hidden => PastEvents::Shown,
                            PastEvents::Shown => PastEvents::AsProgramme,
                        }
                    }
                    Step::ToggleTheme(i) => {
                        let id = programme.themes[i % programme.themes.len()].id.clone();
                        if !filter.themes.remove(&id) {
                            filter.themes.insert(id);
                        }
                    }
                }
                let fresh = apply(&programme, &filter, today);
                let built_on = apply_after(&programme, &filter, today, Some(&before));
                prop_assert_eq!(&built_on, &fresh, "after {:?}", filter);
                before = built_on;
            }
        }
    }
}
