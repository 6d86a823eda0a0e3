//! The command line: `check`, `explain`, `rules`, `init`, `lsp`.

mod args;
mod check;
mod explain;
mod files;
mod place;

pub use args::{Args, CheckArgs, Command, DenyLevel, Format, RulesFormat};
pub use explain::{rules_markdown, rules_table_markdown};

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

/// The version line: crate version and the year of the built-in data (DESIGN §6: NBS 2023
/// division codes, the renames history 1982–2024).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (区划数据：国家统计局 2023 年统计用区划代码，更名记录 1982—2024)"
);

/// Runs the command line; `Err` is a usage, config or I/O error (exit 2).
pub fn run(args: impl IntoIterator<Item = OsString>) -> anyhow::Result<ExitCode> {
    let args = match Args::parse_from_os(args) {
        Ok(args) => args,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return Ok(ExitCode::from(code));
        }
    };
    match args.command {
        Command::Check(check) => check::run(&check),
        Command::Explain { rule } => explain::explain(&rule),
        Command::Rules { format } => explain::rules(format),
        Command::Init { force } => init(force),
        Command::Place {
            name,
            under,
            config,
        } => place::place(&name, under, config.as_deref()),
        Command::Lsp => {
            crate::lsp::run()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn init(force: bool) -> anyhow::Result<ExitCode> {
    let path = std::path::Path::new("jiaodui.toml");
    if path.exists() && !force {
        anyhow::bail!("jiaodui.toml already exists (use --force to overwrite)");
    }
    std::fs::write(path, crate::config::STARTER_CONFIG).context("cannot write jiaodui.toml")?;
    writeln!(std::io::stderr(), "已写入 jiaodui.toml")?;
    Ok(ExitCode::SUCCESS)
}
