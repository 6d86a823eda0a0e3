//! Files: what happened to a file as a whole, not what its text says.
pub mod encoding;
pub mod unreadable;
