//! A deterministic generator of bulletin drafts for benchmarks.
//!
//! It writes what a local daily's pages look like — headlines, `本报讯（记者 …）` leads, body
//! paragraphs, photo-news items and captions, dated by the folder they sit in — and sprinkles
//! the slips copy editors find in real drafts (half-width punctuation between Han characters,
//! wrong weekdays, `15号`, `3月13-14日`, broken paragraphs, credits out of house style, a
//! misspelled or former place name) at a rate of a few per page.
//!
//! Everything comes from the templates and word lists below and from a seeded PRNG, so the
//! same seed always gives byte-identical corpora: benchmark figures stay comparable between
//! runs and machines. Place names are real divisions of 山西省大同市 (NBS 2021/2023 codes, see
//! `../shared/data/README.md`); every sentence is made up. Nothing is taken from a news corpus.
//!
//! This file is shared by `examples/gen-corpus.rs` (writes corpora to disk) and the criterion
//! benches (build one ~4 KB draft in memory); it is not part of the library.

#![allow(dead_code)]

use std::fmt::Write as _;

/// SplitMix64: tiny, fast and good enough to pick words. No dependency, so the corpus does not
/// change when a crate's algorithm does.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next_u64() % u64::from(hi - lo + 1)) as u32
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u32) -> bool {
        self.range(0, 999) < per_mille
    }

    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.range(0, items.len() as u32 - 1) as usize]
    }
}

/// A calendar day, with just the arithmetic the generator needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    pub fn days_in_month(year: i32, month: u32) -> u32 {
        match month {
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// 0 = Sunday … 6 = Saturday (Sakamoto's method).
    pub fn weekday(self) -> u32 {
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.month < 3 {
            self.year - 1
        } else {
            self.year
        };
        ((y + y / 4 - y / 100 + y / 400 + T[self.month as usize - 1] + self.day as i32) % 7) as u32
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];

/// Streets and towns (乡级) of 大同, each with communities or villages under it.
const TOWNS: &[(&str, &str, &[&str])] = &[
    (
        "平城区",
        "永泰街道",
        &[
            "康吉社区",
            "平和社区",
            "兴国寺社区",
            "友谊街社区",
            "桥北社区",
            "红旗里社区",
        ],
    ),
    (
        "平城区",
        "古城街道",
        &[
            "大十字社区",
            "帅府社区",
            "华严寺社区",
            "鼓楼社区",
            "雁塔社区",
        ],
    ),
    (
        "平城区",
        "新旺街道",
        &["和信社区", "安信社区", "文博苑社区", "工农路社区", "新泉村"],
    ),
    (
        "平城区",
        "迎宾街道",
        &[
            "北馨园社区",
            "理想城社区",
            "绿园社区",
            "明珠社区",
            "周家店村",
        ],
    ),
    (
        "平城区",
        "振华街道",
        &[
            "同泉里社区",
            "育才社区",
            "新世纪社区",
            "永宁社区",
            "康乐里社区",
        ],
    ),
    (
        "平城区",
        "清远街道",
        &["互助里社区", "苹果园社区", "学府社区", "惠达社区", "宋庄村"],
    ),
    (
        "平城区",
        "文瀛湖街道",
        &["永固社区", "西京社区", "瑞湖社区", "学苑社区", "水泊寺村"],
    ),
    (
        "平城区",
        "水泊寺街道",
        &[
            "永安社区",
            "永和社区",
            "太和社区",
            "文兴社区",
            "沙岭村",
            "石家寨村",
        ],
    ),
    (
        "云冈区",
        "西花园街道",
        &["槐园社区", "柳园社区", "梨园社区", "桃园社区", "华泰园社区"],
    ),
    (
        "云冈区",
        "口泉街道",
        &["口泉社区", "杨家窑社区", "马脊梁社区"],
    ),
    ("云冈区", "高山镇", &["高山村", "水泉村", "大王村"]),
    ("云州区", "西坪镇", &["西坪村", "东坪村", "坊城村"]),
    ("云州区", "周士庄镇", &["周士庄村", "三十里铺村"]),
    ("云州区", "峰峪乡", &["沙岭村", "峰峪村"]),
    ("新荣区", "新荣镇", &["新荣村", "镇川村"]),
    ("阳高县", "龙泉镇", &["北关社区", "南关社区", "东关村"]),
    (
        "广灵县",
        "壶泉镇",
        &["东台社区", "北关社区", "西关社区", "沙岭村"],
    ),
    ("灵丘县", "武灵镇", &["城东社区", "城西社区", "东关村"]),
    (
        "浑源县",
        "永安镇",
        &["春晖社区", "翠屏社区", "永安社区", "栗园社区"],
    ),
    ("左云县", "云兴镇", &["城南社区", "城北社区", "五路村"]),
    ("天镇县", "玉泉镇", &["玉泉社区", "南关村"]),
];

/// Misspellings a hurried typist makes in those names: same syllable (园/圆) or similar shape.
const PLACE_SLIPS: &[(&str, &str)] = &[
    ("西花园街道", "西花圆街道"),
    ("文瀛湖街道", "文赢湖街道"),
    ("水泊寺街道", "水泊寺街到"),
    ("迎宾街道", "迎滨街道"),
    ("周士庄镇", "周仕庄镇"),
];

const REPORTERS: &[&str] = &[
    "王海",
    "李敏",
    "张磊",
    "刘洋",
    "陈静",
    "赵鑫",
    "孙 露",
    "周婷",
    "吴昊",
    "郑雪",
    "阿卜杜拉·艾买提",
];
const CORRESPONDENTS: &[&str] = &["杨帆", "马丽", "高峰", "郭晓东", "何娟"];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "秀英", "桂兰", "建国", "志强", "海燕", "丽华", "国庆", "文斌", "晓梅", "玉兰", "德明", "春花",
    "永红", "俊杰", "淑芬", "振华", "红梅", "伟", "芳", "军", "静", "勇", "敏",
];
const ROLES: &[&str] = &[
    "社区党委书记",
    "居委会主任",
    "街道办事处负责人",
    "志愿者",
    "居民",
    "老党员",
    "网格员",
    "项目负责人",
    "村党支部书记",
];
const HONORIFIC_ROLES: &[&str] = &["老人", "女士", "先生", "师傅", "大爷"];

