//! Headlines.
pub mod punctuation;
