//! The house style of photo credits, judged from what the byline recogniser found: whether
//! a printed credit departs from the house's form (`本报记者 王海 摄`, `（王海 摄）` or
//! `王海/摄`), separator and spacing, or is in no accepted form at all, and the credit
//! rebuilt in the house's form from its parsed role groups and names — never changing a
//! name, a role word or an organisation.

use crate::config::{CreditSpacing, NameSeparator, PhotoStyle};
use crate::diagnostic::Kind;
use crate::recognise::bylines::{Parens, PhotoCredit, PhotoForm};
use crate::rules::byline::house::{glued_off, house_names};
use crate::rules::style::House;

/// The accepted form a credit is printed in, if it is one.
pub(crate) fn style_of(credit: &PhotoCredit) -> Option<PhotoStyle> {
    match credit.form {
        PhotoForm::Plain => Some(PhotoStyle::Plain),
        PhotoForm::Paren(_) => Some(PhotoStyle::Paren),
        PhotoForm::Slash => Some(PhotoStyle::Slash),
        PhotoForm::Colon
        | PhotoForm::WordAfter
        | PhotoForm::Source
        | PhotoForm::Agency(_)
        | PhotoForm::Unparsed => None,
    }
}

/// A way a photo credit departs from the house style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Departure {
    /// `摄影：王海`, `王海摄影`: no accepted form.
    NoForm,
    /// `(王海 摄)`: half-width parentheses.
    HalfParens,
    /// Spaces inside the parentheses, or names separated by a mark that is no option.
    Stray,
    /// A gap between the credit's words that is not one plain space: doubled, or an
    /// ideographic space (`本报记者  王海 摄`, `王海　摄`).
    Gaps,
    /// Roster reporters credited without their role: `王海 摄`.
    MissingRole,
    /// Another accepted form than the house's.
    Form,
    /// Names separated by the other separator than the house's.
    Separator,
    /// The role and `摄` spaced from the names where the house runs them together, or the
    /// reverse.
    Spacing,
    /// Names run together (`王海李敏`) where the house separates them.
    GluedNames,
}

impl Departure {
    /// Whether the departure is wrong in every style or departs from the house's choice.
    pub(crate) fn kind(self) -> Kind {
        match self {
            Departure::Form | Departure::Separator | Departure::Spacing | Departure::GluedNames => {
                Kind::Style
            }
            _ => Kind::Error,
        }
    }
}

/// How the credit departs from the house style, the most serious first; empty when it
/// follows it. Sources (`新华社发`) and credits whose names could not be read are left
/// alone; an agency's credit (`新华社发（胡攀学 摄）`) is printed in the agency's form, and
/// only its half-width parentheses are wrong.
pub(crate) fn departures(credit: &PhotoCredit, house: &House<'_>) -> Vec<Departure> {
    let mut out = Vec::new();
    let form = match credit.form {
        PhotoForm::Source | PhotoForm::Unparsed => return out,
        PhotoForm::Agency(parens) => {
            if parens.is_some_and(|p| p != Parens::Full) {
                out.push(Departure::HalfParens);
            }
            return out;
        }
        PhotoForm::Colon | PhotoForm::WordAfter => {
            out.push(Departure::NoForm);
            return out;
        }
        PhotoForm::Paren(parens) if parens != Parens::Full => {
            out.push(Departure::HalfParens);
            None
        }
        _ => style_of(credit),
    };
    let stray_separator = credit
        .separators
        .iter()
        .any(|sep| NameSeparator::from_str(sep).is_none());
    if credit.spacing.loose_ends || stray_separator {
        out.push(Departure::Stray);
    } else if credit.odd_gap.is_some() {
        out.push(Departure::Gaps);
    }
    if roster_role(credit, house) {
        out.push(Departure::MissingRole);
    }
    if form.is_some_and(|form| house.photo.departs(form)) {
        out.push(Departure::Form);
    }
    let separator_off = credit
        .separators
        .iter()
        .filter_map(|sep| NameSeparator::from_str(sep))
        .any(|sep| house.separator.departs(sep));
    if separator_off {
        out.push(Departure::Separator);
    }
    if spacing_off(credit, house) {
        out.push(Departure::Spacing);
    }
    if glued_off(credit.spacing.names_glued, false, credit.names(), house) {
        out.push(Departure::GluedNames);
    }
    out
}

