//! One sort for the whole crate.

/// The positions `0..len` ordered by `compare`. Every sort in the crate goes through here, so
/// the widget's wasm carries one copy of the sorting code instead of one per element type.
pub(crate) fn sorted_indices(
    len: usize,
    compare: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..len).collect();
    indices.sort_unstable_by(|&a, &b| compare(a, b));
    indices
}
