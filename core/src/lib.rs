//! Hutong's model: the cited event dataset, and (in later modules) channel routing and simulation.
//!
//! Architecture invariant: this crate knows nothing of Leptos, the DOM or the browser, and never reads
//! a clock or a global. Dates, seeds and parameters come in as arguments; every result is a pure
//! function of its inputs, the same natively and in wasm.

pub mod cite;
pub mod compact;
pub mod csv;
pub mod date;
pub mod decide;
pub mod edit;
pub mod embedded;
pub mod export;
pub mod ledger;
pub mod load;
pub mod model;
pub mod route;
pub mod search;
pub mod sim;
pub mod sort;
pub mod story;
pub mod synthetic;

pub use date::{DateSpec, Precision};
pub use load::{decode, import, load, Diagnostic, ImportSummary, Mode, Normalized, Problem, SourceFile};
pub use model::*;
