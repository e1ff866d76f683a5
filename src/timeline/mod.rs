//! The time axis of events: the layout (pure) and its component.

pub mod layout;
mod view;

pub use view::Timeline;
