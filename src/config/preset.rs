//! Named house styles (`preset = "地方日报"`): each is a small `jiaodui.toml` of house-style
//! keys, written out with an example of every form in the shape papers print it. A preset
//! fills only the keys a file leaves unset, and it sets nothing but house style (and the
//! level of `date/relative`, since whether relative days are findings at all is the house's
//! choice): it never turns another rule off or down.

use serde::Deserialize;

use super::schema::Config;

/// A named house style.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub(crate) enum Preset {
    #[serde(rename = "人民日报")]
    RenminRibao,
    #[serde(rename = "新华社")]
    Xinhua,
    #[serde(rename = "地方日报")]
    LocalDaily,
}

impl Preset {
    pub(crate) const ALL: [Preset; 3] = [Preset::LocalDaily, Preset::RenminRibao, Preset::Xinhua];

    /// The name a config file writes.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Preset::RenminRibao => "人民日报",
            Preset::Xinhua => "新华社",
            Preset::LocalDaily => "地方日报",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The preset as a config file: its keys, each with an example of the form it chooses.
    pub(crate) fn source(self) -> &'static str {
        match self {
            Preset::LocalDaily => LOCAL_DAILY,
            Preset::RenminRibao => RENMIN_RIBAO,
            Preset::Xinhua => XINHUA,
        }
    }

    /// Fills the house-style keys `config` leaves unset with this preset's.
    pub(crate) fn apply(self, config: &mut Config) {
        let preset: Config = toml::from_str(self.source()).expect("presets are valid configs");
        let (byline, mine) = (&preset.byline, &mut config.byline);
        mine.form = mine.form.or(byline.form);
        mine.separator = mine.separator.or(byline.separator);
        mine.position = mine.position.or(byline.position);
        mine.require_reporter = mine.require_reporter.or(byline.require_reporter);
        config.photo.form = config.photo.form.or(preset.photo.form);
        let (dates, mine) = (&preset.dates, &mut config.dates);
        mine.weekday = mine.weekday.or(dates.weekday);
        mine.range = mine.range.or(dates.range);
        mine.digits = mine.digits.or(dates.digits);
        mine.numerals = mine.numerals.or(dates.numerals);
        for (rule, level) in preset.rules {
            config.rules.entry(rule).or_insert(level);
        }
    }
}

/// The style of a district or county daily: the seed of this tool.
const LOCAL_DAILY: &str = r#"# 地方日报：区县新闻版的常见体例。
[byline]
form = "paren"            # 本报讯（记者 王海 李敏）8日，红旗社区……
separator = " "           # 记者 王海 李敏
position = "lead"         # 署名在导语开头
require_reporter = true   # “本报讯”须署记者名

[photo]
form = "plain"            # ……锻炼身体。 本报记者 王海 摄

[dates]
weekday = "星期"           # 3月14日（星期二）
range = "—"               # 3月13日—14日
digits = "halfwidth"      # 3月14日（不用全角数字）
numerals = "consistent"   # 信函、文件落款可写“二〇二三年三月十四日”，同一语境不混用
"#;

/// The style of a national daily's news pages, as 人民日报 printed it around 2000.
const RENMIN_RIBAO: &str = r#"# 人民日报：全国性日报要闻版的常见体例。
[byline]
form = "reported"         # 本报北京1月4日电 记者王海、李敏报道：
separator = "、"           # 记者王海、李敏
position = "mixed"        # 消息在导语署名；简讯在文末署名：……。（王海）
require_reporter = false  # 本报讯可不署记者名（编辑部稿）

[photo]
form = "paren"            # ……合影留念。（本报记者 王海摄）

[dates]
digits = "any"            # 全角数字（１月５日）也可
numerals = "consistent"   # 讲话、信函通篇可写“一九九七年七月一日”，同一语境不混用

[rules]
"date/relative" = "off"   # 电头之下可写“今天”“昨天”，以电头日期为准
"#;

/// The style of wire copy as the agency files it.
const XINHUA: &str = r#"# 新华社：通稿的常见体例。
[byline]
form = "paren"            # 新华社北京6月27日电（记者 王海、李敏）
separator = "、"           # 记者 王海、李敏
position = "lead"         # 署名紧随电头
require_reporter = false  # 电头之后可不署记者名

[photo]
form = "plain"            # ……举行。 新华社记者 王海 摄

[dates]
weekday = "星期"           # 6月27日（星期二）
digits = "halfwidth"      # 6月27日
numerals = "consistent"   # 文件落款可写“二〇二三年六月二十七日”，同一语境不混用
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BylineForm, BylinePosition, NameSeparator};

    #[test]
    fn every_preset_is_a_valid_config_of_house_style_keys_only() {
        for preset in Preset::ALL {
            let config: Config = toml::from_str(preset.source()).unwrap();
            let house_only = Config {
                byline: config.byline.clone(),
                photo: config.photo.clone(),
                dates: config.dates.clone(),
                rules: config.rules.clone(),
                ..Config::default()
            };
            assert_eq!(config, house_only, "{}", preset.name());
            assert!(
                config.rules.keys().all(|rule| rule == "date/relative"),
                "{}: a preset sets no other rule's level",
                preset.name()
            );
            assert_eq!(Preset::from_name(preset.name()), Some(preset));
        }
    }

    #[test]
    fn a_file_key_wins_over_its_preset() {
        let mut config: Config =
            toml::from_str("preset = \"人民日报\"\n[byline]\nseparator = \" \"\n").unwrap();
        config.preset.unwrap().apply(&mut config);
        assert_eq!(config.byline.separator, Some(NameSeparator::Space));
        assert_eq!(config.byline.form, Some(BylineForm::Reported));
        assert_eq!(config.byline.position, Some(BylinePosition::Mixed));
    }
}
