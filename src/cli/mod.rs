//! The command line's subcommands: `check`, `explain`, `rules`, `init` and `place`, and the
//! argument grammar of the whole binary. `main.rs` dispatches the subcommands; the language
//! server is another face, and nothing here uses it.

mod args;
mod check;
mod explain;
mod files;
mod place;
mod usage;

use args::Args;
pub use args::{CheckArgs, Command, RulesFormat};
pub use check::run as check;
pub use explain::{explain, rules, rules_markdown, rules_table_markdown};
pub use place::place;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{CommandFactory as _, FromArgMatches as _};

/// The version line: crate version and the years of the built-in data (the 2023 division
/// codes of the National Bureau of Statistics, the renames history 1982–2024).
pub(crate) const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (区划数据：国家统计局 2023 年统计用区划代码，更名记录 1982—2024)"
);

/// Parses the arguments into a subcommand. `Err` carries the exit status after clap has
/// printed help, the version (0) or a usage error (2).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, ExitCode> {
    let parsed = usage::command(Args::command())
        .try_get_matches_from(args)
        .and_then(|matches| Args::from_arg_matches(&matches));
    match parsed {
        Ok(args) => Ok(args.command),
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            match usage::error_in_chinese(&err) {
                Some(message) => eprintln!("jiaodui: {message}"),
                None => {
                    let _ = err.print();
                }
            }
            Err(ExitCode::from(code))
        }
    }
}

/// `jiaodui init`: writes the commented starter `jiaodui.toml` in the current folder.
pub fn init(force: bool, preset: Option<&str>) -> anyhow::Result<ExitCode> {
    let preset = match preset {
        Some(name) => Some(crate::config::Preset::from_name(name).with_context(|| {
            let names: Vec<&str> = crate::config::Preset::ALL
                .iter()
                .map(|p| p.name())
                .collect();
            format!("没有名为“{name}”的预设（可用：{}）", names.join("、"))
        })?),
        None => None,
    };
    let path = std::path::Path::new("jiaodui.toml");
    if path.exists() && !force {
        anyhow::bail!("当前文件夹已有 jiaodui.toml，没有改动它（要覆盖，请加 --force）");
    }
    std::fs::write(path, crate::config::starter(preset)).map_err(|err| {
        anyhow::anyhow!(
            "无法写入 jiaodui.toml（{}）",
            crate::config::io_reason(&err)
        )
    })?;
    writeln!(std::io::stderr(), "已写入 jiaodui.toml")?;
    Ok(ExitCode::SUCCESS)
}
