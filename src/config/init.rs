//! The commented starter file `jiaodui init` writes, with or without a preset.

use super::Preset;

/// A starter `jiaodui.toml`: every section, options explained. House-style keys are left
/// commented out, so that each draft's own usage settles them until the newsroom decides.
pub(crate) const STARTER_CONFIG: &str = r#"# jiaodui 校对 — 本报稿件校对配置
# 放在稿件目录（或其上级目录）中；每个文件使用离它最近的 jiaodui.toml。
# 所有路径都相对于本文件所在目录。

# 预设体例："地方日报"、"人民日报" 或 "新华社"；下面写出的键覆盖预设。
# preset = "地方日报"

[bulletin]
# 出版日期：稿件的 front matter（date:）或文件名（2021-06-11-….txt）没有写明时使用。
# date = "2021-06-11"
# 本报所在地：没有上级地名的地名优先在这里查找。
# region = "山西省大同市平城区"

# 体例（电头署名、图片署名、日期写法）：不写的键由预设决定；没有预设时，
# 按每篇稿件自己的多数用法推断（同一写法至少出现 3 次才算数），不合的才提示。
[byline]
# form = "paren"          # "paren"：本报讯（记者 王海）；"reported"：本报讯 记者王海报道：
parens = "fullwidth"      # 署名括号："fullwidth"（全角）；"halfwidth" 不合规范，须明确写出才允许
# separator = " "         # 姓名之间的分隔：" " 或 "、"
# spacing = "spaced"      # "spaced"：记者 王海、本报记者 王海 摄；"joined"：记者王海、（本报记者王海摄）
# position = "lead"       # 署名位置："lead"（导语开头）、"end"（文末）或 "mixed"（消息在导语，简讯在文末）
# require_reporter = true # "本报讯"后是否必须署记者名；false：编辑部稿可不署名
# 本报记者名单：配置后，不在名单中的署名会被提示。
roster = []
# default_reporter = "王海"

[photo]
# form = "plain"          # "plain"：本报记者 王海 摄；"paren"：（王海 摄）；"slash"：王海/摄

[places]
# 本报自建地名库（TOML 或 CSV：code,name,parent_code,level），补充内置的全国区划。
gazetteers = []

[dates]
# weekday = "星期"        # "星期" 或 "周"
# range = "—"             # 日期范围连接号："—"、"至" 或 "~"
# digits = "halfwidth"    # "any"：允许全角数字（１月５日）
# numerals = "consistent" # "consistent"：汉字数字日期可用，同一语境不与阿拉伯数字混用；"arabic"：一律阿拉伯数字

[rules]
# 调整某条规则的级别：off | info | warning | error
# "date/relative" = "off"
# "punct/halfwidth" = "error"

[files]
# .docx 按段落读取；.doc、.wps 不能读取，会提示另存为 .docx
include = ["**/*.txt", "**/*.md", "**/*.docx", "**/*.doc", "**/*.wps"]
exclude = []

# 确认无误、不再提示的个例：
# [[allow]]
# rule = "place/misspelled"
# text = "新开发区"
# path = "drafts/**"
"#;

/// The starter file for `preset`: the preset named, its keys shown for reference, then the
/// rest of the starter file.
pub(crate) fn starter(preset: Option<Preset>) -> String {
    let Some(preset) = preset else {
        return STARTER_CONFIG.to_owned();
    };
    let mut out = STARTER_CONFIG.replacen(
        "# preset = \"地方日报\"\n",
        &format!("preset = \"{}\"\n", preset.name()),
        1,
    );
    out.push_str("\n# 预设“");
    out.push_str(preset.name());
    out.push_str("”的体例如下，供参考；要改哪一项，就在上面对应的表里写出：\n#\n");
    for line in preset.source().lines() {
        out.push_str("#   ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BylinePosition, LoadedConfig};
    use std::path::Path;

    #[test]
    fn a_starter_with_a_preset_is_that_preset() {
        for preset in Preset::ALL {
            let text = starter(Some(preset));
            let loaded = LoadedConfig::parse(&text, Path::new("jiaodui.toml"), &[]).unwrap();
            assert_eq!(loaded.config.preset, Some(preset));
        }
        let text = starter(Some(Preset::RenminRibao));
        let loaded = LoadedConfig::parse(&text, Path::new("j.toml"), &["date/relative"]).unwrap();
        assert_eq!(loaded.config.byline.position, Some(BylinePosition::Mixed));
        let plain = LoadedConfig::parse(STARTER_CONFIG, Path::new("j.toml"), &[]).unwrap();
        assert_eq!(
            plain.config.byline.form, None,
            "house style is inferred by default"
        );
    }
}
