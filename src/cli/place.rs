//! `jiaodui place NAME`: every gazetteer entry of a name with its path, level, code and
//! history — what the language server's hover shows; `jiaodui place --under NAME`: what
//! each entry of the name holds, one level down, with codes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::config::{self, LoadedConfig};
use crate::gazetteer::{describe_name, describe_under};

pub fn place(name: &str, under: bool, config_path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = match config_path {
        Some(path) => LoadedConfig::load(path)?,
        None => {
            let cwd = std::env::current_dir().context("cannot read the current folder")?;
            match config::discover(&cwd) {
                Some(path) => LoadedConfig::load(&path)?,
                None => LoadedConfig::defaults(cwd),
            }
        }
    };
    let name = name.trim();
    let text = if under {
        describe_under(config.gazetteer(), name)
    } else {
        describe_name(config.gazetteer(), name)
    };
    let mut out = std::io::stdout().lock();
    if text.is_empty() {
        writeln!(out, "地名库中没有“{name}”")?;
        return Ok(ExitCode::from(1));
    }
    write!(out, "{text}")?;
    Ok(ExitCode::SUCCESS)
}
