use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::fix::Fix;
use crate::recognise::places::SlipBasis;
use crate::rules::Context;

use super::{slip_fix, slip_reason};

declare_rule! {
    /// ## 查什么
    /// 同一篇稿件里同一个地名有两种写法（`永按社区`……`永安社区`），或者在第一次出现全称（`平城区`）之前先用了简称（`平城`）。
    ///
    /// 两种写法，指地名库里没有的名字，与稿中别处提到的地名只差一个易混的字。简称只在作地名使用时才算：前后是空格或标点，比如标题里的 `平城 水泊寺街道 …`，或 `在平城，`。电头（`新华社张家港1月1日电`）照例用简称，用连接号连起来的简称（`张北—尚义`），引号和书名号里的名称（`“平城·之春”音乐节`、`《平城·记忆》`），以及署名中的人名（记者 `江山`），都不检查。
    /// ## 为什么
    /// 读者应先读到全称，再读到简称；同一个地方写成两样，读者会疑心是两个地方。
    /// ## 示例
    /// ```text,flagged
    /// 平城 水泊寺街道 推进老旧小区改造
    ///
    /// 本报讯（记者 王海）平城区今年改造小区40个。
    /// ```
    /// ```text,clean
    /// 平城区 水泊寺街道 推进老旧小区改造
    ///
    /// 本报讯（记者 王海）平城区今年改造小区40个，在平城，新开业的超市有5家。
    /// ```
    /// ## 修改
    /// 仅作建议：改为全称，或地名库中的写法。
    /// ## 依据
    /// 本报体例；《地名管理条例》(2022) 关于标准地名的规定。
    pub(crate) RULE = "place/inconsistent" {
        severity: Warning,
        fix: Suggested,
        checks: [
            Style: "同一地名写法不一",
        ],
    }
}

pub(crate) fn check(cx: &Context<'_>, acc: &mut Vec<Diagnostic>) {
    let places = &cx.facts.places;
    for slip in &places.slips {
        let SlipBasis::Draft(other) = slip.basis else {
            continue;
        };
        let other = &places.mentions[other];
        let fix = slip_fix(slip);
        acc.push(
            Diagnostic::new(
                &RULE,
                slip.span,
                format!(
                    "“{}”与文中的“{}”写法不一（{}）",
                    slip.name,
                    slip.right,
                    slip_reason(slip.slip)
                ),
            )
            .with_related(other.span, format!("这里写作“{}”", other.name))
            .with_fix(fix),
        );
    }
    for short in &places.early_short_forms {
        // Ex) “平城·之春”音乐节, 《平城·记忆》: a name of its own, printed as it is.
        if quoted(cx, short.span.start) {
            continue;
        }
        let full = &places.mentions[short.full];
        let fix = Fix::suggest_replacement(short.span, &full.name);
        acc.push(
            Diagnostic::new(
                &RULE,
                short.span,
                format!(
                    "简称“{}”出现在全称“{}”之前，首次出现应用全称",
                    short.short, full.name
                ),
            )
            .with_related(full.span, "全称首次出现在这里")
            .with_fix(fix),
        );
    }
}

/// Whether `offset` lies inside `“”` or `《》` opened earlier in its block.
fn quoted(cx: &Context<'_>, offset: u32) -> bool {
    let block_start = (cx.draft.block_at(offset)).map_or(0, |id| cx.draft.blocks[id].span.start);
    let before = &cx.text[block_start as usize..offset as usize];
    let open =
        |open: char, close: char| before.matches(open).count() > before.matches(close).count();
    open('“', '”') || open('《', '》')
}
