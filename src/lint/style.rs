//! Style inference: settles each house-style key for one draft before the rules run.
//!
//! A key set by the configuration or its preset is fixed. Otherwise the draft's own usage
//! decides: each byline, photo credit, weekday, range and date counts as one use of the
//! option it is printed in, and the option used most wins when it has at least
//! [`MIN_USES`] uses and no other option ties it. Forms that are no option at all
//! (half-width parentheses, `-` in a range, `摄影：`) count for nothing here; the rules report
//! them in every style.

use std::collections::HashSet;

use crate::config::{
    BylineForm, BylinePosition, Config, CreditSpacing, DigitsStyle, NameSeparator, RangeConnector,
    RuleLevel, WeekdayWord,
};
use crate::recognise::bylines::{Byline, BylinePlace, BylineShape, Bylines, CreditForm, PhotoForm};
use crate::recognise::dates::{self, DateRole, Digits, Mention};
use crate::recognise::Facts;
use crate::rules::photo::house as photo;
use crate::rules::style::{Choice, DayNames, House, MIN_USES};

/// The house style of one draft: the configuration's keys, and the draft's own usage where
/// the configuration is silent.
pub fn house<'a>(config: &'a Config, facts: &Facts) -> House<'a> {
    let dates = &config.dates;
    House {
        photo: settle(
            config.photo.form,
            facts
                .bylines
                .photo_credits
                .iter()
                .filter_map(photo::style_of),
        ),
        weekday: settle(
            dates.weekday,
            facts.dates.weekdays().filter_map(|w| match w.word {
                dates::WeekdayWord::Xingqi => Some(WeekdayWord::Xingqi),
                dates::WeekdayWord::Zhou => Some(WeekdayWord::Zhou),
                dates::WeekdayWord::Libai => None,
            }),
        ),
        range: settle(
            dates.range,
            facts.dates.iter().filter_map(|m| match &m.kind {
                Mention::Range(range) => match range.connector {
                    '—' => Some(RangeConnector::Dash),
                    '至' => Some(RangeConnector::Zhi),
                    '～' => Some(RangeConnector::Tilde),
                    _ => None,
                },
                _ => None,
            }),
        ),
        digits: settle(dates.digits, date_digits(facts)),
        numerals: dates.numerals.unwrap_or_default(),
        days: settle(
            config.rules.get("date/relative").map(|level| match level {
                RuleLevel::Off => DayNames::Relative,
                _ => DayNames::Absolute,
            }),
            day_names(facts),
        ),
        ..bylines(config, facts)
    }
}

/// The byline keys: the form, separator and position of the paper's own credits, and
/// whether its datelines name a reporter.
fn bylines<'a>(config: &'a Config, facts: &Facts) -> House<'a> {
    let bylines = &facts.bylines;
    let own = || bylines.bylines.iter().filter(|b| b.is_own());
    let byline = &config.byline;
    House {
        form: settle(
            byline.form,
            own().filter_map(|b| match b.shape() {
                BylineShape::Paren => Some(BylineForm::Paren),
                BylineShape::Reported => Some(BylineForm::Reported),
                _ => None,
            }),
        ),
        parens: byline.parens,
        separator: settle(
            byline.separator,
            own()
                .filter_map(|b| b.credit.as_ref())
                .filter(|c| !matches!(c.form, CreditForm::Unbracketed))
                .filter_map(|c| c.separators.first())
                // Ex) （新华社发 刘文、王海摄） — an agency's credit shows the agency's style.
                .chain(
                    (bylines.photo_credits.iter())
                        .filter(|c| !matches!(c.form, PhotoForm::Agency(_)))
                        .filter_map(|c| c.separators.first()),
                )
                .filter_map(|sep| NameSeparator::from_str(sep)),
        ),
        spacing: settle(byline.spacing, spacing_uses(bylines)),
        position: position(
            byline.position,
            own()
                .filter(|b| b.has_names())
                .filter_map(|b| match b.place {
                    BylinePlace::Lead => Some(BylinePosition::Lead),
                    BylinePlace::Trailing => Some(BylinePosition::End),
                    _ => None,
                }),
        ),
        // Ex) 本报讯 ……。（王海 李敏） — a brief signed at its end is no desk copy.
        require_reporter: settle(
            byline.require_reporter,
            own()
                .filter(|b| b.place == BylinePlace::Lead)
                .filter(|b| b.has_names() || !signed_elsewhere(bylines, b))
                .map(|b| b.has_names()),
        ),
        roster: &byline.roster,
        default_reporter: byline.default_reporter.as_deref(),
        printed_apart: printed_apart(bylines),
        ..House::default()
    }
}

