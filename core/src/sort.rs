//! One stable sort for the routing model and the app's first screen.
//!
//! Every call of the standard library's `sort`, `sort_by` or `sort_unstable` on another element
//! type (or with another comparison) is another copy of its sorting code, about 4 KB of wasm each,
//! and the site's first screen carried seven of them. Here only the last step (putting the
//! elements in the order found) is generic; the sort itself is one merge sort of indices, with the
//! comparison behind a `dyn`. Stable: equal elements keep their order, as `sort_by` keeps them
//! (so it also stands in for `sort_unstable` on elements that are equal only when identical).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `v.sort_by(cmp)`).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= SMALL {
        // Most of the routing model's lists: sorted without allocating.
        let mut order = [0; SMALL];
        insertion(&mut order[..n], &mut |a, b| cmp(&v[a], &v[b]));
        // In place: position `i` takes the element at `order[i]`, found by following where the
        // earlier swaps moved it.
        for i in 0..n {
            let mut j = order[i];
            while j < i {
                j = order[j];
            }
            v.swap(i, j);
        }
        return;
    }
    let order = order(n, &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` in its natural order, stably (as `v.sort()`).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Up to this many elements, an insertion sort on the stack.
const SMALL: usize = 24;

/// `order` (`0..order.len()`) in the order `cmp` puts them, by insertion (stable).
fn insertion(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    for i in 1..order.len() {
        let x = order[i];
        let mut j = i;
        while j > 0 && cmp(x, order[j - 1]) == Ordering::Less {
            order[j] = order[j - 1];
            j -= 1;
        }
        order[j] = x;
    }
}

/// The indices `0..n` in the order `cmp` puts them: a bottom-up merge sort that takes from the
/// right run only when strictly less, so equal elements keep their order.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut l, mut r, mut k) = (start, mid, start);
            while l < mid && r < end {
                if cmp(a[r], a[l]) == Ordering::Less {
                    b[k] = a[r];
                    r += 1;
                } else {
                    b[k] = a[l];
                    l += 1;
                }
                k += 1;
            }
            b[k..k + (mid - l)].copy_from_slice(&a[l..mid]);
            k += mid - l;
            b[k..end].copy_from_slice(&a[r..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn it_sorts_as_the_standard_stable_sort(v in prop::collection::vec((0u8..8, any::<u16>()), 0..120)) {
            // Sorting by the first field only: many ties, whose order must be kept.
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&ours, &std);
            let mut ours = v.clone();
            sort(&mut ours);
            let mut std = v;
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }
}
