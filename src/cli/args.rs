//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// jiaodui 校对 — proofreads Chinese newspaper bulletin drafts.
#[derive(Debug, Parser)]
#[command(name = "jiaodui", version = crate::cli::VERSION, about, long_about = None)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Command,
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
        /// Start from a named house style: 地方日报, 人民日报 or 新华社
        #[arg(long, value_name = "NAME")]
        preset: Option<String>,
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
    pub(crate) paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// Apply safe fixes in place (each file rewritten atomically, encoding kept)
    #[arg(long)]
    pub(crate) fix: bool,
    /// Print the changes `--fix` would make as a diff, without writing
    #[arg(long, conflicts_with = "fix")]
    pub(crate) diff: bool,
    /// Use this config file instead of the nearest `jiaodui.toml`
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// The name to use for stdin (for config discovery, Markdown and the issue date)
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<PathBuf>,
    /// Also fail on findings of this severity (default: only errors fail)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(crate) deny: Option<DenyLevel>,
    /// Fail when a file has more than N findings (errors and warnings) per 10 000 characters
    #[arg(long, value_name = "N")]
    pub(crate) max_error_rate: Option<f64>,
    /// Never show a progress bar
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// Write the report to FILE instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Findings with the source line, then a summary (for people)
    Human,
    /// One JSON array of findings, one object per finding
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers
    Sarif,
    /// GitHub Actions workflow commands: annotations on pull requests
    Github,
    /// One self-contained HTML page: the drafts with every finding marked in place
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DenyLevel {
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
