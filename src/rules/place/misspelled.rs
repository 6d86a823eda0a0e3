use crate::declare_rule;
use crate::diagnostic::{Diagnostic, DiagnosticData};
use crate::recognise::places::SlipBasis;
use crate::rules::Context;

use super::{slip_fix, slip_reason};

declare_rule! {
    /// ## 查什么
    /// 地名库中没有、又与某个已知地名只差一处常见笔误的类地名：`永按社区` 应为 `永安社区`，`文瀛街道` 应为 `文瀛湖街道`，`武候区` 应为 `武侯区`。
    ///
    /// 类地名，指以 省 市 区 县 旗 街道 乡 镇 村 社区 等结尾的一串汉字；常见笔误，指一个字换成了同音或音近字（只差声调，提示里写“音近”）、形近字或异体字（`闫良区` 应为 `阎良区`），或漏了一个字；县级及以上还包括一个字重复写了两遍。
    ///
    /// - 县级及以上，全国所有区划都参与比较（名字只有一个字加“县”的，要紧跟在省名或地市名后面：`山西祈县` 应为 祁县），即使没写上级（`武候区`），只要恰好只有一个地名对得上；对得上的有好几个时，由 `[bulletin] region` 所在地市的区县来定（大同的报纸里的 `平成区`），再定不下来就取同音又同调的那一个（`汉原县` 是 汉源县，不当作 汤原县）。
    /// - 县级以下，要有上级才算笔误：紧挨在前面写出的地名（`水泊寺街道永按社区`），否则是本稿提到的区县、乡镇和 `[bulletin] region`；一个字加“县”的县名（`冠县`、`沛县`）在句首或介词后、紧接带后缀的乡镇名时，也是上级（`冠县东古成镇` 应为 东古城镇）。内置的 620,573 个村和社区都参与比较：写了区县时，比较其下所有乡镇的村（`平城区福富苑社区` 应为 福寓苑社区）。村名、写了区县的乡镇名还多一种笔误：一个字多了或少了偏旁（`鹊儿山镇遭家沟村` 应为 曹家沟村，`木禁坪社区` 应为 木林坪社区，`石林彝族自治县鹿埠街道` 应为 鹿阜街道），只认偏旁之外的部分，`金`、`木`、`水` 这类多作偏旁的字不算（`银坨村` 不当作 金坨村 的笔误）。全国任何地方有的村名都不算笔误；比已知村名少一个字的村名，只有紧挨在前面写了上级时才算：村名录永远不会齐全。
    /// - 引号里的名称、后缀在引号外（`娄底市“新华”县`），以及在下一个词前丢了 `道` 的街道（`水泊寺街将…`，本稿别处写了 水泊寺街道；只有上级不够，街道多以主街命名，`平城区新华街改造工程开工` 说的是街）。
    ///
    /// 只是和别处某个真实地名差一个字的名字（`范家庄村`、`刘家庄村`）不提示：地名库永远不会齐全，这样的名字多半是真实存在的。不带 镇、乡 的乡镇名不当作地名识别。台湾、香港的县市和区（`宜兰县`、`元朗区`）不在国家统计局的区划表里，也不当作笔误。
    /// ## 为什么
    /// 地名写错，第二天就得登更正；地方报纸的读者熟悉自己的街道和社区。
    /// ## 示例
    /// ```text,flagged
    /// 山西省大同市平城区青远街道开展活动，新旺街道、文瀛街道同步推进。
    /// ```
    /// ```text,clean
    /// 山西省大同市平城区清远街道开展活动，新旺街道、文瀛湖街道同步推进。
    /// ```
    /// ## 修改
    /// 仅作建议：改为地名库中的名称（引号里的名称改在引号内；缺了 `道` 的街道补上 `道`，后面的词不动）。所写的地名也可能是地名库还没收录的新地名，这时把它加入本报地名库或允许列表。
    /// ## 依据
    /// 民政部《地名管理条例》(2022)：出版物使用标准地名。
    pub(crate) RULE = "place/misspelled" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Error: "地名错字、漏字、多字",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let g = cx.gazetteer;
    let places = &cx.facts.places;
    for slip in &places.slips {
        let parent = match slip.basis {
            SlipBasis::Parent(i) => Some(places.mentions[i].name.to_string()),
            SlipBasis::Context => None,
            SlipBasis::Draft(_) => continue,
        };
        let path = match (slip.villages.first(), slip.places.first()) {
            (Some(&village), _) => g.villages().path(g, village),
            (None, Some(&place)) => g.path(place),
            (None, None) => String::new(),
        };
        let fix = slip_fix(slip);
        acc.push(
            Diagnostic::new(
                &RULE,
                slip.span,
                format!(
                    "地名库中没有“{}”，疑为“{}”（{}）",
                    slip.name,
                    slip.right,
                    slip_reason(slip.slip)
                ),
            )
            .with_note(format!("“{}”：{path}", slip.right))
            .with_fix(fix)
            .with_data(DiagnosticData::AddToGazetteer {
                name: slip.name.clone(),
                parent,
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::config::LoadedConfig;

    #[test]
    fn the_finding_names_the_entry_and_its_path() {
        let page = include_str!("../../../tests/fixtures/place/seed-page.txt");
        let config = LoadedConfig::defaults(PathBuf::from("."));
        let today = jiff::civil::date(2024, 1, 15);
        let analysis = crate::lint::analyse(page, None, &config, today);
        let found: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.rule == super::RULE.id)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].note.as_deref(),
            Some("“福寓苑社区”：山西省/大同市/平城区/新旺街道/福寓苑社区")
        );
    }
}
