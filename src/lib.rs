//! Hutong's browser app: a thin Leptos shell over `hutong-core`.
//!
//! The first screen (header, explorer, network) is drawn with plain DOM calls from `store`, and the
//! Leptos components come later in parts (`page`, `app::mount_parts`, `lazy`).
//!
//! Architecture invariant: the UI never decides a route or a fact. It reads the dataset and the
//! model's answers and draws them; layout maths lives in plain modules (`timeline::layout`, `fmt`,
//! `url`) tested natively.

pub mod app;
pub mod chart;
pub mod cite;
pub mod crash;
pub mod data;
pub mod decided;
pub mod decimal;
pub mod details;
pub mod evidence;
pub mod explorer;
pub mod export;
pub mod filters;
pub mod fmt;
pub mod html;
pub mod i18n;
pub mod lazy;
pub mod network;
pub mod page;
/// The sharing preview and icons, drawn at build time (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;
pub mod search;
pub mod simpanel;
pub mod slices;
pub mod state;
pub mod store;
pub mod story;
pub mod texts;
pub mod theme;
pub mod timeline;
pub mod url;

/// Draws the page on `<body>`: the first screen at once, the rest as it is needed (`page.rs`).
pub fn start() {
    crash::install();
    page::start();
}
