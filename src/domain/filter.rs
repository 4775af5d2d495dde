//! Faceted filtering "on the model level": which events match a `Filter`, and how many events
//! each facet option would give with the other active filters (facet counts).
//!
//! Rules: OR within a facet, AND across facets; search needs every word; "hide past" compares
//! with a `today` passed in. Ids the programme does not know are ignored here (the URL layer
//! reports them). Pure functions, no UI.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::fold::{matches_all, query_words};
use super::programme::{Mode, Programme};
use super::when::YearMonth;

/// What the user chose. Empty sets mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub themes: BTreeSet<String>,
    pub months: BTreeSet<YearMonth>,
    pub partners: BTreeSet<String>,
    pub series: BTreeSet<String>,
    pub modes: BTreeSet<Mode>,
    pub text: String,
    pub hide_past: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
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
}

impl Facet {
    pub const ALL: [Facet; 5] = [Facet::Theme, Facet::Month, Facet::Partner, Facet::Series, Facet::Mode];

    fn bit(self) -> u8 {
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
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterResult {
    /// Indices into `programme.events`, in chronological order.
    pub matching: Vec<usize>,
    pub counts: FacetCounts,
}

/// The filter with ids resolved to indices once, so the per-event test is integer work.
struct Compiled {
    themes: Option<Vec<bool>>,
    partners: Option<Vec<bool>>,
    series: Option<Vec<bool>>,
    months: Option<BTreeSet<YearMonth>>,
    modes: Option<BTreeSet<Mode>>,
    words: Vec<String>,
    hide_past: bool,
}

fn mask(chosen: &BTreeSet<String>, ids: impl Iterator<Item = String>) -> Option<Vec<bool>> {
    (!chosen.is_empty()).then(|| ids.map(|id| chosen.contains(&id)).collect())
}

impl Compiled {
    fn new(programme: &Programme, filter: &Filter) -> Self {
        Self {
            themes: mask(&filter.themes, programme.themes.iter().map(|t| t.id.clone())),
            partners: mask(&filter.partners, programme.partners.iter().map(|p| p.id.clone())),
            series: mask(&filter.series, programme.series.iter().map(|s| s.id.clone())),
            months: (!filter.months.is_empty()).then(|| filter.months.clone()),
            modes: (!filter.modes.is_empty()).then(|| filter.modes.clone()),
            words: query_words(&filter.text),
            hide_past: filter.hide_past,
        }
    }
}

fn any_in(chosen: &Option<Vec<bool>>, indices: &[usize]) -> bool {
    chosen.as_ref().is_none_or(|mask| indices.iter().any(|&i| mask[i]))
}

/// Filters `programme` and counts facet options. `today` is in the reader's calendar.
pub fn apply(programme: &Programme, filter: &Filter, today: NaiveDate) -> FilterResult {
    let compiled = Compiled::new(programme, filter);
    let mut counts = FacetCounts {
        themes: vec![0; programme.themes.len()],
        partners: vec![0; programme.partners.len()],
        series: vec![0; programme.series.len()],
        // Only months with events get an entry; an absent month counts as zero.
        months: BTreeMap::new(),
        modes: BTreeMap::new(),
    };
    let mut matching = Vec::new();
    for (index, event) in programme.events.iter().enumerate() {
        if compiled.hide_past && event.when.is_past(today) {
            continue;
        }
        if !matches_all(&event.search_text, &compiled.words) {
            continue;
        }
        let months = &event.months;
        let series: &[usize] = event.series.as_slice();
        // Which facets this event fails; it counts towards a facet's options only when every
        // *other* facet passes, which is what "would give N with the other filters" means.
        let mut failed = 0u8;
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
            months.iter().for_each(|m| *counts.months.entry(*m).or_default() += 1);
        }
        if counts_for(Facet::Mode) {
            if let Some(mode) = event.mode {
                *counts.modes.entry(mode).or_default() += 1;
            }
        }
    }
    FilterResult { matching, counts }
}

/// Every month any event touches, in order: the month facet's options.
pub fn programme_months(programme: &Programme) -> BTreeSet<YearMonth> {
    programme.events.iter().flat_map(|event| event.months.iter().copied()).collect()
}

/// Partners that at least one event names: the partner facet's options (organisers and
/// networks named only on a series are shown on the series, not offered as a filter).
pub fn partners_with_events(programme: &Programme) -> Vec<usize> {
    let used: BTreeSet<usize> = programme.events.iter().flat_map(|e| e.partners.iter().copied()).collect();
    used.into_iter().collect()
}

/// Themes that at least one event names, in vocabulary order.
pub fn themes_with_events(programme: &Programme) -> Vec<usize> {
    let used: BTreeSet<usize> = programme.events.iter().flat_map(|e| e.themes.iter().copied()).collect();
    used.into_iter().collect()
}

/// Delivery modes that at least one event has.
pub fn modes_with_events(programme: &Programme) -> Vec<Mode> {
    let used: BTreeSet<Mode> = programme.events.iter().filter_map(|e| e.mode).collect();
    used.into_iter().collect()
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
        }
    }

    pub fn is_chosen(&self, facet: Facet, code: &str) -> bool {
        match facet {
            Facet::Theme => self.themes.contains(code),
            Facet::Partner => self.partners.contains(code),
            Facet::Series => self.series.contains(code),
            Facet::Month => YearMonth::parse(code).is_some_and(|m| self.months.contains(&m)),
            Facet::Mode => Mode::from_code(code).is_some_and(|m| self.modes.contains(&m)),
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
        Facet::Series => {
            let used: BTreeSet<usize> = programme.events.iter().filter_map(|e| e.series).collect();
            used.into_iter().map(|i| option(&programme.series[i].id, Slot::Series(i))).collect()
        }
        Facet::Month => programme_months(programme).into_iter().map(|month| option(&month.to_string(), Slot::Month(month))).collect(),
        Facet::Mode => modes_with_events(programme).into_iter().map(|mode| option(mode.code(), Slot::Mode(mode))).collect(),
    }
}
