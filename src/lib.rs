//! Hutong's browser app: a thin Leptos shell over `hutong-core`.
//!
//! Architecture invariant: the UI never decides a route or a fact. It reads the dataset and the
//! model's answers and draws them; layout maths lives in plain modules (`timeline::layout`, `fmt`,
//! `url`) tested natively.

pub mod app;
pub mod chart;
pub mod cite;
pub mod crash;
pub mod data;
pub mod decimal;
pub mod details;
pub mod dom;
pub mod evidence;
pub mod explorer;
pub mod export;
pub mod filters;
pub mod fmt;
pub mod i18n;
pub mod lazy;
pub mod network;
/// The sharing preview and icons, drawn at build time (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;
pub mod search;
pub mod simpanel;
pub mod slices;
pub mod state;
pub mod story;
pub mod texts;
pub mod theme;
pub mod timeline;
pub mod url;

/// Mounts the app on `<body>`.
pub fn start() {
    crash::install();
    leptos::mount::mount_to_body(app::App);
}
