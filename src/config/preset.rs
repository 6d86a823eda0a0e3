//! Named house styles (`preset = "地方日报"`): each is a table of house-style keys, every key
//! with an example of the form it chooses written in the shape papers print it. The table is
//! the one source of both the preset's config text (what `jiaodui init --preset` shows) and
//! its page in `docs/presets.md`.
//!
//! A preset fills only the keys a file leaves unset, and it sets nothing but house style (and
//! the level of `date/relative`, since whether relative days are findings at all is the
//! house's choice): it never turns another rule off or down.

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

/// One key of a preset: where it goes, its value as TOML, and an example of the form it
/// chooses, as a paper prints it.
struct Entry {
    section: &'static str,
    key: &'static str,
    value: &'static str,
    example: &'static str,
}

/// A preset's table: who prints in this style, and its keys.
struct Table {
    summary: &'static str,
    entries: &'static [Entry],
}

const fn entry(
    section: &'static str,
    key: &'static str,
    value: &'static str,
    example: &'static str,
) -> Entry {
    Entry {
        section,
        key,
        value,
        example,
    }
}

/// The style of a district or county daily, as the page this tool was made for prints it.
const LOCAL_DAILY: Table = Table {
    summary:
        "区县、地市日报新闻版的常见体例：电头后括号署名，姓名之间空格，图片署名“本报记者 某某 摄”。",
    entries: &[
        entry(
            "byline",
            "form",
            "\"paren\"",
            "本报讯（记者 王海 李敏）8日，红旗社区举办读书会……",
        ),
        entry("byline", "separator", "\" \"", "（记者 王海 李敏）"),
        entry(
            "byline",
            "spacing",
            "\"spaced\"",
            "（记者 王海 通讯员 张强）",
        ),
        entry(
            "byline",
            "position",
            "\"lead\"",
            "署名紧随电头：本报讯（记者 王海）……",
        ),
        entry("byline", "require_reporter", "true", "“本报讯”后须署记者名"),
        entry(
            "photo",
            "form",
            "\"plain\"",
            "……图为志愿者为老人理发。 本报记者 王海 摄",
        ),
        entry("dates", "weekday", "\"星期\"", "3月14日（星期二）"),
        entry("dates", "range", "\"—\"", "3月13日—14日"),
        entry(
            "dates",
            "digits",
            "\"halfwidth\"",
            "3月14日（不用全角数字）",
        ),
        entry(
            "dates",
            "numerals",
            "\"consistent\"",
            "信函落款可写“二〇二三年三月十四日”，同一语境不混用",
        ),
        entry(
            "rules",
            "\"date/relative\"",
            "\"info\"",
            "写明日期“14日”，“昨天”“今天”提示改写",
        ),
    ],
};

/// The style of a national daily's news pages, as 人民日报 prints it. Both credit forms are
/// its own: the reported form of its pages around 2000 and the bracketed one of today, so
/// the preset leaves `form` to each draft.
const RENMIN_RIBAO: Table = Table {
    summary: "全国性日报要闻版的常见体例（以人民日报为准）：署名报道式（世纪之交，\
              `本报北京1月4日电 记者王海、李敏报道：`）和括号式（今天，`本报北京6月7日电（记者丁怡婷）`）\
              都是本报写法，不统一规定；姓名之间用顿号，简讯文末署名，图片署名在括号中。",
    entries: &[
        entry("byline", "separator", "\"、\"", "记者王海、李敏"),
        entry(
            "byline",
            "spacing",
            "\"joined\"",
            "（本报记者王海摄）；简讯文末（王海李敏）",
        ),
        entry(
            "byline",
            "position",
            "\"mixed\"",
            "消息在电头后署名；简讯在文末署名：……。（王海）",
        ),
        entry(
            "byline",
            "require_reporter",
            "false",
            "本报讯可不署记者名（编辑部稿）",
        ),
        entry(
            "photo",
            "form",
            "\"paren\"",
            "……合影留念。（新华社记者王海摄）",
        ),
        entry("dates", "digits", "\"any\"", "全角数字（１月５日）也可"),
        entry(
            "dates",
            "numerals",
            "\"consistent\"",
            "讲话、信函通篇可写“一九九七年七月一日”，同一语境不混用",
        ),
        entry(
            "rules",
            "\"date/relative\"",
            "\"off\"",
            "电头之下可写“今天”“昨天”，以电头日期为准",
        ),
    ],
};

