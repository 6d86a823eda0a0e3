//! Command-line arguments (clap).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// jiaodui 校对 — proofreads Chinese newspaper bulletin drafts.
#[derive(Debug, Parser)]
#[command(name = "jiaodui", version = crate::cli::VERSION, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (files, folders, or `-` for stdin) and report findings
    Check(CheckArgs),
    /// Show a rule's documentation
    Explain {
        /// Rule ID, e.g. `date/weekday`
        rule: String,
    },
    /// List every rule
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
    },
    /// Write a commented starter `jiaodui.toml` in the current folder
    Init {
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// Run the language server on stdin/stdout
    Lsp,
    /// Show every gazetteer entry of a place name: path, code, level and history
    Place {
        /// A place name, e.g. `平城区`, or a former name, e.g. `大同县`
        name: String,
        /// List what each place of that name holds, one level down, with codes
        #[arg(long)]
        under: bool,
        /// Use this config file (for its newsroom gazetteers) instead of the nearest
        #[arg(long, value_name = "FILE")]
        config: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads stdin. Defaults to the current folder
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Apply safe fixes in place (each file rewritten atomically, encoding kept)
    #[arg(long)]
    pub fix: bool,
    /// Print the changes `--fix` would make as a diff, without writing
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Use this config file instead of the nearest `jiaodui.toml`
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The name to use for stdin (for config discovery, Markdown and the issue date)
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Also fail on findings of this severity (default: only errors fail)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<DenyLevel>,
    /// Fail when a file has more than N findings (errors and warnings) per 10 000 characters
    #[arg(long, value_name = "N")]
    pub max_error_rate: Option<f64>,
    /// Never show a progress bar
    #[arg(long)]
    pub no_progress: bool,
    /// Pretend today is this date (YYYY-MM-DD); for reproducible runs
    #[arg(long, hide = true, value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings with the source line, then a summary (for people)
    Human,
    /// One JSON array of findings (DESIGN §4)
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers
    Sarif,
    /// GitHub Actions workflow commands: annotations on pull requests
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Warnings fail the run too
    Warnings,
    /// Every finding fails the run, info included
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Markdown,
}

impl Args {
    pub fn parse_from_os(args: impl IntoIterator<Item = OsString>) -> Result<Args, clap::Error> {
        Args::try_parse_from(args)
    }
}
