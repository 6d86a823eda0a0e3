//! The `jiaodui.toml` schema. Every section parses and validates here, even
//! where the rule that reads it lives elsewhere; unknown keys are errors.

use serde::Deserialize;
use std::collections::BTreeMap;

use crate::diagnostic::Severity;

/// A whole configuration file, with defaults for everything left out. House-style keys are
/// `None` when neither the file nor its preset sets them: the house style is then inferred
/// from each draft (see `lint`'s style inference), so `Config::default()` holds no house
/// style of its own.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// A named house style whose keys fill those this file leaves unset.
    pub(crate) preset: Option<super::Preset>,
    pub(crate) bulletin: BulletinConfig,
    pub(crate) byline: BylineConfig,
    pub(crate) photo: PhotoConfig,
    pub(crate) places: PlacesConfig,
    pub(crate) dates: DatesConfig,
    /// The newsroom's word list: `[[words.entry]]` and imported prh dictionaries.
    pub(crate) words: super::WordsConfig,
    /// Per-rule severity or `off`, keyed by rule ID.
    pub(crate) rules: BTreeMap<String, RuleLevel>,
    pub(crate) files: FilesConfig,
    /// Findings a user has accepted: exact flagged text, optionally per path.
    pub(crate) allow: Vec<AllowEntry>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct BulletinConfig {
    /// Issue date, when not in front matter or file name.
    pub(crate) date: Option<IsoDate>,
    /// Where unqualified place names are resolved first, e.g. `山西省大同市平城区`.
    pub(crate) region: Option<String>,
}

/// A `YYYY-MM-DD` date as written in config.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IsoDate(pub(crate) jiff::civil::Date);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<IsoDate, D::Error> {
        use serde::de::Error;
        // TOML dates arrive as strings (`"2021-06-11"`) or as TOML local dates.
        let value = toml::Value::deserialize(deserializer)?;
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) => dt.to_string(),
            other => {
                return Err(D::Error::custom(format!(
                    "应写成 \"2024-06-10\" 这样的日期，这里写的是{}",
                    other.type_str()
                )))
            }
        };
        text.parse::<jiff::civil::Date>().map(IsoDate).map_err(|_| {
            D::Error::custom(format!(
                "“{text}”不是有效的日期：应写成 \"2024-06-10\" 这样的年-月-日"
            ))
        })
    }
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum BylineForm {
    /// `本报讯（记者 王海）`
    #[default]
    Paren,
    /// `本报北京1月4日讯 记者王海报道：`
    Reported,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ParenWidth {
    #[default]
    Fullwidth,
    Halfwidth,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum BylinePosition {
    /// The credit opens the article: `本报讯（记者 王海）…`
    #[default]
    Lead,
    /// The credit closes the article: `……。（王海 李敏）`
    End,
    /// One credit per item, at the lead or at the end: reports open with theirs, briefs
    /// close with theirs.
    Mixed,
}

/// How the words of a credit are spaced: a space between the role and the names and before
/// `摄` (`记者 王海`, `本报记者 王海 摄`), or none (`记者王海、李敏`, `（本报记者王海摄）`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum CreditSpacing {
    /// `（记者 王海 李敏）`, `本报记者 王海 摄`
    Spaced,
    /// `（记者王海、李敏）`, `（本报记者王海摄）`: names of an end credit may run together.
    Joined,
}

/// The separator printed between names in a credit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum NameSeparator {
    #[default]
    Space,
    /// `、`
    Dun,
}

