//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// jiaodui 校对 — proofreads Chinese newspaper bulletin drafts. Help texts are the copy
/// editor's Chinese; `usage` puts clap's own headings and flags into Chinese as well.
#[derive(Debug, Parser)]
#[command(name = "jiaodui", version = crate::cli::VERSION, about = super::usage::ABOUT)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 校对稿件（文件、文件夹，或 `-` 读标准输入）并报告问题
    Check(CheckArgs),
    /// 显示一条规则的说明
    Explain {
        /// 规则编号，如 date/weekday
        #[arg(value_name = "规则")]
        rule: String,
    },
    /// 列出全部规则
    Rules {
        /// 列表格式
        #[arg(long, value_enum, default_value_t = RulesFormat::Table, value_name = "格式")]
        format: RulesFormat,
    },
    /// 在当前文件夹写一个带注释的 jiaodui.toml 起步配置
    Init {
        /// 覆盖已有的 jiaodui.toml
        #[arg(long)]
        force: bool,
        /// 从一种体例预设起步：地方日报、人民日报或新华社
        #[arg(long, value_name = "预设")]
        preset: Option<String>,
    },
    /// 在标准输入输出上运行语言服务（供编辑器使用）
    Lsp,
    /// 查地名：同名的每个区划的上级、代码、级别与更名记录
    Place {
        /// 地名，如 平城区；也可以是旧名，如 大同县
        #[arg(value_name = "地名")]
        name: String,
        /// 列出该地下一级的区划及代码
        #[arg(long)]
        under: bool,
        /// 使用这个配置文件（读其中本报地名表），不找最近的 jiaodui.toml
        #[arg(long, value_name = "文件")]
        config: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// 要校对的文件或文件夹；`-` 读标准输入。不写则校对当前文件夹
    #[arg(value_name = "路径")]
    pub(crate) paths: Vec<PathBuf>,
    /// 报告格式
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "格式")]
    pub(crate) format: Format,
    /// 就地应用安全的自动修复（整个文件一次写成，保持原编码）
    #[arg(long)]
    pub(crate) fix: bool,
    /// 以 diff 显示 --fix 会做的修改，不写文件
    #[arg(long, conflicts_with = "fix")]
    pub(crate) diff: bool,
    /// 使用这个配置文件，不找最近的 jiaodui.toml
    #[arg(long, value_name = "文件")]
    pub(crate) config: Option<PathBuf>,
    /// 出版日期，用于自身没有日期的稿件（前言 date: 与文件名开头的日期优先，[bulletin] date 在后）
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = issue_date)]
    pub(crate) date: Option<jiff::civil::Date>,
    /// 标准输入的文件名（用于查找配置、判断 Markdown 和出版日期）
    #[arg(long, value_name = "文件名")]
    pub(crate) stdin_filename: Option<PathBuf>,
    /// 这一级别的问题也算失败（默认只有错误算失败）
    #[arg(long, value_enum, value_name = "级别")]
    pub(crate) deny: Option<DenyLevel>,
    /// 有文件差错率超过每万字 N 处（错误与警告）时算失败
    #[arg(long, value_name = "N", value_parser = error_rate)]
    pub(crate) max_error_rate: Option<f64>,
    /// 不显示进度条
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// 报告写入文件 FILE，不写到标准输出
    #[arg(long, short = 'o', value_name = "文件")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// 给人看：每处问题附原文，最后是汇总
    Human,
    /// JSON 数组，每处问题一个对象
    Json,
    /// SARIF 2.1.0，供 GitHub 代码扫描等使用
    Sarif,
    /// GitHub Actions 工作流命令：在拉取请求上标注
    Github,
    /// 一个独立的 HTML 页面：稿件原文，每处问题就地标出
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DenyLevel {
    /// 警告也算失败
    Warnings,
    /// 任何问题都算失败，提示也算
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// 终端里的表格
    Table,
    /// Markdown，规则参考页用
    Markdown,
}

/// `--date`: a `YYYY-MM-DD` date, or what is wrong with it in Chinese.
fn error_rate(value: &str) -> Result<f64, String> {
    (value.parse::<f64>().ok())
        .filter(|rate| rate.is_finite() && *rate >= 0.0)
        .ok_or_else(|| format!("“{value}”不是每万字的差错数，请写一个不小于 0 的数，如 3 或 0.5"))
}

fn issue_date(value: &str) -> Result<jiff::civil::Date, String> {
    value
        .parse()
        .map_err(|_| format!("“{value}”不是有效的日期，请写成 YYYY-MM-DD，如 2023-03-15"))
}
