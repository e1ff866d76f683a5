//! Long lists built in slices ([`SLICE`] elements a task), so that no task builds thousands of
//! elements and the page shows (and plays) before the last of them is in (BENCHMARKS.md, Playback).
//! The tasks are the page's one scheduler (`store::in_turn`).

use leptos::prelude::*;

pub use hutong_page::html::SLICE;

/// How many slices of `n` items are ready now: a signal that counts up to the number of slices,
/// one per task, starting after the current one. Lists of at most `at_once` items are ready at once.
pub fn ready(n: usize, at_once: usize) -> RwSignal<usize> {
    let slices = n.div_ceil(SLICE);
    if n <= at_once {
        return RwSignal::new(slices);
    }
    let ready = RwSignal::new(0);
    crate::html::after_next_frame(Box::new(move || count_up(ready, slices)));
    ready
}

fn count_up(ready: RwSignal<usize>, slices: usize) {
    crate::store::in_turn(move || {
        // The list may have been rebuilt (or the page) meanwhile: then its signal is gone.
        let Some(r) = ready.try_get_untracked() else { return };
        if r < slices {
            ready.set(r + 1);
            count_up(ready, slices);
        }
    });
}
