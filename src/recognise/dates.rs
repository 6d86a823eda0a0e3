//! The dates recogniser (not yet built: finds nothing).

use super::Input;

#[derive(Clone, Debug, Default)]
pub struct Dates {}

pub fn recognise(_input: &Input<'_>) -> Dates {
    Dates::default()
}
