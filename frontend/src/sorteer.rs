//! Sorting with one copy of the sort algorithm in the wasm. `slice::sort_by` is generic over the element type
//! and costs a few kB of code per type; here every list is sorted as a list of indices with a `dyn` comparison,
//! so the algorithm is compiled once. Stable, like `sort_by`.

use std::cmp::Ordering;

/// Sorts `lijst` stably by `vergelijk`.
pub fn sorteer_op<T>(lijst: &mut Vec<T>, vergelijk: impl Fn(&T, &T) -> Ordering) {
    let volgorde = {
        let items = &*lijst;
        indices(items.len(), &|a, b| vergelijk(&items[a], &items[b]))
    };
    let mut oud: Vec<Option<T>> = lijst.drain(..).map(Some).collect();
    lijst.extend(
        volgorde
            .into_iter()
            .filter_map(|i| oud.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `lijst` stably by the key `sleutel` gives each element.
pub fn sorteer_op_sleutel<T, K: Ord>(lijst: &mut Vec<T>, sleutel: impl Fn(&T) -> K) {
    sorteer_op(lijst, |a, b| sleutel(a).cmp(&sleutel(b)));
}

/// The indices `0..n` in the order `vergelijk` gives them (stable).
fn indices(n: usize, vergelijk: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| vergelijk(a, b));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key_and_by_comparison() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sorteer_op_sleutel(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        sorteer_op(&mut v, |a, b| b.1.cmp(&a.1));
        assert_eq!(v, [(0, 'e'), (1, 'd'), (2, 'c'), (1, 'b'), (2, 'a')]);
        let mut leeg: Vec<String> = Vec::new();
        sorteer_op_sleutel(&mut leeg, String::len);
        assert!(leeg.is_empty());
    }
}
