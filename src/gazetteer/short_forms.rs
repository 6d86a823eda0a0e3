//! The everyday short forms of division names, which papers print as names of their own:
//! a province without 省 or 自治区 (`安徽`, `广西`, `新疆`), a municipality without 市
//! (`北京`), a prefecture without 市, 地区 or 盟 (`淮安`, `阿里`, `兴安`), an autonomous
//! prefecture by its stem alone or with 州 (`湘西`, `湘西州`), and an autonomous county or
//! banner by its place name and 县 or 旗 (`麻阳县` for 麻阳苗族自治县).
//!
//! `build.rs` includes this file to put the short forms in the built-in name table; the
//! crate uses it to write a place's short form in a suggestion. Pure functions of a name
//! and its level: this file uses nothing else of the crate.

/// The ethnic groups named in autonomous divisions, without 族 (`各` for 各族), longest
/// first so that `土家` is stripped before `土`.
const ETHNIC_GROUPS: &[&str] = &[
    "柯尔克孜",
    "乌孜别克",
    "达斡尔",
    "俄罗斯",
    "塔吉克",
    "塔塔尔",
    "维吾尔",
    "哈萨克",
    "鄂伦春",
    "鄂温克",
    "蒙古",
    "布依",
    "朝鲜",
    "土家",
    "哈尼",
    "傈僳",
    "高山",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "仫佬",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "怒",
    "京",
    "各",
];

/// The short forms of a division's name, by its level (`"province"`, `"prefecture"` or
/// `"county"`): none for other levels or names with no everyday short form.
pub fn short_forms(name: &str, level: &str) -> Vec<String> {
    let mut out = Vec::new();
    match level {
        "province" => {
            let stem = ["特别行政区", "自治区", "省", "市"]
                .iter()
                .find_map(|s| name.strip_suffix(s));
            if let Some(stem) = stem {
                push_stem(&mut out, strip_ethnic(stem));
            }
        }
        "prefecture" => {
            if let Some(stem) = name.strip_suffix("自治州") {
                let stem = strip_ethnic(stem);
                push_stem(&mut out, stem);
                push_stem(&mut out, &format!("{stem}州"));
            } else if let Some(stem) = ["地区", "盟", "市"]
                .iter()
                .find_map(|s| name.strip_suffix(s))
            {
                push_stem(&mut out, stem);
            }
        }
        "county" => {
            for (autonomous, suffix) in [("自治县", "县"), ("自治旗", "旗")] {
                if let Some(stem) = name.strip_suffix(autonomous) {
                    push_stem(&mut out, &format!("{}{suffix}", strip_ethnic(stem)));
                }
            }
        }
        _ => {}
    }
    out
}

/// Adds a short form of at least two characters.
fn push_stem(out: &mut Vec<String>, stem: &str) {
    if stem.chars().count() >= 2 && !out.iter().any(|s| s == stem) {
        out.push(stem.to_owned());
    }
}

/// The place name before the ethnic groups an autonomous division is named for:
/// `麻阳苗族` → `麻阳`, `新疆维吾尔` → `新疆`, `积石山保安族东乡族撒拉族` → `积石山`; a name
/// that is an ethnic group itself keeps it (`东乡族` → `东乡`). At least two characters stay.
pub fn strip_ethnic(stem: &str) -> &str {
    let mut stem = stem;
    loop {
        let without_zu = stem.strip_suffix('族').unwrap_or(stem);
        let next = ETHNIC_GROUPS.iter().find_map(|group| {
            without_zu
                .strip_suffix(group)
                .filter(|rest| rest.chars().count() >= 2)
        });
        match next {
            Some(rest) => stem = rest,
            None => return without_zu,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_prefectures_and_autonomous_counties() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("安徽省", "province", &["安徽"]),
            ("北京市", "province", &["北京"]),
            ("广西壮族自治区", "province", &["广西"]),
            ("新疆维吾尔自治区", "province", &["新疆"]),
            ("宁夏回族自治区", "province", &["宁夏"]),
            ("内蒙古自治区", "province", &["内蒙古"]),
            ("西藏自治区", "province", &["西藏"]),
            ("淮安市", "prefecture", &["淮安"]),
            ("阿里地区", "prefecture", &["阿里"]),
            ("兴安盟", "prefecture", &["兴安"]),
            ("湘西土家族苗族自治州", "prefecture", &["湘西", "湘西州"]),
            ("麻阳苗族自治县", "county", &["麻阳县"]),
            ("积石山保安族东乡族撒拉族自治县", "county", &["积石山县"]),
            ("东乡族自治县", "county", &["东乡县"]),
            ("巴里坤哈萨克自治县", "county", &["巴里坤县"]),
            ("鄂温克族自治旗", "county", &["鄂温克旗"]),
            ("鄂伦春自治旗", "county", &["鄂伦春旗"]),
            ("龙胜各族自治县", "county", &["龙胜县"]),
            ("平城区", "county", &[]),
            ("水泊寺街道", "town", &[]),
        ];
        for (name, level, shorts) in cases {
            assert_eq!(short_forms(name, level), *shorts, "{name}");
        }
    }
}
