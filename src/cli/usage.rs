//! The command line's own words in Chinese: clap's headings (`用法` `参数` `选项` `命令`),
//! the help and version flags, the possible and default values of each option, and the usage
//! errors clap finds (an unknown option, a bad value), with clap's suggestions.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// What `jiaodui --help` says first.
pub(crate) const ABOUT: &str =
    "校对 — 检查新闻稿件的电头与署名、地名、日期、标点等差错：命令行检查，也是编辑器的语言服务";

const AFTER_HELP: &str = "用 jiaodui <命令> --help 查看各命令的选项；\
    jiaodui explain <规则> 查看一条规则的说明，jiaodui rules 列出全部规则。";

/// The whole command line, in Chinese, ready to parse.
pub(crate) fn command(command: Command) -> Command {
    let mut command = localise(command)
        .after_help(AFTER_HELP)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    command.build();
    with_chinese_usage(command)
}

/// One command and its subcommands: a template with Chinese headings, its own help flag,
/// and each option's values said in Chinese.
fn localise(command: Command) -> Command {
    let ids: Vec<clap::Id> = command
        .get_arguments()
        .map(|a| a.get_id().clone())
        .collect();
    let mut template = String::from("{before-help}{about-with-newline}\n用法：{usage}\n");
    if command.has_subcommands() {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}{after-help}");
    // clap aligns help by characters, not columns: past a Chinese value name (`<文件>`) the
    // help goes on the next line, so that columns never go astray.
    let wide = (command.get_arguments())
        .filter(|a| !a.is_positional())
        .flat_map(|a| a.get_value_names().unwrap_or_default())
        .any(|name| !name.is_ascii());
    let mut command = command
        .help_template(template)
        .next_line_help(wide)
        .disable_help_flag(true)
        .subcommand_value_name("命令");
    for id in ids {
        command = command.mut_arg(id, values_in_chinese);
    }
    command
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        )
        .mut_subcommands(localise)
}

/// An argument with its possible and default values said in its help, where clap would say
/// them in English.
fn values_in_chinese(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let values: Vec<String> = (arg.get_possible_values().iter())
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(about) => format!("\n  {}：{about}", v.get_name()),
            None => format!("\n  {}", v.get_name()),
        })
        .collect();
    let default: Vec<String> = (arg.get_default_values().iter())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut help = help;
    if !default.is_empty() {
        help.push_str(&format!("（默认 {}）", default.join("、")));
    }
    if !values.is_empty() {
        help.push_str(&format!("，可选：{}", values.concat()));
    }
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// Every command's usage line with `[选项]` for clap's `[OPTIONS]`.
fn with_chinese_usage(mut command: Command) -> Command {
    let usage = command.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[选项]");
    let names: Vec<String> = (command.get_subcommands())
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut command = command.override_usage(usage);
    for name in names {
        command = command.mut_subcommand(name, with_chinese_usage);
    }
    command
}

/// A usage error clap found, in Chinese: what is wrong, what clap suggests, the usage line
/// and where to read more. `None` for errors said in clap's words (help and version output,
/// and the rare errors not put into Chinese).
pub(crate) fn error_in_chinese(err: &clap::Error) -> Option<String> {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("；"),
        ),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match err.kind() {
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue)
                .map(|v| format!("（可用：{v}）"))
                .unwrap_or_default();
            if value.is_empty() {
                format!("选项 {arg} 需要一个值{valid}")
            } else {
                format!("选项 {arg} 的值“{value}”无效{valid}")
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(err)
                .map(|why| format!("：{why}"))
                .unwrap_or_default();
            format!("选项 {arg} 的值“{value}”无效{why}")
        }
        ErrorKind::UnknownArgument => format!("不认识的选项或参数“{arg}”"),
        ErrorKind::InvalidSubcommand => {
            let sub = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有“{sub}”这个命令（可用：check、explain、rules、init、lsp、place）")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少 {arg}"),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} 不能与 {prior} 同时使用")
        }
        ErrorKind::TooManyValues => {
            format!("{arg} 只能给一次、一个值")
        }
        _ => return None,
    };
    let suggested = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedSubcommand))
        .or_else(|| text(ContextKind::SuggestedValue));
    if let Some(suggested) = suggested {
        message.push_str(&format!("，你是不是要写 {suggested}？"));
    } else {
        message.push('。');
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        let command: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<']))
            .collect();
        message.push_str(&format!(
            "\n用法：{usage}\n用 {} --help 查看全部选项。",
            command.join(" ")
        ));
    }
    Some(message)
}
