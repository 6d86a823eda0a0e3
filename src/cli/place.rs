//! `jiaodui place NAME`: every gazetteer entry of a name with its path, level, code and
//! history — what the language server's hover shows; `jiaodui place --under NAME`: what
//! each entry of the name holds, one level down, with codes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::files::ConfigResolver;
use crate::gazetteer::{describe_name, describe_under};

/// Prints every entry of `name` in the gazetteer of the configuration that applies in the
/// current folder (or of `config_path`), with its newsroom files; with `under`, what each
/// entry holds one level down.
pub fn place(name: &str, under: bool, config_path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let config = ConfigResolver::new(config_path, None)?.for_path(None)?;
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
