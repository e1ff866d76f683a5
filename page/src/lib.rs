//! Hutong's first screen, without Leptos: the page's one store and its view (which is also the
//! URL), the journey explorer and the platform network drawn with plain DOM calls, the words in
//! both languages, and the loader of the parts that come later.
//!
//! Architecture invariant: this crate has no `leptos` dependency (its Cargo.toml), so nothing on
//! the first screen can bring the Leptos runtime into the first load. The Leptos parts are the
//! crate above (`hutong`), which reads this crate's store and changes it only through
//! `store::update`; this crate reaches them only through [`page::Entries`], the function pointers
//! the crate above gives [`page::start`]. The UI never decides a route or a fact: it asks
//! `hutong-core`.

pub mod crash;
pub mod decimal;
pub mod explorer;
pub mod export;
pub mod fmt;
pub mod html;
pub mod i18n;
pub mod loader;
pub mod network;
pub mod notices;
pub mod page;
pub mod saved;
pub mod store;
pub mod texts;
pub mod theme;
pub mod url;
