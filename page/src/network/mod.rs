//! The platform network and its playback over time.

pub mod layout;
pub mod table;
mod view;

pub use view::{network, network_in_turn};
