//! Chinese surnames: the commonest single ones and the compound ones.

use super::words::Words;
use crate::text::CharSet;

/// How many characters of `s`'s start are its surname: 2 for a compound surname
/// (`欧阳`), 1 for a common single surname, `None` when it does not open with one.
pub(crate) fn surname_chars(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    if COMPOUND_SURNAMES.longest_at(s.as_bytes(), c).is_some() {
        return Some(2);
    }
    is_surname(c).then_some(1)
}

/// True when `s` opens with a compound surname (`欧阳`, `司马`).
pub(crate) fn is_compound_surname(s: &str) -> bool {
    COMPOUND_SURNAMES.opens(s)
}

pub(super) const COMPOUND: [&str; 16] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯", "长孙",
    "宇文", "司徒", "端木", "西门",
];
static COMPOUND_SURNAMES: Words<{ COMPOUND.len() }> = Words::new(COMPOUND);

/// True for the commonest Chinese surnames (about 300, covering nearly all of the
/// population). Rarer surnames are missed, which costs recall, not precision.
pub(crate) fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

static SURNAMES: CharSet = CharSet::of(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝晋郁樊洪鞠丰胥衣储揭钮楚隆井奚满鄢官况续闻刑",
);
