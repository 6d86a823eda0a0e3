//! People's names.

pub mod variant;
