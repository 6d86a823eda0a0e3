//! The bylines recogniser (not yet built: finds nothing).

use super::Input;

#[derive(Clone, Debug, Default)]
pub struct Bylines {}

pub fn recognise(_input: &Input<'_>) -> Bylines {
    Bylines::default()
}
