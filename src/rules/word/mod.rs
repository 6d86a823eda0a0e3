//! Words: the newsroom's own list of wrong forms and right ones.
pub mod substitution;
