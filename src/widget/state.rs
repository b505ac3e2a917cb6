//! The widget's interactive state and the one reducer that changes it: which sections are open,
//! whether the reporting limits are open, which source card shows and why, and where focus
//! should move after a navigation.

use std::rc::Rc;

use explainer_evidence::{CitationNumber, Evidence, Part, Place, SectionId};
use yew::Reducible;

/// One citation marker: the sentence it sits in and its position among that sentence's markers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MarkerId {
    /// The sentence holding the marker.
    pub place: Place,
    /// The marker's position in the sentence, from 0.
    pub ordinal: usize,
}

/// Why a source card is showing. Each reason is held separately, so a card opened by keyboard
/// focus does not close when a passing pointer leaves, and the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The pointer rests on the marker or the card.
    Hover,
    /// Keyboard focus is on the marker or in the card.
    Focus,
    /// The marker was tapped on a touch screen.
    Tap,
}

/// The source card that is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCard {
    /// The marker the card belongs to.
    pub marker: MarkerId,
    /// The source it shows.
    pub number: CitationNumber,
    hover: bool,
    focus: bool,
    tap: bool,
}

impl OpenCard {
    /// Whether `reason` is one of the reasons the card shows.
    pub fn opened_by(&self, reason: Reason) -> bool {
        match reason {
            Reason::Hover => self.hover,
            Reason::Focus => self.focus,
            Reason::Tap => self.tap,
        }
    }

    fn set(&mut self, reason: Reason, value: bool) {
        match reason {
            Reason::Hover => self.hover = value,
            Reason::Focus => self.focus = value,
            Reason::Tap => self.tap = value,
        }
    }
}

/// Where a navigation goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A sentence; its section opens first.
    Sentence(Place),
    /// A source's entry in the source list.
    Source(CitationNumber),
    /// The reporting limits, which open.
    Limits,
    /// The corrections and updates log, which opens.
    Changes,
    /// A section, which opens.
    Section(SectionId),
}

impl Target {
    /// The target a URL fragment names, for deep links: a section id (`#amazon`) or a source
    /// (`#source-4`). `None` for anything else, so a page's own anchors are left alone.
    pub fn from_fragment(evidence: &Evidence, fragment: &str) -> Option<Self> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(number) = super::deep_link::source_number(fragment) {
            return evidence.source(number).map(|_| Self::Source(number));
        }
        let id = SectionId(fragment.to_owned());
        evidence.section(&id).map(|_| Self::Section(id))
    }
}

/// A request to move focus to a target once it is rendered. The generation makes a repeated
/// request to the same target a new value, so the effect runs again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusRequest {
    /// Where focus goes.
    pub target: Target,
    /// Counts requests.
    pub generation: u32,
}

/// Everything that changes while a reader uses the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    sections: Vec<SectionId>,
    /// The open sections, in the order they were opened.
    pub open: Vec<SectionId>,
    /// Whether the reporting limits are open.
    pub limits_open: bool,
    /// Whether the corrections and updates log is open.
    pub changes_open: bool,
    /// The source card that is showing, if any.
    pub card: Option<OpenCard>,
    /// Where focus should move after the next render.
    pub focus: Option<FocusRequest>,
}

/// What can happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open or close a section.
    ToggleSection(SectionId),
    /// Open every section.
    ExpandAll,
    /// Close every section.
    CollapseAll,
    /// Open every section, the reporting limits and the log: a static page shows everything.
    ShowEverything,
    /// Open or close the reporting limits.
    ToggleLimits,
    /// Open or close the corrections and updates log.
    ToggleChanges,
    /// Show a marker's card for a reason (replacing any other card).
    ShowCard {
        /// The marker.
        marker: MarkerId,
        /// Its source.
        number: CitationNumber,
        /// Why.
        reason: Reason,
    },
    /// One reason for a marker's card has ended; the card closes when none is left.
    HideCard {
        /// The marker.
        marker: MarkerId,
        /// The reason that ended.
        reason: Reason,
    },
    /// Close the card whatever opened it (Escape, a tap elsewhere).
    DismissCard,
    /// Go to a target, opening what hides it, and move focus there.
    Navigate(Target),
    /// Open what hides a target without moving focus: a deep link inside a host's iframe must
    /// not scroll the host's article on load.
    Reveal(Target),
}

impl State {
    /// The starting state for `evidence`: everything collapsed, no card.
    pub fn new(evidence: &Evidence) -> Self {
        Self {
            sections: evidence
                .document()
                .sections
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            open: Vec::new(),
            limits_open: false,
            changes_open: false,
            card: None,
            focus: None,
        }
    }