/// The kind of the credit's departure: an error when any part of it is in no accepted
/// form, a matter of style when it only departs from the house's choices; `None` when it
/// follows the house style.
pub(crate) fn deviation(credit: &PhotoCredit, house: &House<'_>) -> Option<Kind> {
    let found = departures(credit, house);
    let first = found.first()?;
    Some(if found.iter().all(|d| d.kind() == Kind::Style) {
        Kind::Style
    } else {
        first.kind()
    })
}

/// True when the credit departs from the house style in any way.
pub(crate) fn deviates(credit: &PhotoCredit, house: &House<'_>) -> bool {
    !departures(credit, house).is_empty()
}

/// The credit's own spacing: its words run together (`本报记者王海摄`) or spaced
/// (`本报记者 王海 摄`); `None` when they are mixed or a slash credit says nothing of it.
fn own_spacing(credit: &PhotoCredit) -> Option<CreditSpacing> {
    let she = match credit.form {
        PhotoForm::Slash => None,
        _ => Some(!credit.spaced_she),
    };
    let role = credit.has_role().then_some(credit.spacing.role_joined);
    let joined = match (role, she) {
        (Some(a), Some(b)) if a != b => return None,
        (Some(a), _) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    Some(if joined {
        CreditSpacing::Joined
    } else {
        CreditSpacing::Spaced
    })
}

/// True when the credit's spacing departs from the house's: a role or `摄` run into the
/// names where the house spaces them (or the reverse). Nothing is judged while the house
/// has not settled its spacing.
fn spacing_off(credit: &PhotoCredit, house: &House<'_>) -> bool {
    let Some(spacing) = house.spacing.get() else {
        return false;
    };
    match credit.form {
        PhotoForm::Slash => {
            credit.has_role() && credit.spacing.role_joined != (spacing == CreditSpacing::Joined)
        }
        _ => own_spacing(credit) != Some(spacing),
    }
}

/// True when roster reporters are credited without their role (`王海 摄`, `摄影：王海`,
/// `王海摄影`).
fn roster_role(credit: &PhotoCredit, house: &House<'_>) -> bool {
    matches!(
        credit.form,
        PhotoForm::Plain | PhotoForm::Colon | PhotoForm::WordAfter
    ) && !credit.has_role()
        && !house.roster.is_empty()
        && credit.names().next().is_some()
        && credit.names().all(|n| house.roster.contains(&n.text))
}

/// The credit rebuilt in the house's form, separator and spacing (or its own, where the
/// house has not settled one), for the text of [`PhotoCredit::span`]; `None` for sources,
/// agencies' credits and credits whose names are uncertain. The printed roles and organisations are kept;
/// `本报记者` is supplied only for roster reporters printed without a role.
pub(crate) fn house_form(credit: &PhotoCredit, house: &House<'_>) -> Option<String> {
    let own = style_of(credit).unwrap_or(PhotoStyle::Plain);
    if matches!(
        credit.form,
        PhotoForm::Source | PhotoForm::Agency(_) | PhotoForm::Unparsed
    ) || credit.names().next().is_none()
    {
        return None;
    }
    let own_separator = credit
        .separators
        .iter()
        .find_map(|sep| NameSeparator::from_str(sep.trim_matches(' ')));
    let separator = house
        .separator
        .or(own_separator.unwrap_or(NameSeparator::Space))
        .as_str();
    let joined = house
        .spacing
        .or(own_spacing(credit).unwrap_or(CreditSpacing::Spaced))
        == CreditSpacing::Joined;
    let gap = if joined { "" } else { " " };
    let separate = glued_off(credit.spacing.names_glued, false, credit.names(), house);
    let mut groups = Vec::new();
    for (i, group) in credit.groups.iter().enumerate() {
        let names = house_names(&group.names, separator, joined && !separate)?;
        let role = match &group.role {
            Some(role) => Some(role.text.clone()),
            None if i == 0 && roster_role(credit, house) => Some("本报记者".to_owned()),
            None => None,
        };
        groups.push(match role {
            Some(role) => format!("{role}{gap}{names}"),
            None => names,
        });
    }
    let words = groups.join(" ");
    let verb = credit.verb;
    let style = house.photo.or(own);
    let body = match style {
        PhotoStyle::Plain => format!("{words}{gap}{verb}"),
        PhotoStyle::Paren => format!("（{words}{gap}{verb}）"),
        PhotoStyle::Slash => format!("{words}/{verb}"),
    };
    // Ex) 锻炼（王海摄） → 锻炼 王海 摄; a credit in parentheses needs no space before it.
    Some(if credit.glued_to_text && style != PhotoStyle::Paren {
        format!(" {body}")
    } else {
        body
    })
}

/// An agency's credit with its parentheses made full-width and nothing else changed:
/// `(菲利波·蒙特福特 摄)` → `（菲利波·蒙特福特 摄）`, for the text `printed` of
/// [`PhotoCredit::span`]. `None` for any other credit.
pub(crate) fn agency_form(credit: &PhotoCredit, printed: &str) -> Option<String> {
    matches!(credit.form, PhotoForm::Agency(Some(_))).then(|| {
        printed
            .chars()
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                c => c,
            })
            .collect()
    })
}

