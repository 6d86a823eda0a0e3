//! The house style of photo credits, judged from what the byline recogniser found: whether
//! a printed credit departs from the house form `本报记者 王海 摄`, and the credit rebuilt in
//! that form from its parsed role and names.

use crate::config::BylineConfig;
use crate::recognise::bylines::{PhotoCredit, PhotoForm};
use crate::rules::byline::house::house_names;

/// True when the credit is not in the house form. Sources (`新华社发`) and credits whose
/// names could not be read are left alone.
pub(crate) fn deviates(credit: &PhotoCredit, style: &BylineConfig) -> bool {
    match credit.form {
        PhotoForm::Source | PhotoForm::Unparsed => false,
        PhotoForm::Plain => {
            spacing_off(credit) || separator_off(credit, style) || roster_role(credit, style)
        }
        PhotoForm::Paren(_) | PhotoForm::Colon | PhotoForm::Slash => true,
    }
}

/// True when the credit is not spaced as `本报记者 王海 摄`: a role run into the name, or
/// `摄` run into the names.
pub(crate) fn spacing_off(credit: &PhotoCredit) -> bool {
    credit.spacing.loose_ends || credit.spacing.role_joined || !credit.spaced_she
}

/// True when the names are separated by something other than the house separator.
pub(crate) fn separator_off(credit: &PhotoCredit, style: &BylineConfig) -> bool {
    let house = style.separator.as_str();
    credit.separators.iter().any(|sep| sep != house)
}

/// True when roster reporters are credited without their role (`王海 摄`).
fn roster_role(credit: &PhotoCredit, style: &BylineConfig) -> bool {
    credit.role.is_none()
        && !style.roster.is_empty()
        && !credit.names.is_empty()
        && credit.names.iter().all(|n| style.roster.contains(&n.text))
}

/// The credit rebuilt in the house form `本报记者 王海 摄`, for the text of
/// [`PhotoCredit::span`]; `None` for sources and credits whose names are uncertain.
pub(crate) fn house_form(credit: &PhotoCredit, style: &BylineConfig) -> Option<String> {
    if matches!(credit.form, PhotoForm::Source | PhotoForm::Unparsed) || credit.names.is_empty() {
        return None;
    }
    let names = house_names(&credit.names, style.separator.as_str())?;
    let role = match &credit.role {
        Some(role) => Some(role.text.clone()),
        None if style.roster.is_empty()
            || credit.names.iter().all(|n| style.roster.contains(&n.text)) =>
        {
            Some("本报记者".to_owned())
        }
        None => None,
    };
    let body = match role {
        Some(role) => format!("{role} {names} 摄"),
        None => format!("{names} 摄"),
    };
    Some(if credit.glued_to_text {
        format!(" {body}")
    } else {
        body
    })
}

/// The house photo credit for `names`: `本报记者 王海 摄`.
pub(crate) fn house_photo_credit(names: &[String], style: &BylineConfig) -> String {
    format!("本报记者 {} 摄", names.join(style.separator.as_str()))
}