const HEAD_SUBJECTS: &[&str] = &[
    "推进老旧小区改造",
    "开展便民服务进社区活动",
    "办好民生实事",
    "打通服务群众“最后一公里”",
    "扮靓城市“颜值”",
    "冬季供暖保障有力",
    "垃圾分类成新时尚",
    "“一老一小”服务暖人心",
    "文明实践点亮幸福生活",
    "夜市经济焕发活力",
    "春耕备耕正当时",
    "小网格撬动大治理",
    "为群众办实事解难题",
    "安全生产检查全覆盖",
    "全民健身热潮涌动",
];
const ACTIVITIES: &[&str] = &[
    "义诊进社区",
    "政策宣讲",
    "环境卫生整治",
    "消防安全演练",
    "关爱空巢老人",
    "垃圾分类宣传",
    "反诈宣传",
    "文明交通劝导",
    "读书分享会",
    "邻里节",
    "健康知识讲座",
    "便民理发",
    "法律咨询",
    "就业招聘会",
];
const SERVICES: &[&str] = &[
    "免费测量血压、血糖",
    "发放宣传资料",
    "清理楼道杂物",
    "修剪绿化带",
    "上门走访慰问",
    "讲解医保政策",
    "登记用工需求",
    "维修小家电",
    "普及急救知识",
    "整治私拉乱接电线",
];
/// Works a district reports, with the measure word each takes.
const OBJECTS: &[(&str, &str)] = &[
    ("改造老旧小区", "个"),
    ("新建停车位", "个"),
    ("加装电梯", "部"),
    ("铺设供暖管网", "公里"),
    ("安装路灯", "盏"),
    ("新增绿地", "平方米"),
    ("硬化街巷", "条"),
    ("建成日间照料中心", "处"),
    ("改造雨污管网", "公里"),
    ("新建充电桩", "个"),
];
const BENEFITS: &[&str] = &[
    "惠及居民2,300余户",
    "群众满意度明显提升",
    "居住环境得到极大改善",
    "辖区居民出行更加便利",
    "有效解决了群众急难愁盼问题",
    "受到居民广泛好评",
];
const QUOTES: &[&str] = &[
    "以前一下雨楼前就积水，现在路面平整了，出门方便多了",
    "社区的工作人员经常上门来看我，有什么困难都能及时解决",
    "我们要把好事办好、实事办实，让群众看得见、摸得着",
    "这些变化大家都看在眼里，心里热乎乎的",
    "下一步还要继续完善配套设施，让老百姓住得更舒心",
];
const PLANS: &[&str] = &[
    "持续深化“街乡吹哨、部门报到”机制",
    "进一步完善社区服务功能",
    "建立常态化巡查机制",
    "加大民生领域投入力度",
    "扎实做好群众来信来访工作",
];
const GOALS: &[&str] = &[
    "不断增强群众的获得感、幸福感、安全感",
    "推动基层治理提质增效",
    "让文明新风吹进千家万户",
    "为建设美丽大同贡献力量",
];
const CAPTION_SCENES: &[&str] = &[
    "居民在新建的健身广场锻炼",
    "志愿者为老人测量血压",
    "工作人员检查供暖管道",
    "孩子们在社区书屋阅读",
    "施工人员正在铺设沥青路面",
    "村民在大棚里采摘西红柿",
    "消防员向居民演示灭火器使用方法",
    "游客在古城墙下拍照留念",
];
/// Text the date and punctuation rules must never flag (lunar dates, numeral names of days,
/// durations, numbered things, numbers with separators), so rules see their traps at
/// realistic rates.
const TRAP_SENTENCES: &[&str] = &[
    "农历正月初一，古城街道举办了传统庙会。",
    "为纪念五四运动，团委组织青年开展主题团日活动。",
    "7号楼和3号院的居民率先用上了天然气。",
    "乘坐地铁2号线可直达文瀛湖公园。",
    "连日来，工作人员每日10:30准时到岗，3日内完成了全部排查。",
    "项目总投资3.5亿元，其中中央预算内资金1,200万元。",
    "近日，社区还推出了“3日游”研学线路。",
    "详情可登录www.dtnews.cn查询，或发邮件至dtbao@example.com咨询。",
];

