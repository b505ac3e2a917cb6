//! Maps between JSON paths and positions in JSON text.
//!
//! serde_json reports where reading failed as a line and column; [`path_at`] turns that into
//! the path an author can follow (`sections[0].titel`). It runs only when reading fails, and
//! costs the widget far less than tracking paths during every read. [`position_of`] goes the
//! other way, so problems found after reading can still point at a line and column.

use std::collections::HashMap;

use crate::path::Path;
use crate::path::Segment;

enum Frame {
    Object { key: Option<String>, in_value: bool },
    Array { index: usize, has_value: bool },
}

/// The path of the value at 1-based `line` and `column` (serde_json's error position, which
/// points at the last byte it read).
pub fn path_at(json: &str, line: usize, column: usize) -> Path {
    let start = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    path_at_offset(json, start + column.saturating_sub(1))
}

fn path_at_offset(json: &str, target: usize) -> Path {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() && i < target {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i);
                let is_key = matches!(
                    stack.last(),
                    Some(Frame::Object {
                        in_value: false,
                        ..
                    })
                );
                if is_key {
                    let key = json
                        .get(i + 1..end.min(bytes.len()))
                        .unwrap_or("")
                        .to_owned();
                    if let Some(Frame::Object { key: slot, .. }) = stack.last_mut() {
                        *slot = Some(key);
                    }
                } else {
                    mark_value(&mut stack);
                }
                i = end;
            }
            b'{' => {
                mark_value(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    in_value: false,
                });
            }
            b'[' => {
                mark_value(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    has_value: false,
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index, has_value }) => {
                    *index += 1;
                    *has_value = false;
                }
                None => {}
            },
            b if b.is_ascii_whitespace() => {}
            _ => mark_value(&mut stack),
        }
        i += 1;
    }
    // At a closing bracket the error is about the container itself (a missing field, a wrong
    // length), not about its last member.
    if matches!(bytes.get(target), Some(b'}' | b']')) {
        match stack.last_mut() {
            Some(Frame::Object { key, .. }) => *key = None,
            Some(Frame::Array { has_value, .. }) => *has_value = false,
            None => {}
        }
    }
    let mut path = Path::root();
    for frame in &stack {
        path = match frame {
            Frame::Object { key: Some(key), .. } => path.key(key),
            Frame::Array {
                index,
                has_value: true,
            } => path.index(*index),
            _ => path,
        };
    }
    path
}

/// The 1-based line and column (in characters) where the value at `path` starts, or where the
/// document starts when the path is not in the text.
pub fn position_of(json: &str, path: &Path) -> (usize, usize) {
    positions_of(json, &[path])[0]
}

/// [`position_of`] for many paths in one pass over the text, so a file with thousands of
/// problems is located as fast as a file with one.
pub fn positions_of(json: &str, paths: &[&Path]) -> Vec<(usize, usize)> {
    let mut wanted: HashMap<&[Segment], Vec<usize>> = HashMap::new();
    for (i, path) in paths.iter().enumerate() {
        wanted.entry(path.segments()).or_default().push(i);
    }
    let mut offsets = vec![0; paths.len()];
    value_offsets(json, &mut |path, offset| {
        if let Some(indices) = wanted.remove(path) {
            for i in indices {
                offsets[i] = offset;
            }
        }
        !wanted.is_empty()
    });
    lines_columns(json, &offsets)
}

/// The 1-based lines and columns of many byte offsets, in one pass.
fn lines_columns(json: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let order = crate::order::sorted_indices(offsets.len(), &|a, b| offsets[a].cmp(&offsets[b]));
    let mut out = vec![(1, 1); offsets.len()];
    let (mut at, mut line, mut line_start) = (0, 1, 0);
    for i in order {
        let offset = offsets[i].min(json.len());
        for (j, byte) in json.as_bytes()[at..offset].iter().enumerate() {
            if *byte == b'\n' {
                line += 1;
                line_start = at + j + 1;
            }
        }
        at = at.max(offset);
        let column = json
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count());
        out[i] = (line, column + 1);
    }
    out
}

