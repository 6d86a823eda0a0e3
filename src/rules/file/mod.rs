//! Files: what happened to a file as a whole, not what its text says.
pub mod unreadable;