/// The style of wire copy as the agency files it.
const XINHUA: Table = Table {
    summary: "通讯社通稿的常见体例：电头后括号署名，姓名之间用顿号，图片署名“新华社记者 某某 摄”。",
    entries: &[
        entry(
            "byline",
            "form",
            "\"paren\"",
            "新华社北京6月27日电（记者 王海、李敏）……",
        ),
        entry("byline", "separator", "\"、\"", "（记者 王海、李敏）"),
        entry("byline", "spacing", "\"spaced\"", "新华社记者 王海 摄"),
        entry("byline", "position", "\"lead\"", "署名紧随电头"),
        entry(
            "byline",
            "require_reporter",
            "false",
            "电头之后可不署记者名",
        ),
        entry("photo", "form", "\"plain\"", "……举行。 新华社记者 王海 摄"),
        entry("dates", "weekday", "\"星期\"", "6月27日（星期二）"),
        entry("dates", "digits", "\"halfwidth\"", "6月27日"),
        entry(
            "dates",
            "numerals",
            "\"consistent\"",
            "文件落款可写“二〇二三年六月二十七日”，同一语境不混用",
        ),
        entry(
            "rules",
            "\"date/relative\"",
            "\"info\"",
            "写明日期“27日”，不写“今天”“昨天”",
        ),
    ],
};

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

    fn table(self) -> &'static Table {
        match self {
            Preset::LocalDaily => &LOCAL_DAILY,
            Preset::RenminRibao => &RENMIN_RIBAO,
            Preset::Xinhua => &XINHUA,
        }
    }

    /// The preset as a config file: its keys, each with an example of the form it chooses.
    pub(crate) fn source(self) -> String {
        let table = self.table();
        let mut out = format!("# {}：{}\n", self.name(), table.summary);
        let mut section = "";
        for e in table.entries {
            if e.section != section {
                section = e.section;
                out.push_str(&format!("\n[{section}]\n"));
            }
            let line = format!("{} = {}", e.key, e.value);
            out.push_str(&format!("{line:<26}# {}\n", e.example));
        }
        out
    }

    /// Fills the house-style keys `config` leaves unset with this preset's.
    pub(crate) fn apply(self, config: &mut Config) {
        let preset: Config = toml::from_str(&self.source()).expect("presets are valid configs");
        let (byline, mine) = (&preset.byline, &mut config.byline);
        mine.form = mine.form.or(byline.form);
        mine.separator = mine.separator.or(byline.separator);
        mine.spacing = mine.spacing.or(byline.spacing);
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

/// `docs/presets.md`: every preset's table of keys with an example of each form, generated
/// from the presets themselves.
pub fn presets_markdown() -> String {
    let mut out = String::from(
        "<!-- Generated from src/config/preset.rs by `jiaodui::config::presets_markdown`; \
         tests/docs.rs keeps it current. -->\n\n\
         # 预设体例 (presets)\n\n\
         `jiaodui.toml` 中写 `preset = \"名称\"`，就采用该报的体例；文件里写出的键优先于预设。\
         预设只规定体例（以及 `date/relative` 是否提示），不关闭、不降低其他任何规则。\n\n\
         没有预设、也没有写出的键，按每篇稿件自己的多数用法推断：同一写法至少出现 3 次、且多于\
         其他写法才算数；平局或不足 3 次时不提示体例问题。不合任何规范的写法（署名用半角括号、\
         `摄影：某某`、日期范围用 `-` 等）无论采用哪种体例都会提示。\n\n\
         | 键 | 可选值 |\n|---|---|\n\
         | `[byline] form` | `\"paren\"`：本报讯（记者 王海）；`\"reported\"`：本报讯 记者王海报道： |\n\
         | `[byline] separator` | `\" \"`：王海 李敏；`\"、\"`：王海、李敏 |\n\
         | `[byline] spacing` | `\"spaced\"`：记者 王海、本报记者 王海 摄；`\"joined\"`：记者王海、（本报记者王海摄） |\n\
         | `[byline] position` | `\"lead\"`：电头后；`\"end\"`：文末；`\"mixed\"`：消息在电头后、简讯在文末 |\n\
         | `[byline] require_reporter` | `true`：本报讯须署名；`false`：编辑部稿可不署名 |\n\
         | `[photo] form` | `\"plain\"`：本报记者 王海 摄；`\"paren\"`：（本报记者 王海 摄）；`\"slash\"`：王海/摄 |\n",
    );
    for preset in Preset::ALL {
        let table = preset.table();
        out.push_str(&format!("\n## {}\n\n{}\n\n", preset.name(), table.summary));
        out.push_str("| 键 | 值 | 示例 |\n|---|---|---|\n");
        for e in table.entries {
            let key = e.key.trim_matches('"');
            let value = e.value;
            out.push_str(&format!(
                "| `[{}] {key}` | `{value}` | {} |\n",
                e.section, e.example
            ));
        }
        out.push_str(&format!("\n```toml\n{}```\n", preset.source()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BylinePosition, CreditSpacing, NameSeparator};

    #[test]
    fn every_preset_is_a_valid_config_of_house_style_keys_only() {
        for preset in Preset::ALL {
            let config: Config = toml::from_str(&preset.source()).unwrap();
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
            assert_eq!(
                config.byline.roster,
                Config::default().byline.roster,
                "{}",
                preset.name()
            );
            assert_eq!(Preset::from_name(preset.name()), Some(preset));
            let byline = &config.byline;
            // 人民日报 prints both credit forms (see `RENMIN_RIBAO`): its form is each draft's.
            let form_set = byline.form.is_some() || preset == Preset::RenminRibao;
            assert!(
                form_set
                    && byline.separator.is_some()
                    && byline.spacing.is_some()
                    && byline.position.is_some()
                    && byline.require_reporter.is_some()
                    && config.photo.form.is_some(),
                "{}: every byline and photo key is set",
                preset.name()
            );
        }
    }

    #[test]
    fn a_file_key_wins_over_its_preset() {
        let mut config: Config =
            toml::from_str("preset = \"人民日报\"\n[byline]\nseparator = \" \"\n").unwrap();
        config.preset.unwrap().apply(&mut config);
        assert_eq!(config.byline.separator, Some(NameSeparator::Space));
        assert_eq!(config.byline.form, None, "both forms are 人民日报's");
        assert_eq!(config.byline.position, Some(BylinePosition::Mixed));
        assert_eq!(config.byline.spacing, Some(CreditSpacing::Joined));
    }
}
