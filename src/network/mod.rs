//! The platform network and its playback over time.

pub mod layout;
mod view;

pub use view::Network;