/// Options of one corpus run.
#[derive(Clone, Debug)]
pub struct Options {
    pub seed: u64,
    /// Target size of each file in bytes; pages end after the article that passes it.
    pub file_bytes: usize,
    /// Share of Markdown drafts (front matter + `#` headlines), per mille.
    pub markdown_per_mille: u32,
    /// How often each kind of slip is made, per mille per opportunity.
    pub error_per_mille: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: 2023,
            file_bytes: 4096,
            markdown_per_mille: 100,
            error_per_mille: 40,
        }
    }
}

/// One generated page: where it goes (relative path) and what it says.
pub struct Page {
    pub path: String,
    pub text: String,
}

/// Generates pages forever; take as many as you need. Pages are grouped eight to an issue
/// date folder (`2023-03-14/page-03.txt`), as a daily's pages are.
pub struct Generator {
    rng: Rng,
    opts: Options,
    issue: Day,
    page_in_issue: u32,
    serial: u64,
}

impl Generator {
    pub fn new(opts: Options) -> Generator {
        let mut rng = Rng::new(opts.seed);
        let issue = random_day(&mut rng);
        Generator {
            rng,
            opts,
            issue,
            page_in_issue: 0,
            serial: 0,
        }
    }

    pub fn next_page(&mut self) -> Page {
        if self.page_in_issue == 8 {
            self.page_in_issue = 0;
            self.issue = random_day(&mut self.rng);
        }
        self.page_in_issue += 1;
        self.serial += 1;
        let markdown = self.rng.chance(self.opts.markdown_per_mille);
        let text = self.page_text(markdown);
        // The serial keeps names unique when two issues fall on the same day.
        let ext = if markdown { "md" } else { "txt" };
        let path = format!(
            "{}/page-{:02}-{:06}.{ext}",
            self.issue.iso(),
            self.page_in_issue,
            self.serial
        );
        Page { path, text }
    }

    fn page_text(&mut self, markdown: bool) -> String {
        let mut out = String::with_capacity(self.opts.file_bytes + 1024);
        if markdown {
            let reporter = self.rng.pick(REPORTERS).replace(' ', "");
            let _ = write!(
                out,
                "---\ndate: {}\nreporter: {reporter}\npage: {}\n---\n\n",
                self.issue.iso(),
                self.page_in_issue
            );
        }
        while out.len() < self.opts.file_bytes {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            if self.rng.chance(180) {
                self.photo_news(&mut out);
            } else {
                self.article(&mut out, markdown);
            }
        }
        out
    }

    fn slip(&mut self) -> bool {
        self.rng.chance(self.opts.error_per_mille)
    }

