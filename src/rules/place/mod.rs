//! Place-name rules: slips, wrong parents, former names and inconsistent
//! forms, all read from the places recogniser's facts.

pub mod former_name;
pub mod hierarchy;
pub mod inconsistent;
pub mod misspelled;

use crate::fix::{Edit, Fix};
use crate::gazetteer::fuzzy::{Confusion, Slip};
use crate::recognise::places::SlipCandidate;

/// The fix of a slip: its name written right.
pub(crate) fn slip_fix(slip: &SlipCandidate) -> Option<Fix> {
    let (span, replacement) = &slip.edit;
    Fix::suggested(
        format!("改为“{}”", slip.right),
        vec![Edit::replace(*span, replacement.clone())],
    )
}

/// Why a written name is taken for a slip, in the words of a message.
pub(crate) fn slip_reason(slip: Slip) -> String {
    match slip {
        Slip::Replaced {
            written,
            right,
            why: Confusion::Sound,
        } if crate::confusable::same_tone(written, right) => {
            format!("“{written}”与“{right}”同音")
        }
        Slip::Replaced {
            written,
            right,
            why: Confusion::Sound,
        } => format!("“{written}”与“{right}”音近"),
        Slip::Replaced {
            written,
            right,
            why: Confusion::Shape,
        } => format!("“{written}”与“{right}”形近"),
        Slip::Replaced {
            written,
            right,
            why: Confusion::Radical,
        } => format!("“{written}”与“{right}”形近，只差一个偏旁"),
        Slip::Replaced {
            written,
            right,
            why: Confusion::Variant,
        } => format!("“{written}”是“{right}”的异体字，地名用“{right}”"),
        Slip::Truncated { missing } => format!("少了“{missing}”字"),
        Slip::Doubled { doubled } => format!("“{doubled}”字重复"),
    }
}
