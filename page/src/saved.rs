//! The import saved in this browser (`localStorage`): the first screen only asks whether there is
//! one and can set it aside; reading and writing it is the data part's (`hutong::data`).

/// The `localStorage` key of the imported dataset (its JSON export).
pub const STORAGE_KEY: &str = "hutong.dataset.v1";

pub fn storage() -> Option<web_sys::Storage> {
    crate::html::window().local_storage().ok().flatten()
}

/// The text of the saved imported dataset, if there is one (read by the data part: the first
/// screen carries no JSON reader).
pub fn saved_text() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// `?reset-data=1` (offered after a crash): the saved import moves to a backup key, so the page
/// starts with the embedded dataset and nothing is lost.
pub fn set_aside() {
    if let Some(store) = storage() {
        if let Ok(Some(text)) = store.get_item(STORAGE_KEY) {
            if store.set_item(&format!("{STORAGE_KEY}.set-aside"), &text).is_ok() {
                let _ = store.remove_item(STORAGE_KEY);
            }
        }
    }
}
