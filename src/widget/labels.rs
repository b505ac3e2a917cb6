//! Words the widget shows for places and sources, kept apart from markup so they can be tested.

use explainer_evidence::{ChangeKind, Evidence, Meta, Part, Place, Published, Source};

use crate::locales::{Locale, Piece, fill, fill_with};

/// A short visible name for where a sentence is, e.g. "Section 3" or "Reporting limit 2".
pub fn place_short(locale: &Locale, evidence: &Evidence, place: &Place) -> String {
    let words = &locale.words;
    let sentence = (place.sentence + 1).to_string();
    match &place.part {
        Part::Verdict if evidence.document().verdict.sentences.len() > 1 => {
            fill(words.place_verdict_sentence, &[("sentence", &sentence)])
        }
        Part::Verdict => words.place_verdict.to_owned(),
        Part::Section(id) => {
            let Some((i, section)) = evidence.section(id) else {
                return fill(words.place_section, &[("section", "")])
                    .trim()
                    .to_owned();
            };
            let number = (i + 1).to_string();
            let template = if section.sentences.len() > 1 {
                words.place_section_sentence
            } else {
                words.place_section
            };
            fill(template, &[("section", &number), ("sentence", &sentence)])
        }
        Part::Limits => fill(words.place_limit, &[("sentence", &sentence)]),
        Part::Changes => match evidence.document().changes.get(place.sentence) {
            Some(change) => fill(
                words.place_change,
                &[
                    ("kind", change_kind(locale, change.kind)),
                    ("date", &locale.date(&change.date)),
                ],
            ),
            None => change_kind(locale, ChangeKind::Update).to_owned(),
        },
    }
}

/// A log entry's kind as its heading names it.
pub fn change_kind(locale: &Locale, kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Correction => locale.words.correction,
        ChangeKind::Update => locale.words.update,
        ChangeKind::Clarification => locale.words.clarification,
    }
}

/// What the line beside the verdict says of the log: the latest entry's kind and date, and,
/// whenever a change replaced the verdict, what it was before, so a corrected verdict never
/// shows without its correction. `None` for an explainer never changed.
pub fn changes_note(locale: &Locale, doc: &Published) -> Option<Vec<Piece>> {
    let words = &locale.words;
    let latest = doc.changes.last()?;
    let done = match latest.kind {
        ChangeKind::Correction => words.corrected_on,
        ChangeKind::Update => words.updated_on,
        ChangeKind::Clarification => words.clarified_on,
    };
    let date = |date: &str| vec![Piece::Words(locale.date(date))];
    let mut note = fill_with(done, &[("date", date(&latest.date))], Piece::words);
    let replaced = doc.changes.iter().rev().find_map(|change| {
        let label = change.replaces.as_ref()?;
        Some((label, &change.date))
    });
    if let Some((label, when)) = replaced {
        note.push(Piece::words(" "));
        let values = [
            ("label", vec![Piece::Evidence(label.clone())]),
            ("date", date(when)),
        ];
        note.extend(fill_with(words.verdict_was, &values, Piece::words));
    }
    Some(note)
}

/// A full name for where a sentence is, for screen readers: the short name and the section title.
pub fn place_long(locale: &Locale, evidence: &Evidence, place: &Place) -> String {
    let short = place_short(locale, evidence, place);
    match &place.part {
        Part::Section(id) => match evidence.section(id) {
            Some((_, section)) => fill(
                locale.words.place_titled,
                &[("place", &short), ("title", &section.title)],
            ),
            None => short,
        },
        _ => short,
    }
}

/// A marker's accessible name: which source it is, by title or publisher when known.
pub fn marker_name(locale: &Locale, source: Option<&Source>, number: u32) -> String {
    let known = source.and_then(|s| s.title.as_deref().or(s.publisher.as_deref()));
    let number = number.to_string();
    match known {
        Some(name) => fill(
            locale.words.source_named,
            &[("number", &number), ("name", name)],
        ),
        None => fill(locale.words.source_unnamed, &[("number", &number)]),
    }
}

/// The line under a source's title: publisher, author and date, those that are known, each
/// apart (a Latin publisher beside an Arabic date keeps its place).
pub fn byline(locale: &Locale, source: &Source) -> Option<Vec<Piece>> {
    let date = source.date.as_deref().map(|d| locale.date(d));
    let parts: Vec<Vec<Piece>> = [
        source.publisher.as_deref(),
        source.author.as_deref(),
        date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|part| vec![Piece::Evidence(part.to_owned())])
    .collect();
    line(parts, " · ")
}

/// `parts` one after the other with `between` them; `None` for no parts.
fn line(parts: Vec<Vec<Piece>>, between: &str) -> Option<Vec<Piece>> {
    let mut line = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            line.push(Piece::words(between));
        }
        line.extend(part);
    }
    (!line.is_empty()).then_some(line)
}

/// Who stands behind the explainer, as the line under the verdict says it: "By A and B.
/// Edited by C. Published by D.", with the parts that are known.
pub fn credits(locale: &Locale, meta: &Meta) -> Option<Vec<Piece>> {
    let words = &locale.words;
    let names = |names: &[String]| {
        let each: Vec<Piece> = names.iter().map(|n| Piece::Evidence(n.clone())).collect();
        locale.list(&each, Piece::words)
    };
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        parts.push(fill_with(
            words.by,
            &[("names", names(&meta.authors))],
            Piece::words,
        ));
    }
    if !meta.editors.is_empty() {
        let values = [("names", names(&meta.editors))];
        parts.push(fill_with(words.edited_by, &values, Piece::words));
    }
    if let Some(publisher) = &meta.publisher {
        let values = [("name", vec![Piece::Evidence(publisher.clone())])];
        parts.push(fill_with(words.published_by, &values, Piece::words));
    }
    line(parts, " ")
}