    fn article(&mut self, out: &mut String, markdown: bool) {
        let (county, town, communities) = TOWNS[self.rng.range(0, TOWNS.len() as u32 - 1) as usize];
        let community = self.rng.pick(communities);
        let town_written = self.place_name(town);

        // Headline: one or two parts, space separated.
        if markdown {
            out.push_str("# ");
        }
        let subject = self.rng.pick(HEAD_SUBJECTS);
        if self.rng.chance(500) {
            let _ = write!(out, "{county} {town_written} {subject}");
        } else {
            let _ = write!(out, "{town_written}{subject}");
        }
        if self.slip() {
            out.push('。'); // headline/punctuation
        }
        out.push_str("\n\n");

        // Lead with the credit.
        let indent = if markdown { "" } else { "　　" };
        out.push_str(indent);
        self.credit(out);
        let day = self.recent_day();
        let _ = write!(out, "{}，{town_written}{community}", self.day_word(day));
        let act = self.rng.pick(ACTIVITIES);
        let n = self.rng.range(8, 60);
        let service = self.rng.pick(SERVICES);
        let _ = write!(out, "组织{n}名志愿者开展“{act}”活动，为辖区居民{service}");
        out.push_str(self.comma());
        let _ = writeln!(out, "{}。", self.rng.pick(BENEFITS));

        // Body paragraphs.
        let paragraphs = self.rng.range(2, 4);
        for _ in 0..paragraphs {
            out.push('\n');
            out.push_str(indent);
            self.body_paragraph(out, county, town);
            out.push('\n');
        }
    }

    fn body_paragraph(&mut self, out: &mut String, county: &str, town: &str) {
        let sentences = self.rng.range(2, 4);
        let start = out.len();
        for _ in 0..sentences {
            match self.rng.range(0, 9) {
                0 | 1 => {
                    let (object, unit) =
                        OBJECTS[self.rng.range(0, OBJECTS.len() as u32 - 1) as usize];
                    let amount = self.rng.range(3, 480);
                    let _ = write!(out, "据了解，今年以来，{county}累计{object}{amount}{unit}");
                    out.push_str(self.comma());
                    let _ = write!(out, "{}。", self.rng.pick(BENEFITS));
                }
                2 | 3 => {
                    let name = self.person();
                    let role = self.rng.pick(ROLES);
                    let quote = self.rng.pick(QUOTES);
                    if self.slip() {
                        let _ = write!(out, "“{quote}。{role}{name}说。"); // punct/unpaired
                    } else {
                        let _ = write!(out, "“{quote}。”{role}{name}说。");
                    }
                }
                4 => self.dated_event(out, town),
                5 => {
                    let name = self.person();
                    let who = self.rng.pick(HONORIFIC_ROLES);
                    let _ = write!(out, "今年78岁的{name}{who}是{town}的老住户");
                    out.push_str(self.semicolon());
                    let variant = if self.slip() { vary(&name) } else { name };
                    let _ = write!(out, "说起这些年的变化，{variant}{who}连连称赞。");
                }
                6 => {
                    let _ = write!(out, "{}", self.rng.pick(TRAP_SENTENCES));
                }
                7 => {
                    let plan = self.rng.pick(PLANS);
                    let goal = self.rng.pick(GOALS);
                    let _ = write!(out, "下一步，{town}将{plan}");
                    out.push_str(self.comma());
                    let _ = write!(out, "{goal}。");
                }
                _ => {
                    // A two-day event that ended by the issue day.
                    let first = self.recent_day();
                    let second = first.day + 1;
                    if second > self.issue.day {
                        let _ = write!(out, "{}月{}日，", first.month, first.day);
                    } else if self.slip() {
                        let _ = write!(out, "{}月{}-{second}日，", first.month, first.day);
                    // date/range
                    } else {
                        let _ = write!(out, "{}月{}日至{second}日，", first.month, first.day);
                    }
                    let act = self.rng.pick(ACTIVITIES);
                    let _ = write!(out, "社区{act}活动吸引了众多居民参与");
                    if self.slip() {
                        out.push_str("(共计");
                        let _ = write!(out, "{}人次)", self.rng.range(100, 900));
                    } else {
                        let _ = write!(out, "（共计{}人次）", self.rng.range(100, 900));
                    }
                    out.push('。');
                }
            }
        }
        // paragraph/broken: a paste artefact splits the paragraph mid-sentence.
        if self.slip() {
            if let Some(cut) = out[start..].find('，').map(|i| start + i) {
                out.replace_range(cut..cut + '，'.len_utf8(), "\n\n");
            }
        }
    }

    fn dated_event(&mut self, out: &mut String, town: &str) {
        let day = self.recent_day();
        let mut weekday = day.weekday();
        if self.slip() {
            weekday = (weekday + 1) % 7; // date/weekday
        }
        let act = self.rng.pick(ACTIVITIES);
        if self.rng.chance(300) {
            let _ = write!(out, "{}年", day.year);
        }
        let _ = write!(
            out,
            "{}月{}日（星期{}），{town}还将举办{act}活动",
            day.month, day.day, WEEKDAYS[weekday as usize]
        );
        if self.rng.chance(200) {
            let _ = write!(out, "，时间为上午9:00至11:30");
        }
        out.push('。');
    }

