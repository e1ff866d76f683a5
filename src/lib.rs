//! Hutong's browser app: the Leptos parts over the first screen (`hutong-page`) and the model
//! (`hutong-core`).
//!
//! The first screen (header, explorer, network) is `hutong-page`, drawn with plain DOM calls from
//! its store; the modules here are the Leptos parts that come later, in chunks of the split build
//! (`lazy.rs`, the split points, is the top module: nothing here imports it). The parts read the
//! store through [`state::Ctx`], a read-only projection, and change the page only through
//! `store::update`.
//!
//! Architecture invariant: the UI never decides a route or a fact. It reads the dataset and the
//! model's answers and draws them; layout maths lives in plain modules (`timeline::layout`, `chart`,
//! `hutong_page::network::layout`) tested natively.

// The first screen's modules, under the names the parts have always used.
pub use hutong_page::{
    crash, decimal, explorer, export, fmt, html, i18n, loader, network, notices, page, saved, store, texts, url,
};

pub mod agenda;
pub mod app;
pub mod chart;
pub mod cite;
pub mod data;
pub mod decide;
pub mod decided;
pub mod deferred;
pub mod details;
pub mod editing;
pub mod editor;
pub mod evidence;
pub mod filters;
pub mod lazy;
pub mod network_table;
pub mod parts;
pub mod search;
pub mod simpanel;
pub mod slices;
pub mod state;
pub mod story;
pub mod theme;
pub mod timeline;

/// Draws the page on `<body>`: the first screen at once, the rest as it is needed.
pub fn start() {
    crash::install();
    page::start(lazy::register());
}

/// Mounts a page over `data` with the view a URL query gives, in `root`, everything at once (the
/// component tests).
pub fn mount(root: &web_sys::Element, data: hutong_core::Dataset, query: &str) {
    page::mount(root, data, query, lazy::register());
}
