//! DOM ids, made from typed identities and a per-widget prefix so that several widgets can
//! share one page.

use std::rc::Rc;

use explainer_evidence::{CitationNumber, Evidence, Part, Place, SectionId};

use super::deep_link;
use super::state::{MarkerId, Target};

/// The id maker of one widget instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids {
    prefix: Rc<str>,
}

impl Ids {
    /// Ids for the widget instance named `instance`. Characters that are not lowercase
    /// letters, digits or hyphens are dropped, so every id is safe in a selector and a URL.
    pub fn new(instance: &str) -> Self {
        let clean: String = instance
            .chars()
            .map(|c| c.to_ascii_lowercase())
            .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        let prefix = if clean.is_empty() {
            "explainer".to_owned()
        } else {
            clean
        };
        Self {
            prefix: prefix.into(),
        }
    }

    /// The question heading.
    pub fn question(&self) -> String {
        format!("{}-question", self.prefix)
    }

    /// A section's disclosure button.
    pub fn section_button(&self, id: &SectionId) -> String {
        format!("{}-button-{id}", self.prefix)
    }

    /// A section's panel.
    pub fn section_panel(&self, id: &SectionId) -> String {
        format!("{}-panel-{id}", self.prefix)
    }

    /// A sentence (or reporting limit). The final `-n` is always the sentence's number, so two
    /// section ids can never produce the same sentence id.
    pub fn sentence(&self, place: &Place) -> String {
        let n = place.sentence + 1;
        match &place.part {
            Part::Verdict => format!("{}-verdict-{n}", self.prefix),
            Part::Section(id) => format!("{}-s-{id}-{n}", self.prefix),
            Part::Limits => format!("{}-limit-{n}", self.prefix),
            Part::Changes => format!("{}-change-{n}", self.prefix),
        }
    }

    /// A citation marker.
    pub fn marker(&self, marker: &MarkerId) -> String {
        format!("{}-c{}", self.sentence(&marker.place), marker.ordinal + 1)
    }

    /// The source card a marker opens.
    pub fn card(&self, marker: &MarkerId) -> String {
        format!("{}-card", self.marker(marker))
    }

    /// A source's entry in the source list.
    pub fn source(&self, n: CitationNumber) -> String {
        format!("{}-source-{n}", self.prefix)
    }

    /// The reporting-limits disclosure button.
    pub fn limits_button(&self) -> String {
        format!("{}-limits-button", self.prefix)
    }

    /// The reporting-limits panel.
    pub fn limits_panel(&self) -> String {
        format!("{}-limits-panel", self.prefix)
    }

    /// The corrections and updates disclosure button.
    pub fn changes_button(&self) -> String {
        format!("{}-changes-button", self.prefix)
    }

    /// The corrections and updates panel.
    pub fn changes_panel(&self) -> String {
        format!("{}-changes-panel", self.prefix)
    }

    /// The disclosure whose panel has the DOM id `id`: a section, the reporting limits or the
    /// changes.
    pub fn panel_target(&self, evidence: &Evidence, id: &str) -> Option<Target> {
        if id == self.limits_panel() {
            return Some(Target::Limits);
        }
        if id == self.changes_panel() {
            return Some(Target::Changes);
        }
        evidence
            .document()
            .sections
            .iter()
            .find(|s| self.section_panel(&s.id) == id)
            .map(|s| Target::Section(s.id.clone()))
    }

    /// The id a section's deep link (`#section-id`) names, where deep links are page anchors;
    /// none for an id the widget's own ids or a source's anchor could also be.
    pub fn section_anchor(&self, id: &SectionId) -> Option<String> {
        let own = id.0.starts_with(&*self.prefix) || id.0.starts_with(deep_link::SOURCE_PART);
        (!own).then(|| id.0.clone())
    }

    /// The id a source's deep link (`#source-4`) names, where deep links are page anchors.
    pub fn source_anchor(n: CitationNumber) -> String {
        deep_link::source_part(n)
    }

    /// The source list heading.
    pub fn sources_heading(&self) -> String {
        format!("{}-sources", self.prefix)
    }

    /// The element a navigation target moves focus to.
    pub fn target(&self, target: &Target) -> String {
        match target {
            Target::Sentence(place) => self.sentence(place),
            Target::Source(n) => self.source(*n),
            Target::Limits => self.limits_button(),
            Target::Changes => self.changes_button(),
            Target::Section(id) => self.section_button(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_get_distinct_safe_prefixes() {
        let place = Place {
            part: Part::Verdict,
            sentence: 0,
        };
        assert_eq!(Ids::new("ex-1").sentence(&place), "ex-1-verdict-1");
        assert_ne!(
            Ids::new("ex-1").sentence(&place),
            Ids::new("ex-2").sentence(&place)
        );
        assert_eq!(
            Ids::new("\"><script>").source(CitationNumber(4)),
            "script-source-4"
        );
        assert_eq!(Ids::new("").source(CitationNumber(4)), "explainer-source-4");
    }

    #[test]
    fn deep_link_anchors_never_take_an_id_of_the_widget() {
        let ids = Ids::new("explainer");
        let section = |id: &str| ids.section_anchor(&SectionId(id.to_owned()));
        assert_eq!(section("amazon").as_deref(), Some("amazon"));
        assert_eq!(section("explainer-question"), None);
        assert_eq!(section("source-4"), None);
        assert_eq!(Ids::source_anchor(CitationNumber(4)), "source-4");
    }

    #[test]
    fn sentence_ids_cannot_collide_across_sections() {
        let ids = Ids::new("x");
        let a = Place {
            part: Part::Section(SectionId("a".into())),
            sentence: 11,
        };
        let b = Place {
            part: Part::Section(SectionId("a-1".into())),
            sentence: 1,
        };
        assert_eq!(ids.sentence(&a), "x-s-a-12");
        assert_eq!(ids.sentence(&b), "x-s-a-1-2");
    }
}