    fn photo_news(&mut self, out: &mut String) {
        let (_, town, communities) = TOWNS[self.rng.range(0, TOWNS.len() as u32 - 1) as usize];
        let community = self.rng.pick(communities);
        let day = self.recent_day();
        let scene = self.rng.pick(CAPTION_SCENES);
        let reporter = self.rng.pick(REPORTERS);
        let _ = write!(out, "{}，{town}{community}", self.day_word(day));
        let _ = write!(out, "开展{}活动。图为{scene}。", self.rng.pick(ACTIVITIES));
        out.push(' ');
        self.photo_credit(out, reporter);
        out.push_str("\n\n");
        // A stand-alone caption under it.
        let scene = self.rng.pick(CAPTION_SCENES);
        out.push_str(scene);
        if !self.slip() {
            out.push('　');
            let reporter = self.rng.pick(REPORTERS);
            self.photo_credit(out, reporter);
        }
        out.push('\n');
    }

    fn photo_credit(&mut self, out: &mut String, reporter: &str) {
        if self.slip() {
            match self.rng.range(0, 2) {
                0 => {
                    let _ = write!(out, "摄影：{reporter}");
                }
                1 => {
                    let _ = write!(out, "{reporter}/摄");
                }
                _ => {
                    let _ = write!(out, "（{reporter}摄）");
                }
            }
        } else {
            let _ = write!(out, "本报记者 {reporter} 摄");
        }
    }

    fn credit(&mut self, out: &mut String) {
        let a = self.rng.pick(REPORTERS);
        let mut names = a.to_string();
        if self.rng.chance(500) {
            let b = self.rng.pick(REPORTERS);
            if b != a {
                names.push(' ');
                names.push_str(b);
            }
        }
        let correspondent = if self.rng.chance(300) {
            format!(" 通讯员 {}", self.rng.pick(CORRESPONDENTS))
        } else {
            String::new()
        };
        let (open, close) = if self.slip() {
            ("(", ")")
        } else {
            ("（", "）")
        };
        if self.rng.chance(100) {
            let _ = write!(
                out,
                "本报{}月{}日讯{open}记者 {names}{correspondent}{close}",
                self.issue.month, self.issue.day
            );
        } else {
            let _ = write!(out, "本报讯{open}记者 {names}{correspondent}{close}");
        }
    }

    /// A day of the issue's month up to the issue day, as news dates are.
    fn recent_day(&mut self) -> Day {
        let day = self.rng.range(1, self.issue.day);
        Day { day, ..self.issue }
    }

    /// `8日` most of the time, `8号` when the writer slips (date/format).
    fn day_word(&mut self, day: Day) -> String {
        let suffix = if self.slip() { "号" } else { "日" };
        format!("{}{suffix}", day.day)
    }

    fn place_name(&mut self, town: &'static str) -> String {
        if self.slip() {
            if let Some((_, wrong)) = PLACE_SLIPS.iter().find(|(right, _)| *right == town) {
                return (*wrong).to_string();
            }
            if self.issue.year >= 2019 && self.rng.chance(200) {
                return "大同县".to_string(); // place/former-name (云州区 since 2018-02-09)
            }
        }
        town.to_string()
    }

    fn person(&mut self) -> String {
        format!("{}{}", self.rng.pick(SURNAMES), self.rng.pick(GIVEN))
    }

    fn comma(&mut self) -> &'static str {
        if self.slip() {
            ","
        } else {
            "，"
        }
    }

    fn semicolon(&mut self) -> &'static str {
        if self.slip() {
            ";"
        } else {
            "；"
        }
    }
}

/// Changes the last character of a name to a look-alike given-name character (person/variant).
fn vary(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if let Some(last) = chars.last_mut() {
        *last = match *last {
            '英' => '芳',
            '兰' => '英',
            '华' => '芳',
            '梅' => '玫',
            '强' => '刚',
            _ => '华',
        };
    }
    chars.into_iter().collect()
}

fn random_day(rng: &mut Rng) -> Day {
    let year = rng.range(2021, 2024) as i32;
    let month = rng.range(1, 12);
    let day = rng.range(1, Day::days_in_month(year, month));
    Day { year, month, day }
}

/// One ~4 KB draft, for benches that measure a single file.
pub fn sample_draft(seed: u64) -> String {
    let mut generator = Generator::new(Options {
        seed,
        markdown_per_mille: 0,
        ..Options::default()
    });
    generator.next_page().text
}
