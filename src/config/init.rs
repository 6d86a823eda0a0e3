//! The commented starter file `jiaodui init` writes.

/// A starter `jiaodui.toml`: every section, the defaults spelled out, options explained.
pub(crate) const STARTER_CONFIG: &str = r#"# jiaodui 校对 — 本报稿件校对配置
# 放在稿件目录（或其上级目录）中；每个文件使用离它最近的 jiaodui.toml。
# 所有路径都相对于本文件所在目录。

[bulletin]
# 出版日期：稿件的 front matter（date:）或文件名（2021-06-11-….txt）没有写明时使用。
# date = "2021-06-11"
# 本报所在地：没有上级地名的地名优先在这里查找。
# region = "山西省大同市平城区"

[byline]
# 电头与署名的本报格式。
form = "paren"            # "paren"：本报讯（记者 王海）；"reported"：本报讯 记者王海报道：
parens = "fullwidth"      # 署名括号："fullwidth"（全角）或 "halfwidth"
separator = " "           # 署名之间的分隔：" " 或 "、"
position = "lead"         # 署名位置："lead"（导语开头）或 "end"（文末）
# 本报记者名单：配置后，不在名单中的署名会被提示。
roster = []
# default_reporter = "王海"

[places]
# 本报自建地名库（TOML 或 CSV：code,name,parent_code,level），补充内置的全国区划。
gazetteers = []

[dates]
weekday = "星期"          # "星期" 或 "周"
range = "—"               # 日期范围连接号："—"、"至" 或 "~"
digits = "halfwidth"      # "any"：允许全角数字（１月５日）

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
