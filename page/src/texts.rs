//! The events' long texts (summaries, notes, and the quotes of events that change no channel) in the site's split build.
//!
//! Only the details, the search and the dataset panel's exports show them, yet they are about half
//! of the dataset's bytes. So the split build (`cfg(hutong_split)`) starts from
//! `hutong_core::embedded::first_screen()` (the dataset without them) and fetches `texts.bin`
//! (written beside the wasm by `hutong-assets`, from the same sources) before the first
//! part that shows them is entered ([`ensure`], called by the parts' entries (`hutong::lazy`)). The texts are then put into the dataset in use, in place and without waking
//! anything: the first screen never read them, and the parts that do are built after. A texts
//! file that does not fit the embedded dataset, or that does not arrive, fails the part like a
//! chunk that did not arrive (its message and Retry), and the first screen is untouched.
//!
//! Every other build embeds the whole dataset and [`ensure`] is ready at once.

use hutong_core::Dataset;

use crate::loader::ChunkError;

/// The embedded dataset as the page starts with it: (split build) without the long texts, which
/// have not been fetched yet. The first screen's module then carries no code to put them in.
pub fn at_start() -> Dataset {
    #[cfg(not(hutong_split))]
    {
        hutong_core::embedded::dataset()
    }
    #[cfg(hutong_split)]
    {
        hutong_core::embedded::first_screen()
    }
}

/// The embedded dataset as far as this build has it: whole, or (split build) without the long
/// texts until they have been fetched.
pub fn embedded() -> Dataset {
    #[cfg(not(hutong_split))]
    {
        hutong_core::embedded::dataset()
    }
    #[cfg(hutong_split)]
    {
        let mut d = hutong_core::embedded::first_screen();
        TEXTS.with_borrow(|t| {
            if let Some(bytes) = t {
                // Checked when they arrived.
                let _ = hutong_core::compact::apply_texts(&mut d, bytes);
            }
        });
        d
    }
}

#[cfg(hutong_split)]
thread_local! {
    static TEXTS: std::cell::RefCell<Option<Vec<u8>>> = const { std::cell::RefCell::new(None) };
}

/// The long texts are here (fetched once; ready at once in a build that embeds them).
pub async fn ensure() -> Result<(), ChunkError> {
    #[cfg(hutong_split)]
    {
        if TEXTS.with_borrow(Option::is_none) {
            let bytes = fetch("texts.bin").await?;
            // Refused unless they are this build's: the dataset stays as it is.
            hutong_core::compact::apply_texts(&mut hutong_core::embedded::first_screen(), &bytes)
                .map_err(|_| ChunkError)?;
            TEXTS.set(Some(bytes));
        }
        complete();
    }
    Ok(())
}

/// Puts the texts into the page's dataset if it is the embedded one still without them.
#[cfg(hutong_split)]
fn complete() {
    use crate::store::{self, Origin};
    let missing =
        store::with(|s| s.origin == Origin::Embedded && s.data.events.iter().all(|e| e.record.summary.en.is_empty()));
    if missing {
        // Only the texts change, which nothing built so far shows (`store::complete_texts`).
        store::complete_texts(std::sync::Arc::new(embedded()));
    }
}

#[cfg(hutong_split)]
async fn fetch(path: &str) -> Result<Vec<u8>, ChunkError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(ChunkError)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| ChunkError)?
        .dyn_into()
        .map_err(|_| ChunkError)?;
    if !response.ok() {
        return Err(ChunkError);
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| ChunkError)?).await.map_err(|_| ChunkError)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
