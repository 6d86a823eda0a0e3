//! Paragraph structure.
pub mod broken;