/// Names the page's credits and photo credits print standing alone — neither run into the
/// name before them nor followed by one run into them — when any credit runs names together
/// (`王海李敏`): what shows such a run to be two names.
fn printed_apart(bylines: &Bylines) -> HashSet<String> {
    let credits = (bylines.bylines.iter())
        .filter_map(|b| b.credit.as_ref())
        .filter(|c| c.complete && !c.free);
    let glued = credits.clone().any(|c| c.spacing.names_glued)
        || (bylines.photo_credits.iter()).any(|c| c.spacing.names_glued);
    if !glued {
        return HashSet::new();
    }
    let groups = (credits.flat_map(|c| c.groups.iter()))
        .chain(bylines.photo_credits.iter().flat_map(|c| c.groups.iter()));
    let mut out = HashSet::new();
    for group in groups {
        let names = &group.names;
        for (i, name) in names.iter().enumerate() {
            let next_joined = names.get(i + 1).is_some_and(|n| n.joined);
            if !name.joined && !next_joined {
                out.insert(name.text.clone());
            }
        }
    }
    out
}

/// True when the article of the dateline `lead` is signed by another of the paper's credits.
fn signed_elsewhere(bylines: &Bylines, lead: &Byline) -> bool {
    lead.article.is_some_and(|a| {
        bylines
            .of_article(a)
            .any(|b| b.span != lead.span && b.is_own() && b.has_names())
    })
}

/// One use per credit whose role and names (or names and `摄`) are all spaced, or all run
/// together: `记者 王海`, `本报记者 王海 摄` against `记者王海`, `（本报记者王海摄）`. A reported
/// credit (`记者王海报道：`) always runs them together and says nothing of the house.
fn spacing_uses(bylines: &Bylines) -> impl Iterator<Item = CreditSpacing> + '_ {
    let credits = bylines
        .bylines
        .iter()
        .filter(|b| b.is_own())
        .filter_map(|b| b.credit.as_ref())
        .filter(|c| c.complete && !c.free)
        .filter(|c| matches!(c.form, CreditForm::Paren(_) | CreditForm::Bare))
        .filter(|c| {
            c.groups
                .iter()
                .any(|g| g.role.is_some() && !g.names.is_empty())
        })
        .map(|c| Some(c.spacing.role_joined));
    let photos = bylines
        .photo_credits
        .iter()
        .filter(|c| matches!(c.form, PhotoForm::Plain | PhotoForm::Paren(_)))
        .map(|c| {
            let role = c.has_role().then_some(c.spacing.role_joined);
            match role {
                Some(joined) if joined == c.spaced_she => None,
                _ => Some(!c.spaced_she),
            }
        });
    credits.chain(photos).filter_map(|joined| {
        joined.map(|joined| {
            if joined {
                CreditSpacing::Joined
            } else {
                CreditSpacing::Spaced
            }
        })
    })
}