#[cfg(test)]
mod tests {
    use explainer_evidence::{CitationNumber, SectionId};

    use super::*;

    fn en() -> &'static Locale {
        Locale::english()
    }

    /// What a reader sees of `pieces`.
    fn seen(pieces: Option<Vec<Piece>>) -> Option<String> {
        pieces.map(|p| Piece::text(&p))
    }

    fn evidence() -> Evidence {
        explainer_evidence::load_published(crate::BUNDLED_EVIDENCE).expect("bundled set is valid")
    }

    #[test]
    fn places_are_named_by_section_number_and_sentence() {
        let e = evidence();
        let amazon = Place {
            part: Part::Section(SectionId("amazon".into())),
            sentence: 0,
        };
        assert_eq!(place_short(en(), &e, &amazon), "Section 3");
        assert!(place_long(en(), &e, &amazon).starts_with("Section 3: What Amazon did"));
        let bottom = Place {
            part: Part::Section(SectionId("bottom-line".into())),
            sentence: 1,
        };
        assert_eq!(place_short(en(), &e, &bottom), "Section 7, sentence 2");
        assert_eq!(
            place_short(
                en(),
                &e,
                &Place {
                    part: Part::Limits,
                    sentence: 1
                }
            ),
            "Reporting limit 2"
        );
    }

    #[test]
    fn markers_name_their_source_or_say_it_is_unidentified() {
        let e = evidence();
        assert_eq!(
            marker_name(en(), e.source(CitationNumber(4)), 4),
            "Source 4: Amazon Employees Continue to Urge Company to Cut Ties With ICE"
        );
        assert_eq!(
            marker_name(en(), e.source(CitationNumber(3)), 3),
            "Source 3: Forbes"
        );
        assert_eq!(
            marker_name(en(), e.source(CitationNumber(9)), 9),
            "Source 9, not identified by the report"
        );
    }

    #[test]
    fn bylines_join_what_is_known() {
        let e = evidence();
        let four = e.source(CitationNumber(4)).expect("source 4");
        assert_eq!(
            byline(en(), four),
            Some(vec![
                Piece::Evidence("Yahoo Finance".into()),
                Piece::words(" · "),
                Piece::Evidence("Michael Tedder".into())
            ])
        );
        assert_eq!(
            byline(en(), e.source(CitationNumber(1)).expect("source 1")),
            None
        );
    }

    #[test]
    fn credits_name_who_wrote_edited_and_published_it() {
        let meta = |authors: &[&str], editors: &[&str], publisher: Option<&str>| Meta {
            authors: authors.iter().map(|s| (*s).to_owned()).collect(),
            editors: editors.iter().map(|s| (*s).to_owned()).collect(),
            publisher: publisher.map(str::to_owned),
            ..Meta::default()
        };
        assert_eq!(credits(en(), &meta(&[], &[], None)), None);
        assert_eq!(
            seen(credits(en(), &meta(&["A"], &[], None))).as_deref(),
            Some("By A.")
        );
        assert_eq!(
            seen(credits(
                en(),
                &meta(&["A", "B", "C"], &["D", "E"], Some("F"))
            ))
            .as_deref(),
            Some("By A, B and C. Edited by D and E. Published by F.")
        );
        assert_eq!(
            seen(credits(en(), &meta(&[], &["D"], Some("F")))).as_deref(),
            Some("Edited by D. Published by F.")
        );
    }

    #[test]
    fn the_note_beside_the_verdict_names_the_latest_change_and_any_verdict_it_replaced() {
        let mut doc = explainer_evidence::load_published(include_str!(
            "../../www/evidence/library-hours.published.json"
        ))
        .expect("the demo's second set is valid")
        .document()
        .clone();
        // A correction that replaced the label, then a later update: both are said.
        assert_eq!(
            seen(changes_note(en(), &doc)).as_deref(),
            Some(
                "Updated on April 9, 2026. The verdict was \u{201c}Yes, at every library\u{201d} until April 3, 2026."
            )
        );
        doc.changes[0].replaces = None;
        assert_eq!(
            seen(changes_note(en(), &doc)).as_deref(),
            Some("Updated on April 9, 2026.")
        );
        doc.changes[1].kind = ChangeKind::Clarification;
        assert_eq!(
            seen(changes_note(en(), &doc)).as_deref(),
            Some("Clarified on April 9, 2026.")
        );
        doc.changes.clear();
        assert_eq!(changes_note(en(), &doc), None);
    }

    #[test]
    fn a_change_is_named_by_its_kind_and_date_where_it_is_cited() {
        let e = explainer_evidence::load_published(include_str!(
            "../../www/evidence/library-hours.published.json"
        ))
        .expect("valid");
        let place = |sentence| Place {
            part: Part::Changes,
            sentence,
        };
        assert_eq!(
            place_short(en(), &e, &place(0)),
            "Correction of April 3, 2026"
        );
        assert_eq!(place_long(en(), &e, &place(1)), "Update of April 9, 2026");
    }
}
