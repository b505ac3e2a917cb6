//! The validated evidence set views receive, built in one place: from a published document
//! that [`crate::validate::validate`] found no problem in.

use crate::published::{
    CitationNumber, Inlines, Part, Place, Published, Section, SectionId, Source, for_each_citation,
};

/// A validated evidence set: what views receive. It can only be made by validation
/// ([`crate::load_published`], or publishing an authored file), so views never meet a dangling
/// citation, an unsafe link or a duplicate id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    document: Published,
    /// Positions in `document.sources`, ordered by source number.
    by_number: Vec<usize>,
    /// For each entry of `by_number`, the sentences citing that source in reading order.
    cited_at: Vec<Vec<Place>>,
}

impl Evidence {
    /// Wraps a document that [`validate`](crate::validate::validate) found no problem in.
    pub(crate) fn from_valid(document: Published) -> Self {
        let sources = &document.sources;
        let by_number = crate::order::sorted_indices(sources.len(), &|a, b| {
            sources[a].number.cmp(&sources[b].number)
        });
        let mut evidence = Self {
            cited_at: vec![Vec::new(); by_number.len()],
            by_number,
            document,
        };
        let mut citations = Vec::new();
        for (place, _, text) in evidence.document.texts() {
            for_each_citation(text, &mut |n| citations.push((n, place.clone())));
        }
        for (n, place) in citations {
            if let Some(slot) = evidence.slot(n) {
                let places = &mut evidence.cited_at[slot];
                if places.last() != Some(&place) {
                    places.push(place);
                }
            }
        }
        evidence
    }

    /// Validates a document read from a file: the evidence, or every problem in it.
    pub fn checked(document: Published) -> Result<Self, Vec<crate::error::Problem>> {
        let problems = crate::validate::validate(&document);
        if problems.is_empty() {
            Ok(Self::from_valid(document))
        } else {
            Err(problems)
        }
    }

    /// The position of source `n` in `by_number`.
    fn slot(&self, n: CitationNumber) -> Option<usize> {
        self.by_number
            .binary_search_by_key(&n, |&i| self.document.sources[i].number)
            .ok()
    }

    /// The document.
    pub fn document(&self) -> &Published {
        &self.document
    }

    /// The source with number `n`, if there is one.
    pub fn source(&self, n: CitationNumber) -> Option<&Source> {
        self.slot(n)
            .map(|slot| &self.document.sources[self.by_number[slot]])
    }

    /// Every sentence that cites source `n`, in reading order.
    pub fn cited_at(&self, n: CitationNumber) -> &[Place] {
        self.slot(n).map_or(&[], |slot| &self.cited_at[slot])
    }

    /// The sources ordered by number.
    pub fn sources_by_number(&self) -> Vec<&Source> {
        self.by_number
            .iter()
            .map(|&i| &self.document.sources[i])
            .collect()
    }

    /// The text at `place`, if the document has one there.
    pub fn text(&self, place: &Place) -> Option<&Inlines> {
        let doc = &self.document;
        match &place.part {
            Part::Verdict => doc.verdict.sentences.get(place.sentence),
            Part::Section(id) => doc
                .sections
                .iter()
                .find(|s| &s.id == id)
                .and_then(|s| s.sentences.get(place.sentence)),
            Part::Limits => doc.limits.get(place.sentence),
            Part::Changes => doc.changes.get(place.sentence).map(|c| &c.text),
        }
    }

    /// The section with `id` and its position (from 0).
    pub fn section(&self, id: &SectionId) -> Option<(usize, &Section<Inlines>)> {
        self.document
            .sections
            .iter()
            .enumerate()
            .find(|(_, s)| &s.id == id)
    }

    /// The published form as JSON: indented for people to read, or compact to embed.
    pub fn to_json(&self, pretty: bool) -> String {
        let written = if pretty {
            serde_json::to_string_pretty(&self.document)
        } else {
            serde_json::to_string(&self.document)
        };
        let mut json = written
            .expect("an evidence document always serializes: it holds only strings and numbers");
        json.push('\n');
        json
    }
}