/// The house photo credit for `names`, for a caption that has none.
pub(crate) fn house_photo_credit(names: &[String], house: &House<'_>) -> String {
    let names = names.join(house.separator.or(NameSeparator::Space).as_str());
    let gap = match house.spacing.get() {
        Some(CreditSpacing::Joined) => "",
        _ => " ",
    };
    match house.photo.or(PhotoStyle::Plain) {
        PhotoStyle::Plain => format!("本报记者{gap}{names}{gap}摄"),
        PhotoStyle::Paren => format!("（本报记者{gap}{names}{gap}摄）"),
        PhotoStyle::Slash => format!("本报记者{gap}{names}/摄"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::{parse, DraftKind};
    use crate::recognise::{bylines, Input};
    use crate::rules::style::Choice;

    fn credit(text: &str) -> PhotoCredit {
        let text = format!("{text}\n");
        let draft = parse(&text, DraftKind::Text);
        let config = Config::default();
        let input = Input::undated(&text, &draft, crate::lint::newsroom(&config));
        bylines::recognise(&input).photo_credits.remove(0)
    }

    /// Odd spaces in a credit are put right in the house's own form and spacing.
    #[test]
    fn odd_gaps_are_fixed_to_the_house_form() {
        let cases = [
            (PhotoStyle::Plain, CreditSpacing::Spaced, "本报记者 王海 摄"),
            (
                PhotoStyle::Paren,
                CreditSpacing::Spaced,
                "（本报记者 王海 摄）",
            ),
            (PhotoStyle::Slash, CreditSpacing::Spaced, "本报记者 王海/摄"),
            (
                PhotoStyle::Paren,
                CreditSpacing::Joined,
                "（本报记者王海摄）",
            ),
        ];
        for (photo, spacing, want) in cases {
            let house = House {
                photo: Choice::Fixed(photo),
                spacing: Choice::Fixed(spacing),
                ..House::default()
            };
            for text in [
                "居民在锻炼 本报记者  王海  摄",
                "居民在锻炼 本报记者 王海　摄",
                "居民在锻炼（本报记者  王海 摄）",
            ] {
                let credit = credit(text);
                assert_eq!(departures(&credit, &house)[0], Departure::Gaps, "{text}");
                assert_eq!(deviation(&credit, &house), Some(Kind::Error), "{text}");
                // Ex) 锻炼（王海 摄） → 锻炼 王海 摄: a space comes with the parentheses' going.
                let rebuilt = house_form(&credit, &house).unwrap();
                assert_eq!(rebuilt.trim_start(), want, "{text}");
            }
        }
        // The padding of a two-character name is no odd gap.
        let house = House {
            photo: Choice::Fixed(PhotoStyle::Plain),
            spacing: Choice::Fixed(CreditSpacing::Spaced),
            ..House::default()
        };
        for text in [
            "居民在锻炼 本报记者 孙　露 摄",
            "居民在锻炼 本报记者 孙  露 摄",
        ] {
            assert!(departures(&credit(text), &house).is_empty(), "{text}");
        }
    }
}
