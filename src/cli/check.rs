//! `jiaodui check`: read, decode, check (and fix) every draft in parallel, then report.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rayon::prelude::*;

use super::args::{CheckArgs, DenyLevel, Format};
use super::files::{self, io_reason, ConfigResolver, Source};
use crate::config::LoadedConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint;
use crate::report::{self, CheckedFile, Github, Human, Json, Report, Sarif, Summary};
use crate::text::{decode, decode_owned, encode, LineIndex};

/// Files checked per parallel batch: output stays in path order and memory stays bounded by
/// the batch, not by the number of files.
const BATCH: usize = 256;

/// Runs over more files than this show a progress bar (human format on a terminal only).
const PROGRESS_MIN_FILES: usize = 200;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let today = crate::clock::today()?;
    let mut resolver = ConfigResolver::new(args.config.as_deref())?;
    let (sources, problems) =
        files::collect(&args.paths, args.stdin_filename.as_deref(), &mut resolver)?;
    let mut io_errors = problems.len();
    for problem in &problems {
        eprintln!("jiaodui: {problem}");
    }
    let stdin_fix = args.fix && sources.iter().any(|(s, _)| matches!(s, Source::Stdin(_)));
    let report: Box<dyn Report> = match args.format {
        Format::Human => Box::new(Human {
            color: !stdin_fix
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none(),
        }),
        Format::Json => Box::new(Json),
        Format::Sarif => Box::new(Sarif),
        Format::Github => Box::new(Github {
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|path| !path.is_empty())
                .map(Into::into),
        }),
    };
    // With `--fix` on stdin the fixed text goes to stdout, so the report goes to stderr.
    let mut out: Box<dyn Write> = if stdin_fix {
        Box::new(io::BufWriter::new(io::stderr().lock()))
    } else {
        Box::new(io::BufWriter::new(io::stdout().lock()))
    };
    let mode = Mode {
        fix: args.fix,
        diff: args.diff,
        today,
    };
    let mut summary = Summary::new(args.max_error_rate);
    let mut worst = None::<Severity>;
    report.begin(&mut out)?;
    let mut wrote_any = false;
    let show_progress = args.format == Format::Human
        && !args.no_progress
        && !stdin_fix
        && sources.len() > PROGRESS_MIN_FILES
        && io::stderr().is_terminal();
    let progress = if show_progress {
        progress_bar(sources.len())
    } else {
        ProgressBar::hidden()
    };
    // Batches are checked on the worker threads while this thread writes the batch before:
    // writing never holds up the checking, and output keeps the order of the files.
    let (batches, checked) = mpsc::sync_channel::<Vec<Outcome>>(2);
    let report_ref = report.as_ref();
    let mode_ref = &mode;
    let sources_ref = &sources;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        scope.spawn(move || {
            for batch in sources_ref.chunks(BATCH) {
                let outcomes: Vec<Outcome> = batch
                    .par_iter()
                    .map(|(source, config)| check_one(source, config, mode_ref, report_ref))
                    .collect();
                // The receiver is gone only when writing failed: stop checking.
                if batches.send(outcomes).is_err() {
                    break;
                }
            }
        });
        for outcomes in checked {
            let files = outcomes.len() as u64;
            // Output is written with the bar lifted, and flushed before it is drawn again, so the
            // two never share a line.
            progress.suspend(|| -> io::Result<()> {
                for outcome in outcomes {
                    if let Some(note) = &outcome.note {
                        eprintln!("jiaodui: {note}");
                    }
                    if outcome.io_error {
                        io_errors += 1;
                    }
                    if outcome.skipped {
                        summary.skipped += 1;
                        continue;
                    }
                    if let Some(diff) = &outcome.diff {
                        // Diffs go before the report, so `--diff` output can be applied as a patch.
                        io::stdout().lock().write_all(diff.as_bytes())?;
                    }
                    if let Some(fixed) = &outcome.stdin_fixed {
                        io::stdout().lock().write_all(fixed)?;
                    }
                    summary.add_file(&outcome.path, outcome.chars, &outcome.diagnostics);
                    summary.fixed += outcome.fixed;
                    summary.files_fixed += usize::from(outcome.wrote);
                    summary.gb18030_files += usize::from(outcome.gb18030);
                    worst = worst.max(outcome.diagnostics.iter().map(|d| d.severity).max());
                    if !outcome.rendered.is_empty() {
                        if wrote_any {
                            out.write_all(report.separator().as_bytes())?;
                        }
                        out.write_all(outcome.rendered.as_bytes())?;
                        wrote_any = true;
                    }
                }
                if show_progress {
                    out.flush()?;
                }
                Ok(())
            })?;
            progress.inc(files);
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    report.end(&summary, &mut out)?;
    out.flush()?;
    if io_errors > 0 {
        return Ok(ExitCode::from(2));
    }
    let threshold = match args.deny {
        None => Severity::Error,
        Some(DenyLevel::Warnings) => Severity::Warning,
        Some(DenyLevel::Info) => Severity::Info,
    };
    let over_rate = args.max_error_rate.is_some() && !summary.over_rate.is_empty();
    Ok(if worst.is_some_and(|w| w >= threshold) || over_rate {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar on stderr: files done of all, speed and time left.
fn progress_bar(files: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("校对 {bar:32.cyan/blue} {pos}/{len} 个文件 {rate} 剩余 {eta}")
    {
        let style = style
            .with_key(
                "rate",
                |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{:.0} 个/秒", state.per_sec());
                },
            )
            .progress_chars("█▌ ");
        bar.set_style(style);
    }
    bar
}

struct Mode {
    fix: bool,
    diff: bool,
    today: jiff::civil::Date,
}

/// What checking one file produced; the file's text is dropped once it is rendered.
#[derive(Default)]
struct Outcome {
    path: String,
    rendered: String,
    diagnostics: Vec<Diagnostic>,
    chars: u64,
    note: Option<String>,
    skipped: bool,
    io_error: bool,
    fixed: usize,
    wrote: bool,
    gb18030: bool,
    diff: Option<String>,
    stdin_fixed: Option<Vec<u8>>,
}

fn check_one(
    source: &Source,
    config: &Arc<LoadedConfig>,
    mode: &Mode,
    report: &dyn Report,
) -> Outcome {
    let path = source.display();
    let mut bytes = match read(source) {
        Ok(bytes) => bytes,
        Err(err) => {
            return Outcome {
                note: Some(format!("{path}: {}", io_reason(&err))),
                skipped: true,
                io_error: true,
                path,
                ..Outcome::default()
            };
        }
    };
    // The bytes are kept only when `--fix` may echo unchanged stdin; otherwise they become
    // the text without a copy.
    let keep_bytes = mode.fix && matches!(source, Source::Stdin(_));
    let decoded = if keep_bytes {
        decode(&bytes)
    } else {
        decode_owned(std::mem::take(&mut bytes))
    };
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(err) => {
            return Outcome {
                note: Some(format!("{path}: skipped: {err}")),
                skipped: true,
                path,
                ..Outcome::default()
            }
        }
    };
    let draft_path = source.path();
    let mut text = decoded.text;
    let mut outcome = Outcome {
        path: path.clone(),
        gb18030: decoded.encoding == crate::text::Encoding::Gb18030,
        ..Outcome::default()
    };
    if mode.fix || mode.diff {
        let fixed = lint::fix(&text, draft_path, config, mode.today);
        if fixed.text != text {
            if mode.diff {
                outcome.diff = Some(unified_diff(&path, &text, &fixed.text));
            } else {
                let bytes = encode(&fixed.text, decoded.encoding);
                match source {
                    Source::Stdin(_) => outcome.stdin_fixed = Some(bytes),
                    Source::File(file) => match write_atomically(file, &bytes) {
                        Ok(()) => outcome.wrote = true,
                        Err(err) => {
                            outcome.note = Some(format!("{path}: not fixed: {err:#}"));
                            outcome.io_error = true;
                        }
                    },
                }
                if outcome.wrote || outcome.stdin_fixed.is_some() {
                    outcome.fixed = fixed.applied;
                    text = fixed.text;
                }
            }
        } else if matches!(source, Source::Stdin(_)) && mode.fix {
            outcome.stdin_fixed = Some(bytes);
        }
    }
    let analysis = lint::analyse(&text, draft_path, config, mode.today);
    let line_index = LineIndex::new(&text);
    let checked = CheckedFile {
        path: &path,
        text: &text,
        line_index: &line_index,
        encoding: decoded.encoding,
        diagnostics: &analysis.diagnostics,
    };
    outcome.rendered = report.file(&checked);
    outcome.chars = report::summary_chars(&text);
    outcome.diagnostics = analysis.diagnostics;
    outcome
}

fn read(source: &Source) -> io::Result<Vec<u8>> {
    match source {
        Source::File(path) => std::fs::read(path),
        Source::Stdin(_) => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

/// Replaces `path` with `bytes` so that the file is never half-written: the new content goes
/// to a temporary file in the same folder, takes the original's permissions, is synced, and
/// is renamed over the original. A read-only file is left alone.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(path).context("cannot read metadata")?;
    if metadata.permissions().readonly() {
        anyhow::bail!("file is read-only");
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".jiaodui-")
        .tempfile_in(dir)
        .context("cannot create a temporary file")?;
    temp.write_all(bytes)
        .context("cannot write the fixed text")?;
    temp.as_file()
        .sync_all()
        .context("cannot sync the fixed text")?;
    std::fs::set_permissions(temp.path(), metadata.permissions())
        .context("cannot keep permissions")?;
    temp.persist(path)
        .map_err(|err| err.error)
        .context("cannot replace the file")?;
    Ok(())
}

fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