    /// Whether every section is open.
    pub fn all_open(&self) -> bool {
        self.sections.iter().all(|id| self.is_open(id))
    }

    /// Whether the sentence at `place` is on screen (its section, the limits or the log is
    /// open).
    pub fn is_visible(&self, place: &Place) -> bool {
        match &place.part {
            Part::Verdict => true,
            Part::Section(id) => self.is_open(id),
            Part::Limits => self.limits_open,
            Part::Changes => self.changes_open,
        }
    }

    /// Whether section `id` is open.
    pub fn is_open(&self, id: &SectionId) -> bool {
        self.open.contains(id)
    }

    fn open_section(&mut self, id: &SectionId) {
        if !self.is_open(id) {
            self.open.push(id.clone());
        }
    }

    /// Applies `action`.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::ToggleSection(id) => match self.open.iter().position(|open| *open == id) {
                Some(at) => {
                    self.open.remove(at);
                }
                None => self.open.push(id),
            },
            Action::ExpandAll => self.open = self.sections.clone(),
            Action::CollapseAll => self.open.clear(),
            Action::ShowEverything => {
                self.open = self.sections.clone();
                self.limits_open = true;
                self.changes_open = true;
            }
            Action::ToggleLimits => self.limits_open = !self.limits_open,
            Action::ToggleChanges => self.changes_open = !self.changes_open,
            Action::ShowCard {
                marker,
                number,
                reason,
            } => {
                let card = match self.card.take() {
                    Some(card) if card.marker == marker => card,
                    _ => OpenCard {
                        marker,
                        number,
                        hover: false,
                        focus: false,
                        tap: false,
                    },
                };
                let mut card = card;
                card.set(reason, true);
                self.card = Some(card);
            }
            Action::HideCard { marker, reason } => {
                if let Some(card) = self.card.as_mut().filter(|c| c.marker == marker) {
                    card.set(reason, false);
                    if !(card.hover || card.focus || card.tap) {
                        self.card = None;
                    }
                }
            }
            Action::DismissCard => self.card = None,
            Action::Reveal(target) => self.reveal(&target),
            Action::Navigate(target) => {
                self.reveal(&target);
                let generation = self
                    .focus
                    .as_ref()
                    .map_or(0, |f| f.generation.wrapping_add(1));
                self.focus = Some(FocusRequest { target, generation });
                self.card = None;
            }
        }
        // A card never outlives its marker: closing a section closes the cards inside it.
        if self
            .card
            .as_ref()
            .is_some_and(|c| !self.is_visible(&c.marker.place))
        {
            self.card = None;
        }
    }

    /// Opens the section, the limits or the log that hide `target`.
    fn reveal(&mut self, target: &Target) {
        match target {
            Target::Sentence(place) => match &place.part {
                Part::Section(id) => self.open_section(id),
                Part::Limits => self.limits_open = true,
                Part::Changes => self.changes_open = true,
                Part::Verdict => {}
            },
            Target::Limits => self.limits_open = true,
            Target::Changes => self.changes_open = true,
            Target::Section(id) => self.open_section(id),
            Target::Source(_) => {}
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence() -> Evidence {
        explainer_evidence::load_published(crate::BUNDLED_EVIDENCE).expect("bundled set is valid")
    }

    fn section(id: &str) -> SectionId {
        SectionId(id.to_owned())
    }

    fn marker(part: Part) -> MarkerId {
        MarkerId {
            place: Place { part, sentence: 0 },
            ordinal: 0,
        }
    }

    fn show(state: &mut State, m: &MarkerId, reason: Reason) {
        let number = CitationNumber(1);
        state.apply(Action::ShowCard {
            marker: m.clone(),
            number,
            reason,
        });
    }

    #[test]
    fn sections_start_closed_and_toggle() {
        let mut state = State::new(&evidence());
        assert!(state.open.is_empty());
        state.apply(Action::ToggleSection(section("amazon")));
        assert!(state.is_open(&section("amazon")));
        state.apply(Action::ToggleSection(section("amazon")));
        assert!(state.open.is_empty());
    }

    #[test]
    fn expand_all_opens_every_section_and_collapse_all_closes_them() {
        let mut state = State::new(&evidence());
        state.apply(Action::ExpandAll);
        assert!(state.all_open());
        assert_eq!(state.open.len(), 7);
        state.apply(Action::CollapseAll);
        assert!(state.open.is_empty());
        assert!(!state.all_open());
    }

    #[test]
    fn a_card_stays_while_any_reason_holds() {
        let mut state = State::new(&evidence());
        let m = marker(Part::Verdict);
        show(&mut state, &m, Reason::Focus);
        show(&mut state, &m, Reason::Hover);
        state.apply(Action::HideCard {
            marker: m.clone(),
            reason: Reason::Hover,
        });
        assert!(
            state
                .card
                .as_ref()
                .is_some_and(|c| c.opened_by(Reason::Focus))
        );
        state.apply(Action::HideCard {
            marker: m.clone(),
            reason: Reason::Focus,
        });
        assert_eq!(state.card, None);
    }

    #[test]
    fn hiding_another_markers_card_changes_nothing() {
        let mut state = State::new(&evidence());
        let a = marker(Part::Verdict);
        let b = MarkerId {
            ordinal: 1,
            ..a.clone()
        };
        show(&mut state, &a, Reason::Hover);
        state.apply(Action::HideCard {
            marker: b,
            reason: Reason::Hover,
        });
        assert_eq!(state.card.as_ref().map(|c| &c.marker), Some(&a));
    }

    #[test]
    fn a_new_card_replaces_the_old_one() {
        let mut state = State::new(&evidence());
        let a = marker(Part::Verdict);
        let b = MarkerId {
            ordinal: 1,
            ..a.clone()
        };
        show(&mut state, &a, Reason::Focus);
        show(&mut state, &b, Reason::Hover);
        let card = state.card.clone().expect("card");
        assert_eq!(card.marker, b);
        assert!(!card.opened_by(Reason::Focus));
    }

    #[test]
    fn dismiss_closes_whatever_opened_the_card() {
        let mut state = State::new(&evidence());
        let m = marker(Part::Verdict);
        show(&mut state, &m, Reason::Tap);
        show(&mut state, &m, Reason::Focus);
        state.apply(Action::DismissCard);
        assert_eq!(state.card, None);
    }

    #[test]
    fn collapsing_a_section_closes_its_card() {
        let mut state = State::new(&evidence());
        let m = marker(Part::Section(section("amazon")));
        state.apply(Action::ToggleSection(section("amazon")));
        show(&mut state, &m, Reason::Hover);
        assert!(state.card.is_some());
        state.apply(Action::CollapseAll);
        assert_eq!(state.card, None);
    }

    #[test]
    fn navigating_to_a_sentence_opens_its_section_and_requests_focus() {
        let mut state = State::new(&evidence());
        let place = Place {
            part: Part::Section(section("middlemen")),
            sentence: 0,
        };
        state.apply(Action::Navigate(Target::Sentence(place.clone())));
        assert!(state.is_open(&section("middlemen")));
        let first = state.focus.clone().expect("focus request");
        assert_eq!(first.target, Target::Sentence(place.clone()));
        state.apply(Action::Navigate(Target::Sentence(place)));
        assert_ne!(
            state.focus.expect("focus request").generation,
            first.generation
        );
    }

    #[test]
    fn fragments_name_sections_and_sources() {
        let e = evidence();
        assert_eq!(
            Target::from_fragment(&e, "#amazon"),
            Some(Target::Section(section("amazon")))
        );
        assert_eq!(
            Target::from_fragment(&e, "source-4"),
            Some(Target::Source(CitationNumber(4)))
        );
        for other in ["", "#", "#nothing", "#source-11", "#source-x", "#Amazon"] {
            assert_eq!(Target::from_fragment(&e, other), None, "{other}");
        }
    }

    #[test]
    fn revealing_opens_without_moving_focus() {
        let mut state = State::new(&evidence());
        state.apply(Action::Reveal(Target::Section(section("amazon"))));
        assert!(state.is_open(&section("amazon")));
        assert_eq!(state.focus, None);
    }

    #[test]
    fn navigating_to_the_limits_opens_them() {
        let mut state = State::new(&evidence());
        state.apply(Action::Navigate(Target::Limits));
        assert!(state.limits_open);
        state.apply(Action::ToggleLimits);
        assert!(!state.limits_open);
    }

    #[test]
    fn navigating_to_a_change_opens_the_log_and_closing_it_closes_its_card() {
        let mut state = State::new(&evidence());
        let place = Place {
            part: Part::Changes,
            sentence: 0,
        };
        state.apply(Action::Navigate(Target::Sentence(place.clone())));
        assert!(state.changes_open);
        show(&mut state, &marker(Part::Changes), Reason::Tap);
        assert!(state.card.is_some());
        state.apply(Action::ToggleChanges);
        assert!(!state.changes_open);
        assert_eq!(state.card, None);
    }
}
