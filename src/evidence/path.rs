//! Where a value sits in an evidence file: a JSON path such as `sections[2].sentences[0]`, as
//! problems name it and as the tools find it in a file's text.

use std::fmt;

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key of an object.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

/// Where a value sits in an evidence file, written like `sections[2].sentences[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The whole document.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by an object key.
    pub fn key(&self, key: &str) -> Self {
        let mut next = self.clone();
        next.0.push(Segment::Key(key.to_owned()));
        next
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut next = self.clone();
        next.0.push(Segment::Index(index));
        next
    }

    /// Whether this path is empty (the whole document).
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The steps of the path, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(document)");
        }
        // A hostile file can nest a hundred levels; the start and end say where to look.
        const HEAD: usize = 8;
        const TAIL: usize = 2;
        for (i, segment) in self.0.iter().enumerate() {
            if self.0.len() > HEAD + TAIL + 1 && i >= HEAD && i < self.0.len() - TAIL {
                if i == HEAD {
                    write!(f, "…({} levels)…", self.0.len() - HEAD - TAIL)?;
                }
                continue;
            }
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}
