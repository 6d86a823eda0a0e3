//! Config errors in the copy desk's language: serde's and toml's English messages about a
//! `jiaodui.toml` are restated in Chinese, and a misspelt table, key, value or rule gets a
//! "did you mean" with the nearest right one.

/// Restates a toml/serde error `message` in Chinese. `line` is the text of the line the
/// error points at, which tells a misspelt table (`[bylin]`) from a misspelt key.
pub(super) fn restate(message: &str, line: &str) -> String {
    if let Some((found, expected)) = unknown("unknown field", message) {
        let table = line.trim_start().starts_with('[');
        let what = if table { "表" } else { "键" };
        let shown = |name: &str| {
            if table {
                format!("[{name}]")
            } else {
                name.to_owned()
            }
        };
        return format!(
            "没有“{}”这个{what}{}（可用：{}）",
            shown(&found),
            did_you_mean(&found, &expected, shown),
            expected.join("、")
        );
    }
    if let Some((found, expected)) = unknown("unknown variant", message) {
        return format!(
            "“{found}”不是可用的值{}（可用：{}）",
            did_you_mean(&found, &expected, str::to_owned),
            expected.join("、")
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return format!("值的类型不对：{rest}");
    }
    if message.starts_with("duplicate key") {
        return format!("同一个键写了两次（{message}）");
    }
    if message.starts_with("missing field") {
        return format!("缺少必填的键（{message}）");
    }
    // Ours (a date's), already in Chinese.
    if message.chars().any(crate::text::is_han) {
        return message.to_owned();
    }
    // The commonest slips of hand-written TOML, by the first line of toml's message.
    let first = message.lines().next().unwrap_or_default();
    let slip = [
        ("invalid table header", "表头应写成 [表名] 或 [[表名]]"),
        ("invalid string", "字符串应写在一对英文双引号里"),
        ("invalid basic string", "字符串应写在一对英文双引号里"),
        ("unclosed", "括号或引号没有闭合"),
        ("key with no value", "键后面缺少“= 值”"),
        ("expected `=`", "键后面缺少“=”"),
        (
            "invalid key",
            "键名只能用英文字母、数字、- 和 _，其他写法要加引号",
        ),
        ("invalid number", "数字写得不对"),
        ("invalid float", "数字写得不对"),
    ];
    match slip.iter().find(|(english, _)| first.starts_with(english)) {
        Some((_, chinese)) => format!("不是有效的 TOML：{chinese}（{}）", first.trim()),
        None => format!("不是有效的 TOML：{message}"),
    }
}

/// Why a file could not be read or written, in Chinese (the system's words only for the
/// rare kinds without a name here).
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "没有这个文件或文件夹".into(),
        ErrorKind::PermissionDenied => "没有权限".into(),
        ErrorKind::IsADirectory => "这是文件夹，不是文件".into(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "磁盘已满".into(),
        ErrorKind::FileTooLarge => "文件超过了系统允许的大小".into(),
        ErrorKind::ReadOnlyFilesystem => "所在的磁盘只读".into(),
        ErrorKind::InvalidData => "内容不是有效的 UTF-8 文本".into(),
        _ => format!("系统错误：{err}"),
    }
}

/// An unknown rule ID in `[rules]` or `[[allow]]` (or `jiaodui explain`), with the nearest
/// known one.
pub(crate) fn unknown_rule(id: &str, rules: &[&str]) -> String {
    let known: Vec<String> = rules.iter().map(|r| (*r).to_owned()).collect();
    format!(
        "没有名为“{id}”的规则{}（`jiaodui rules` 列出全部规则）",
        did_you_mean(id, &known, str::to_owned)
    )
}

/// Parses serde's `unknown field `x`, expected one of `a`, `b`` (or `expected `a` or
/// `b``) into the name found and the names expected.
fn unknown(prefix: &str, message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?;
    let mut names = rest.split('`').skip(1).step_by(2).map(str::to_owned);
    let found = names.next()?;
    Some((found, names.collect()))
}

/// `，你是不是要写“X”？` for the candidate nearest `found`, when one is near enough to be a
/// slip (at most a third of its characters differ, or `found` is the start of it); empty
/// otherwise.
fn did_you_mean(found: &str, candidates: &[String], shown: impl Fn(&str) -> String) -> String {
    if let Some(longer) = candidates
        .iter()
        .find(|c| !found.is_empty() && c.starts_with(found) && c.as_str() != found)
    {
        return format!("，你是不是要写“{}”？", shown(longer));
    }
    let best = candidates
        .iter()
        .map(|c| (edit_distance(found, c), c))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, name)) if d > 0 && d * 3 <= name.chars().count().max(3) => {
            format!("，你是不是要写“{}”？", shown(name))
        }
        _ => String::new(),
    }
}

/// Edit distance in characters, a swap of two neighbours counting as one edit (`from` for
/// `form`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_table_key_value_or_rule_gets_the_nearest_right_one() {
        let table = restate(
            "unknown field `bylin`, expected one of `bulletin`, `byline`, `photo`",
            "[bylin]",
        );
        assert_eq!(
            table,
            "没有“[bylin]”这个表，你是不是要写“[byline]”？（可用：bulletin、byline、photo）"
        );
        let key = restate(
            "unknown field `from`, expected one of `form`, `parens`",
            "from = \"paren\"",
        );
        assert!(
            key.starts_with("没有“from”这个键，你是不是要写“form”？"),
            "{key}"
        );
        let value = restate(
            "unknown variant `parens`, expected `paren` or `reported`",
            "form = \"parens\"",
        );
        assert!(value.contains("你是不是要写“paren”"), "{value}");
        let far = restate("unknown field `xyz`, expected one of `form`", "xyz = 1");
        assert!(!far.contains("你是不是"), "{far}");
        let preset = restate(
            "unknown variant `人民`, expected one of `人民日报`, `新华社`",
            "",
        );
        assert!(preset.contains("你是不是要写“人民日报”"), "{preset}");
        assert!(
            unknown_rule("date/weekdy", &["date/weekday", "date/format"])
                .contains("你是不是要写“date/weekday”")
        );
    }
}