impl NameSeparator {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            NameSeparator::Space => " ",
            NameSeparator::Dun => "、",
        }
    }

    /// The option `sep` is, when it is one.
    pub(crate) fn from_str(sep: &str) -> Option<NameSeparator> {
        match sep {
            " " => Some(NameSeparator::Space),
            "、" => Some(NameSeparator::Dun),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for NameSeparator {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NameSeparator, D::Error> {
        use serde::de::Error;
        match String::deserialize(deserializer)?.as_str() {
            " " => Ok(NameSeparator::Space),
            "、" => Ok(NameSeparator::Dun),
            other => Err(D::Error::custom(format!(
                "expected \" \" or \"、\", found \"{other}\""
            ))),
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BylineConfig {
    /// House-style keys: `None` when neither the file nor its preset sets them.
    pub(crate) form: Option<BylineForm>,
    /// Half-width parentheses are no standard form: only an explicit setting allows them,
    /// never a preset or inference.
    pub(crate) parens: ParenWidth,
    pub(crate) separator: Option<NameSeparator>,
    pub(crate) spacing: Option<CreditSpacing>,
    pub(crate) position: Option<BylinePosition>,
    /// Whether a `本报讯` lead must name a reporter; `false` makes desk copy the house style.
    pub(crate) require_reporter: Option<bool>,
    /// The newsroom's reporters; empty means `byline/unknown-reporter` stays silent.
    pub(crate) roster: Vec<String>,
    pub(crate) default_reporter: Option<String>,
    /// Role words the house accepts in credits.
    pub(crate) roles: Vec<String>,
}

impl Default for BylineConfig {
    fn default() -> BylineConfig {
        BylineConfig {
            form: None,
            parens: ParenWidth::Fullwidth,
            separator: None,
            spacing: None,
            position: None,
            require_reporter: None,
            roster: Vec::new(),
            default_reporter: None,
            roles: [
                "记者",
                "本报记者",
                "首席记者",
                "特约记者",
                "见习记者",
                "实习生",
                "通讯员",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// How the house prints a photo credit; any role, organisation and number of names fits
/// each form.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum PhotoStyle {
    /// `本报记者 王海 摄`
    Plain,
    /// `（新华社记者 王海 摄）`
    Paren,
    /// `王海/摄`
    Slash,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PhotoConfig {
    pub(crate) form: Option<PhotoStyle>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PlacesConfig {
    /// Newsroom gazetteers (TOML or CSV), relative to the config file.
    pub(crate) gazetteers: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
pub(crate) enum WeekdayWord {
    #[default]
    #[serde(rename = "星期")]
    Xingqi,
    #[serde(rename = "周")]
    Zhou,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
pub(crate) enum RangeConnector {
    #[default]
    #[serde(rename = "—")]
    Dash,
    #[serde(rename = "至")]
    Zhi,
    #[serde(rename = "~", alias = "～")]
    Tilde,
}

impl RangeConnector {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RangeConnector::Dash => "—",
            RangeConnector::Zhi => "至",
            RangeConnector::Tilde => "～",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum DigitsStyle {
    /// `1月5日`: full-width digits are a format error.
    #[default]
    Halfwidth,
    /// Full-width digits (`１月５日`, common in older print) are allowed.
    Any,
}

/// Whether dates may be written in Chinese numerals (`二〇二三年三月十四日`).
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Numerals {
    /// Allowed where a context writes all its dates so (a letter, a document's date line),
    /// a finding where the same context also writes dates in Arabic digits.
    #[default]
    Consistent,
    /// Dates are written in Arabic digits everywhere.
    Arabic,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct DatesConfig {
    /// House-style keys: `None` when neither the file nor its preset sets them.
    pub(crate) weekday: Option<WeekdayWord>,
    pub(crate) range: Option<RangeConnector>,
    pub(crate) digits: Option<DigitsStyle>,
    pub(crate) numerals: Option<Numerals>,
}

/// A rule's configured level.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleLevel {
    /// The severity findings get, or `None` when the rule is off.
    pub(crate) fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct FilesConfig {
    pub(crate) include: Vec<String>,
    pub(crate) exclude: Vec<String>,
}

impl Default for FilesConfig {
    fn default() -> FilesConfig {
        FilesConfig {
            // `.doc` and `.wps` are not read, but a draft in them is reported as unread
            // rather than passed over.
            include: ["**/*.txt", "**/*.md", "**/*.docx", "**/*.doc", "**/*.wps"]
                .map(String::from)
                .to_vec(),
            exclude: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllowEntry {
    pub(crate) rule: String,
    /// The exact flagged text that is fine.
    pub(crate) text: String,
    /// Optional glob, relative to the config file, limiting where the entry applies.
    pub(crate) path: Option<String>,
}