/// How the draft names the days of its news, outside quotations and titles: each relative
/// day (`今天`, `上周五`) one use of the relative style, each day written alone (`14日`) one
/// use of the absolute style. Whether relative days are findings at all is the house's
/// choice, so a level set for `date/relative` fixes the key (`off`: relative days are the
/// house style).
fn day_names(facts: &Facts) -> impl Iterator<Item = DayNames> + '_ {
    facts
        .dates
        .iter()
        .filter(|m| !m.in_quote && !m.in_title)
        .filter_map(|m| match &m.kind {
            Mention::Relative(_) => Some(DayNames::Relative),
            Mention::Date(expr) if expr.is_day_only() && expr.role == DateRole::Plain => {
                Some(DayNames::Absolute)
            }
            _ => None,
        })
}

/// The digit width of each date written in digits: one use per date, whatever its parts.
fn date_digits(facts: &Facts) -> impl Iterator<Item = DigitsStyle> + '_ {
    facts.dates.exprs().filter_map(|(_, expr)| {
        let parts = [&expr.year, &expr.month, &expr.day];
        let mut digits = parts.into_iter().flatten().map(|part| part.digits);
        match digits.next()? {
            Digits::Ascii => Some(DigitsStyle::Halfwidth),
            Digits::FullWidth => Some(DigitsStyle::Any),
            Digits::Mixed | Digits::Chinese => None,
        }
    })
}

/// Settles one key: `fixed` wins; else the option with the most `uses`, when it has at
/// least [`MIN_USES`] of them and no other option has as many. Two uses against one are no
/// house style: a draft that prints a credit two ways is not told which is right.
pub(crate) fn settle<T: Copy + PartialEq>(
    fixed: Option<T>,
    uses: impl IntoIterator<Item = T>,
) -> Choice<T> {
    if let Some(value) = fixed {
        return Choice::Fixed(value);
    }
    let mut counts: Vec<(T, usize)> = Vec::new();
    for option in uses {
        match counts.iter_mut().find(|(seen, _)| *seen == option) {
            Some((_, n)) => *n += 1,
            None => counts.push((option, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(value, uses), rest @ ..]
            if *uses >= MIN_USES && rest.first().is_none_or(|(_, next)| uses > next) =>
        {
            Choice::Inferred {
                value: *value,
                uses: *uses,
            }
        }
        _ => Choice::Open,
    }
}

/// The credit position: a page whose credits stand both at the lead and at the end is
/// printed in the mixed style (reports credited at the lead, briefs at the end), which
/// accepts either; a page that puts every credit in one place settles on it.
fn position(
    fixed: Option<BylinePosition>,
    uses: impl IntoIterator<Item = BylinePosition>,
) -> Choice<BylinePosition> {
    let uses: Vec<BylinePosition> = uses.into_iter().collect();
    let both = uses.contains(&BylinePosition::Lead) && uses.contains(&BylinePosition::End);
    if fixed.is_none() && both && uses.len() >= MIN_USES {
        return Choice::Inferred {
            value: BylinePosition::Mixed,
            uses: uses.len(),
        };
    }
    settle(fixed, uses)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_used_most_wins_from_three_uses_without_a_tie() {
        use WeekdayWord::{Xingqi, Zhou};
        assert_eq!(settle(None, [Xingqi, Zhou]), Choice::Open);
        assert_eq!(settle(None, [Xingqi, Zhou, Xingqi, Zhou]), Choice::Open);
        assert_eq!(settle(None, [Xingqi, Zhou, Xingqi]), Choice::Open);
        assert_eq!(
            settle(None, [Xingqi, Zhou, Xingqi, Xingqi]),
            Choice::Inferred {
                value: Xingqi,
                uses: 3
            }
        );
        assert_eq!(settle(Some(Zhou), [Xingqi; 5]), Choice::Fixed(Zhou));
    }

    #[test]
    fn credits_at_both_ends_settle_on_the_mixed_position() {
        use BylinePosition::{End, Lead, Mixed};
        assert_eq!(
            position(None, [Lead, Lead, End]),
            Choice::Inferred {
                value: Mixed,
                uses: 3
            }
        );
        assert_eq!(position(None, [Lead, End]), Choice::Open);
        assert_eq!(position(Some(Lead), [Lead, End, End]), Choice::Fixed(Lead));
    }
}