/// The 1-based line and column (in characters) of byte `offset`.
pub fn line_column(json: &str, offset: usize) -> (usize, usize) {
    let before = json.get(..offset).unwrap_or(json);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// Calls `found` with the path and offset of every value in `json`, in order, until it returns
/// false.
fn value_offsets(json: &str, found: &mut impl FnMut(&[Segment], usize) -> bool) {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_value = true;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if expecting_value && byte != b']' {
            if !found(&current_path(&stack), i) {
                return;
            }
            expecting_value = false;
        }
        match byte {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => {
                stack.push(Frame::Array {
                    index: 0,
                    has_value: true,
                });
                expecting_value = true;
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
                expecting_value = true;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index, .. }) => {
                    *index += 1;
                    expecting_value = true;
                }
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, i);
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = Some(
                        json.get(i + 1..end.min(bytes.len()))
                            .unwrap_or("")
                            .to_owned(),
                    );
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
}

/// The path of the value about to start, from the open containers.
fn current_path(stack: &[Frame]) -> Vec<Segment> {
    stack
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object {
                key: Some(key),
                in_value: true,
            } => Some(Segment::Key(key.clone())),
            Frame::Array { index, .. } => Some(Segment::Index(*index)),
            _ => None,
        })
        .collect()
}

/// Marks that the innermost array has started a member, so its index belongs in the path.
fn mark_value(stack: &mut [Frame]) {
    if let Some(Frame::Array { has_value, .. }) = stack.last_mut() {
        *has_value = true;
    }
}

/// The index of the quote closing the string that opens at `open` (or the end of the text).
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(json: &str, needle: &str) -> String {
        let offset = json.find(needle).expect("needle") + needle.len() - 1;
        path_at_offset(json, offset).to_string()
    }

    #[test]
    fn keys_and_indexes_lead_to_the_value() {
        let json = r#"{ "sections": [ { "id": "a" }, { "id": "b", "titel": "x" } ] }"#;
        assert_eq!(at(json, r#""titel""#), "sections[1].titel");
        assert_eq!(at(json, r#""b""#), "sections[1].id");
    }

    #[test]
    fn a_closing_bracket_names_its_container() {
        let json = r#"{ "sections": [ { "id": "a", "title": "t" } ] }"#;
        assert_eq!(at(json, r#""t" }"#), "sections[0]");
        assert_eq!(at(json, "} ]"), "sections");
    }

    #[test]
    fn escaped_quotes_and_brackets_in_strings_do_not_confuse_it() {
        let json = r#"{ "a": "x\"[{", "b": [1, 2, "3"] }"#;
        assert_eq!(at(json, r#""3""#), "b[2]");
    }

    #[test]
    fn line_and_column_are_serde_jsons() {
        let json = "{\n  \"verdict\": {\n    \"sentences\": \"oops\"\n  }\n}";
        let error =
            serde_json::from_str::<crate::published::Document<String>>(json).expect_err("invalid");
        assert_eq!(
            path_at(json, error.line(), error.column()).to_string(),
            "verdict.sentences"
        );
        let missing = "{\n  \"verdict\": { \"label\": \"x\" }\n}";
        let error = serde_json::from_str::<crate::published::Document<String>>(missing)
            .expect_err("missing");
        assert!(
            error.to_string().starts_with("missing field `sentences`"),
            "{error}"
        );
        assert_eq!(
            path_at(missing, error.line(), error.column()).to_string(),
            "verdict"
        );
    }

    #[test]
    fn positions_of_paths_point_at_the_value() {
        let json = "{\n  \"sections\": [\n    { \"id\": \"a\" },\n    { \"id\": \"b\", \"title\": \"é\" }\n  ]\n}";
        let path = Path::root().key("sections").index(1).key("title");
        assert_eq!(position_of(json, &path), (4, 27));
        assert_eq!(
            position_of(json, &Path::root().key("sections").index(0)),
            (3, 5)
        );
        assert_eq!(position_of(json, &Path::root().key("sections")), (2, 15));
        assert_eq!(position_of(json, &Path::root()), (1, 1));
        assert_eq!(position_of(json, &Path::root().key("missing")), (1, 1));
    }

    #[test]
    fn path_at_and_position_of_agree() {
        let json = r#"{"a": [1, {"b": [true, "x\"y", null]}], "c": {}}"#;
        let path = Path::root().key("a").index(1).key("b").index(1);
        let (line, column) = position_of(json, &path);
        let end = json[..].find(r#""x\"y""#).expect("value") + r#""x\"y""#.len();
        assert_eq!(column, json.find(r#""x\"y""#).expect("value") + 1);
        assert_eq!(path_at(json, line, end).to_string(), path.to_string());
    }

    #[test]
    fn the_root_is_the_document() {
        assert!(path_at("[]", 1, 1).is_root());
    }
}
