//! People's names (DESIGN §3.5).

pub mod variant;
