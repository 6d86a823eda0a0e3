//! The house style of photo credits, judged from what the byline recogniser found: whether
//! a printed credit departs from the house's form (`本报记者 王海 摄`, `（王海 摄）` or
//! `王海/摄`) or is in no accepted form at all, and the credit rebuilt in the house's form
//! from its parsed role and names — never changing a name, a role word or an organisation.

use crate::config::{NameSeparator, PhotoStyle};
use crate::diagnostic::Kind;
use crate::recognise::bylines::{Parens, PhotoCredit, PhotoForm};
use crate::rules::byline::house::house_names;
use crate::rules::style::House;

/// The accepted form a credit is printed in, if it is one.
pub(crate) fn style_of(credit: &PhotoCredit) -> Option<PhotoStyle> {
    match credit.form {
        PhotoForm::Plain => Some(PhotoStyle::Plain),
        PhotoForm::Paren(_) => Some(PhotoStyle::Paren),
        PhotoForm::Slash => Some(PhotoStyle::Slash),
        PhotoForm::Colon | PhotoForm::Source | PhotoForm::Unparsed => None,
    }
}

/// How the credit departs from the house style: an error when it is in no accepted form
/// (`摄影：王海`, half-width parentheses, a stray separator or space), a matter of style when
/// it is in another accepted form than the house's. `None` when it follows the house style;
/// sources (`新华社发`) and credits whose names could not be read are left alone.
pub(crate) fn deviation(credit: &PhotoCredit, house: &House<'_>) -> Option<Kind> {
    let form = match credit.form {
        PhotoForm::Source | PhotoForm::Unparsed => return None,
        PhotoForm::Colon => return Some(Kind::Error),
        PhotoForm::Paren(parens) if parens != Parens::Full => return Some(Kind::Error),
        _ => style_of(credit)?,
    };
    if form == PhotoStyle::Plain && (spacing_off(credit) || roster_role(credit, house)) {
        return Some(Kind::Error);
    }
    if credit
        .separators
        .iter()
        .any(|sep| NameSeparator::from_str(sep).is_none())
    {
        return Some(Kind::Error);
    }
    let separator_off = credit
        .separators
        .iter()
        .filter_map(|sep| NameSeparator::from_str(sep))
        .any(|sep| house.separator.departs(sep));
    (house.photo.departs(form) || separator_off).then_some(Kind::Style)
}

/// True when the credit departs from the house style in any way.
pub(crate) fn deviates(credit: &PhotoCredit, house: &House<'_>) -> bool {
    deviation(credit, house).is_some()
}

/// True when a plain credit is not spaced as `本报记者 王海 摄`: a role run into the name, or
/// `摄` run into the names.
pub(crate) fn spacing_off(credit: &PhotoCredit) -> bool {
    credit.spacing.loose_ends || credit.spacing.role_joined || !credit.spaced_she
}

/// True when the names are separated by something other than the house separator.
pub(crate) fn separator_off(credit: &PhotoCredit, house: &House<'_>) -> bool {
    credit
        .separators
        .iter()
        .any(|sep| match NameSeparator::from_str(sep) {
            Some(sep) => house.separator.departs(sep),
            None => true,
        })
}

/// True when roster reporters are credited without their role (`王海 摄`).
fn roster_role(credit: &PhotoCredit, house: &House<'_>) -> bool {
    credit.role.is_none()
        && !house.roster.is_empty()
        && !credit.names.is_empty()
        && credit.names.iter().all(|n| house.roster.contains(&n.text))
}

/// The credit rebuilt in the house's form (or its own, where the house has not settled
/// one), for the text of [`PhotoCredit::span`]; `None` for sources and credits whose names
/// are uncertain. The printed role and organisation are kept; `本报记者` is supplied only
/// for roster reporters printed without a role.
pub(crate) fn house_form(credit: &PhotoCredit, house: &House<'_>) -> Option<String> {
    let own = style_of(credit).unwrap_or(PhotoStyle::Plain);
    if matches!(credit.form, PhotoForm::Source | PhotoForm::Unparsed) || credit.names.is_empty() {
        return None;
    }
    let own_separator = credit
        .separators
        .iter()
        .find_map(|sep| NameSeparator::from_str(sep.trim_matches(' ')));
    let separator = house
        .separator
        .or(own_separator.unwrap_or(NameSeparator::Space));
    let names = house_names(&credit.names, separator.as_str())?;
    let role = match &credit.role {
        Some(role) => Some(role.text.clone()),
        None if roster_role(credit, house) => Some("本报记者".to_owned()),
        None => None,
    };
    let body = match (house.photo.or(own), role) {
        (PhotoStyle::Plain, Some(role)) => format!("{role} {names} 摄"),
        (PhotoStyle::Plain, None) => format!("{names} 摄"),
        (PhotoStyle::Paren, Some(role)) => format!("（{role} {names} 摄）"),
        (PhotoStyle::Paren, None) => format!("（{names} 摄）"),
        (PhotoStyle::Slash, Some(role)) => format!("{role} {names}/摄"),
        (PhotoStyle::Slash, None) => format!("{names}/摄"),
    };
    Some(if credit.glued_to_text {
        format!(" {body}")
    } else {
        body
    })
}

/// The house photo credit for `names`, for a caption that has none.
pub(crate) fn house_photo_credit(names: &[String], house: &House<'_>) -> String {
    let names = names.join(house.separator.or(NameSeparator::Space).as_str());
    match house.photo.or(PhotoStyle::Plain) {
        PhotoStyle::Plain => format!("本报记者 {names} 摄"),
        PhotoStyle::Paren => format!("（本报记者 {names} 摄）"),
        PhotoStyle::Slash => format!("本报记者 {names}/摄"),
    }
}
