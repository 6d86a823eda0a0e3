//! `jiaodui check`: read, decode, check (and fix) every draft in parallel, then report.
//!
//! The folders are walked on a thread of their own, and files are checked a batch at a time as
//! the walk finds them; nothing is written until the walk is over, so a bad config still fails
//! the run with no report (and `--fix` waits for the whole walk, and for the report's file to
//! open, before it touches a draft).
//!
//! Files are checked in parallel batches on the worker threads, and each file's findings are
//! rendered there, by the report, into a buffer of the file's own; this thread writes the
//! buffers in path order while the next batch is checked, and keeps only counts. A file larger
//! than a part (see `parts`) is checked on this thread when its turn comes, a few parts at a
//! time in parallel, each part's findings written before the next parts are checked: neither
//! its findings nor its report are ever held whole.
//!
//! A Word draft is read for its text (`word`); a file asked for and not checked becomes a
//! `file/unreadable` finding (`unreadable`).

mod parts;
mod unreadable;
mod word;

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rayon::prelude::*;

use super::args::{CheckArgs, DenyLevel, Format};
use super::files::{self, ConfigResolver, InputKind, Source};
use crate::config::LoadedConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::DraftKind;
use crate::lint;
use crate::lint::apply_fixes;
use crate::report::{
    self, CheckedFile, FileTally, Github, Html, Human, Json, Report, Sarif, Summary,
};
use crate::text::{decode, decode_owned, encode, Decoded, Encoding, LineIndex, Span, WordText};
use unreadable::Skip;

/// Files checked per parallel batch: output stays in path order and memory stays bounded by
/// the batch, not by the number of files.
const BATCH: usize = 256;

/// Runs over more files than this show a progress bar (human format on a terminal only).
const PROGRESS_MIN_FILES: usize = 200;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let today = crate::clock::today()?;
    let mut resolver = ConfigResolver::new(args.config.as_deref(), args.date)?;
    let stdin_fix = args.fix && args.paths.iter().any(|path| path.as_os_str() == "-");
    let report = report_for(args, stdin_fix || args.output.is_some());
    let mode = Mode {
        fix: args.fix,
        diff: args.diff,
        today,
    };
    let (found, to_check) = mpsc::channel::<Vec<files::Job>>();
    let (batches, checked) = mpsc::sync_channel::<Vec<Outcome>>(2);
    let (report, mode) = (report.as_ref(), &mode);
    std::thread::scope(|scope| -> anyhow::Result<ExitCode> {
        // Owned here, so that leaving early (a bad config, a report that cannot be written)
        // drops them: the checking thread runs out of files, or its next send fails, and stops.
        let (found, checked) = (found, checked);
        // Files are checked as the walk finds them, but nothing is written before the walk is
        // over: a bad config found late still fails the run with no report. `--fix` and
        // `--diff` change files, so they start only once the report's file is open too.
        let streaming = (!args.fix && !args.diff).then(|| found.clone());
        let walk = scope.spawn(move || walk(args, &mut resolver, streaming.as_ref()));
        scope.spawn(move || check_batches(&to_check, &batches, mode, report));
        let Walked {
            files,
            problems,
            held,
        } = walk
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        for problem in &problems {
            eprintln!("jiaodui: {problem}");
        }
        let out = report_out(args, stdin_fix)?;
        for batch in held {
            // The checking side is gone only when it panicked; the scope's end reports that.
            let _ = found.send(batch);
        }
        drop(found);
        let mut writer = Writer {
            out,
            report,
            mode,
            summary: Summary {
                failed: problems.len(),
                ..Summary::new(args.max_error_rate)
            },
            worst: None,
            wrote_any: false,
            io_errors: problems.len(),
        };
        let show_progress = args.format == Format::Human
            && !args.no_progress
            && !stdin_fix
            && files > PROGRESS_MIN_FILES
            && io::stderr().is_terminal();
        let progress = progress_bar(files, show_progress);
        writer.report.begin(&mut writer.out)?;
        write_all(&checked, &mut writer, &progress, show_progress)?;
        progress.finish_and_clear();
        writer.report.end(&writer.summary, &mut writer.out)?;
        writer.out.flush()?;
        if writer.summary.undated > 0 {
            eprintln!("jiaodui: {}", undated_note(writer.summary.undated));
        }
        Ok(exit_code(args, &writer))
    })
}

/// Where the report goes: `--output`, else stdout — or stderr, when `--fix` on stdin writes
/// the fixed text to stdout.
fn report_out(args: &CheckArgs, stdin_fix: bool) -> anyhow::Result<Box<dyn Write>> {
    Ok(if let Some(path) = &args.output {
        let file = std::fs::File::create(path).map_err(|err| {
            let why = crate::config::io_reason(&err);
            anyhow::anyhow!("无法写入报告文件 {}：{why}", path.display())
        })?;
        Box::new(io::BufWriter::new(file))
    } else if stdin_fix {
        Box::new(io::BufWriter::new(io::stderr().lock()))
    } else {
        Box::new(io::BufWriter::new(io::stdout().lock()))
    })
}

/// What a walk over the command-line paths found.
struct Walked {
    /// Files to check.
    files: usize,
    /// Paths that could not be read.
    problems: Vec<String>,
    /// Batches of files not sent to be checked yet.
    held: Vec<Vec<files::Job>>,
}

/// Walks the command-line paths: with `streaming`, each batch of files is sent to be checked
/// as soon as it is full; without, every batch is held and returned.
fn walk(
    args: &CheckArgs,
    resolver: &mut ConfigResolver,
    streaming: Option<&mpsc::Sender<Vec<files::Job>>>,
) -> Result<Walked, crate::config::ConfigError> {
    let mut batch = Vec::with_capacity(BATCH);
    let mut held = Vec::new();
    let mut files = 0;
    let problems = files::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        resolver,
        |job| {
            files += 1;
            batch.push(job);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                match streaming {
                    // The checking side is gone only when the run failed.
                    Some(found) => drop(found.send(full)),
                    None => held.push(full),
                }
            }
        },
    )?;
    if !batch.is_empty() {
        held.push(batch);
    }
    Ok(Walked {
        files,
        problems,
        held,
    })
}

/// What a run says once, on stderr, when drafts had no issue date: which checks were
/// skipped, and the four ways to give the date. No finding: it counts towards nothing.
fn undated_note(files: usize) -> String {
    format!(
        "{files} 个文件没有出版日期：没写年份的日期（如“3月14日（星期三）”“14日”）和“昨天”“今天”\
         等相对日期未核对（星期、是否晚于出版日期、相对日期是否写对）。\n  \
         给出出版日期（按优先次序）：Markdown 前言写 date: 2023-03-15；\
         文件名或文件夹名以日期开头，如 2023-03-15-稿件.txt；命令行加 --date 2023-03-15；\
         jiaodui.toml 的 [bulletin] 中写 date = \"2023-03-15\"。"
    )
}

/// The report `args` ask for; `off_stdout` when it is not written to stdout.
fn report_for(args: &CheckArgs, off_stdout: bool) -> Box<dyn Report> {
    match args.format {
        Format::Human => Box::new(Human {
            color: !off_stdout
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
        Format::Html => Box::new(Html::new(args.max_error_rate)),
    }
}

/// Checks the files found, a batch at a time on the worker threads, while the writing thread
/// writes the batch before: writing never holds up the checking.
fn check_batches(
    to_check: &mpsc::Receiver<Vec<files::Job>>,
    batches: &mpsc::SyncSender<Vec<Outcome>>,
    mode: &Mode,
    report: &dyn Report,
) {
    for batch in to_check {
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|(source, config)| {
                // A defect of the checker met in one draft costs the run that draft only: it
                // is reported as not checked, the others are checked, and the run fails.
                let checked = || check_one(source, config, mode, report);
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(checked)).unwrap_or_else(
                    |panic| {
                        let skip = Skip::defect(panic.as_ref(), true);
                        unreadable::outcome(source.display(), config, report, skip)
                    },
                )
            })
            .collect();
        // The receiver is gone only when the walk or writing failed: stop checking.
        if batches.send(outcomes).is_err() {
            break;
        }
    }
}

/// Writes what each file's checking produced, in the order of the files.
fn write_all(
    checked: &mpsc::Receiver<Vec<Outcome>>,
    writer: &mut Writer<'_>,
    progress: &ProgressBar,
    show_progress: bool,
) -> anyhow::Result<()> {
    for outcomes in checked {
        let files = outcomes.len() as u64;
        // Output is written with the bar lifted, and flushed before it is drawn again, so
        // the two never share a line.
        progress.suspend(|| -> io::Result<()> {
            for outcome in outcomes {
                writer.outcome(outcome)?;
            }
            if show_progress {
                writer.out.flush()?;
            }
            Ok(())
        })?;
        progress.inc(files);
    }
    Ok(())
}

fn exit_code(args: &CheckArgs, writer: &Writer<'_>) -> ExitCode {
    if writer.io_errors > 0 {
        return ExitCode::from(2);
    }
    let threshold = match args.deny {
        None => Severity::Error,
        Some(DenyLevel::Warnings) => Severity::Warning,
        Some(DenyLevel::Info) => Severity::Info,
    };
    let over_rate = args.max_error_rate.is_some() && !writer.summary.over_rate.is_empty();
    if writer.worst.is_some_and(|w| w >= threshold) || over_rate {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A bar on stderr: files done of all, speed and time left; hidden unless `shown`.
fn progress_bar(files: usize, shown: bool) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
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

/// The writing side of a run: the report, the output and the counts.
struct Writer<'r> {
    out: Box<dyn Write>,
    report: &'r dyn Report,
    mode: &'r Mode,
    summary: Summary,
    worst: Option<Severity>,
    /// Whether any finding was written, so the next rendering is preceded by a separator.
    wrote_any: bool,
    io_errors: usize,
}

impl Writer<'_> {
    /// Writes what checking one file produced, or checks a large file part by part.
    fn outcome(&mut self, outcome: Outcome) -> io::Result<()> {
        if let Some(note) = &outcome.note {
            eprintln!("jiaodui: {note}");
        }
        self.io_errors += usize::from(outcome.io_error);
        if outcome.skipped {
            if let Some(echo) = &outcome.stdin_fixed {
                io::stdout().lock().write_all(echo)?;
            }
            self.summary.add_skipped(&outcome.tally, outcome.misdecoded);
            self.worst = self.worst.max(outcome.tally.worst());
            return self.rendered(&outcome.rendered);
        }
        if let Some(large) = outcome.large {
            return self.large(&outcome.path, large);
        }
        if let Some(diff) = &outcome.diff {
            // Diffs go before the report, so `--diff` output can be applied as a patch.
            io::stdout().lock().write_all(diff.as_bytes())?;
        }
        if let Some(fixed) = &outcome.stdin_fixed {
            io::stdout().lock().write_all(fixed)?;
        }
        self.summary.fixed += outcome.fixed;
        self.summary.files_fixed += usize::from(outcome.wrote);
        self.summary.word_untouched += usize::from(outcome.word_untouched);
        self.summary.undated += usize::from(outcome.undated);
        self.rendered(&outcome.rendered)?;
        self.file_done(&outcome.path, &outcome.tally, outcome.stored_as)
    }

    /// Writes one rendering, after a separator when findings were written before it.
    fn rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        if rendered.is_empty() {
            return Ok(());
        }
        if self.wrote_any {
            self.out.write_all(self.report.separator().as_bytes())?;
        }
        self.wrote_any = true;
        self.out.write_all(rendered)
    }

    /// Counts a checked file in, after its findings were written, and lets the report close it.
    fn file_done(&mut self, path: &str, tally: &FileTally, stored_as: StoredAs) -> io::Result<()> {
        self.summary
            .add_file(path, tally, !matches!(stored_as, StoredAs::Word));
        match stored_as {
            StoredAs::Text(Encoding::Gb18030) => self.summary.gb18030_files += 1,
            StoredAs::Text(Encoding::Utf16Le | Encoding::Utf16Be) => self.summary.utf16_files += 1,
            StoredAs::Text(_) => {}
            StoredAs::Word => self.summary.word_files += 1,
        }
        self.worst = self.worst.max(tally.worst());
        self.report.file_end(path, tally, &mut self.out)
    }

    /// Checks a large file in parts, a few at a time in parallel, writing each part's
    /// findings before the next parts are checked.
    fn large(&mut self, path: &str, large: Large) -> io::Result<()> {
        let (text, quiet, stored_as) = match (large.word, large.decoded) {
            (Some(word), _) => (word.text, Some(word.quiet), StoredAs::Word),
            (None, Some(decoded)) => (decoded.text, None, StoredAs::Text(decoded.encoding)),
            (None, None) => match load(&large.source, false, None) {
                Ok(Some((decoded, _))) => (decoded.text, None, StoredAs::Text(decoded.encoding)),
                Ok(None) => unreachable!("no limit was given"),
                Err(skip) => {
                    let config = &large.config;
                    let skipped = unreadable::outcome(path.to_owned(), config, self.report, skip);
                    return self.outcome(skipped);
                }
            },
        };
        let draft_path = large.source.path();
        let parts = parts::cut(&text, DraftKind::from_path(draft_path));
        if parts.len() > 1 {
            eprintln!(
                "jiaodui: {path}：文件较大（{:.1} MB），分 {} 段检查（在空行、行末或句末切分）；\
                 文风推断与前后一致的比较只在每段之内",
                text.len() as f64 / 1e6,
                parts.len()
            );
        }
        let line_index = LineIndex::new(&text);
        let mut tally = FileTally::default();
        tally.chars = report::summary_chars(&text);
        let (report, today) = (self.report, self.mode.today);
        let check = |part: &std::ops::Range<usize>| {
            let (diagnostics, undated) = parts::check_part(
                &text,
                part.clone(),
                quiet.as_deref(),
                draft_path,
                &large.config,
                today,
            );
            let mut part_tally = FileTally::default();
            part_tally.add(&diagnostics);
            let mut rendered = Vec::new();
            report.file(
                &CheckedFile {
                    path,
                    text: &text,
                    line_index: &line_index,
                    encoding: match stored_as {
                        StoredAs::Text(encoding) => encoding,
                        StoredAs::Word => Encoding::Utf8,
                    },
                    part: Span::from_range(part.clone()),
                    diagnostics: &diagnostics,
                },
                &mut rendered,
            );
            (rendered, part_tally, undated)
        };
        let (undated, defect) = self.write_parts(&parts, &mut tally, check)?;
        if let Some(skip) = defect {
            let skipped = unreadable::outcome(path.to_owned(), &large.config, self.report, skip);
            self.outcome(skipped)?;
        }
        self.summary.undated += usize::from(undated);
        self.file_done(path, &tally, stored_as)
    }

    /// Checks the parts a few at a time in parallel and writes each one's findings, in
    /// order; whether a part's dates went unchecked, and the first defect met. A defect met
    /// in one part costs that part: the others are checked and written.
    fn write_parts(
        &mut self,
        parts: &[std::ops::Range<usize>],
        tally: &mut FileTally,
        check: impl Fn(&std::ops::Range<usize>) -> (Vec<u8>, FileTally, bool) + Sync,
    ) -> io::Result<(bool, Option<Skip>)> {
        let check = |part: &std::ops::Range<usize>| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(part)))
                .map_err(|panic| Skip::defect(panic.as_ref(), false))
        };
        let (mut undated, mut defect) = (false, None);
        for group in parts.chunks(rayon::current_num_threads().max(1)) {
            let done: Vec<_> = group.par_iter().map(check).collect();
            for part in done {
                match part {
                    Ok((rendered, part_tally, part_undated)) => {
                        self.rendered(&rendered)?;
                        tally.merge(&part_tally);
                        undated |= part_undated;
                    }
                    Err(skip) => defect = defect.or(Some(skip)),
                }
            }
        }
        Ok((undated, defect))
    }
}

/// How a checked file was stored, for the summary.
#[derive(Clone, Copy)]
enum StoredAs {
    Text(Encoding),
    Word,
}

impl Default for StoredAs {
    fn default() -> StoredAs {
        StoredAs::Text(Encoding::Utf8)
    }
}

/// What checking one file produced; the file's text and findings are dropped once they are
/// rendered.
#[derive(Default)]
struct Outcome {
    path: String,
    rendered: Vec<u8>,
    tally: FileTally,
    note: Option<String>,
    skipped: bool,
    /// Skipped as mojibake (`file/encoding`).
    misdecoded: bool,
    io_error: bool,
    fixed: usize,
    wrote: bool,
    stored_as: StoredAs,
    /// A Word draft `--fix` or `--diff` left as it is.
    word_untouched: bool,
    diff: Option<String>,
    stdin_fixed: Option<Vec<u8>>,
    /// No issue date, and dates only the issue date would have dated went unchecked.
    undated: bool,
    /// A file too large to check whole, left to the writing thread.
    large: Option<Large>,
}

/// A large file to check in parts: not read yet, or (stdin) read and decoded, or a Word
/// draft's text.
struct Large {
    source: Source,
    config: Arc<LoadedConfig>,
    decoded: Option<Decoded>,
    word: Option<WordText>,
}

fn check_one(
    source: &Source,
    config: &Arc<LoadedConfig>,
    mode: &Mode,
    report: &dyn Report,
) -> Outcome {
    let path = source.display();
    match source.kind() {
        InputKind::Text => {}
        InputKind::Word => return word::check(source, config, mode, report),
        InputKind::OldWord(extension) => {
            return unreadable::outcome(path, config, report, Skip::old_word(extension))
        }
    }
    let checking_only = !mode.fix && !mode.diff;
    let large = |decoded| Outcome {
        path: path.clone(),
        large: Some(Large {
            source: source.clone(),
            config: config.clone(),
            decoded,
            word: None,
        }),
        ..Outcome::default()
    };
    // The bytes are kept only when `--fix` may echo unchanged stdin. A large file is left
    // unread, to be read when its turn comes, so that only one is in memory at a time.
    let keep_bytes = mode.fix && matches!(source, Source::Stdin(_));
    let limit = checking_only.then_some(parts::PART_BYTES);
    let (decoded, bytes) = match load(source, keep_bytes, limit) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return large(None),
        Err(skip) => return unreadable::outcome(path, config, report, skip),
    };
    if checking_only && decoded.text.len() > parts::PART_BYTES {
        return large(Some(decoded));
    }
    let mut outcome = Outcome {
        path: path.clone(),
        stored_as: StoredAs::Text(decoded.encoding),
        ..Outcome::default()
    };
    let encoding = decoded.encoding;
    let (text, diagnostics) = if checking_only {
        let analysis = lint::analyse(&decoded.text, source.path(), config, mode.today);
        outcome.undated = analysis.date_checks_skipped();
        (decoded.text, analysis.diagnostics)
    } else if keep_bytes {
        // `--fix` on stdin echoes the draft unchanged when the checker fails on it, as when
        // there is nothing to fix: a filter must never hand back less than it was given.
        let echo = bytes.clone();
        let fixed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            fix_one(source, decoded, bytes, config, mode, &mut outcome)
        }));
        match fixed {
            Ok(fixed) => fixed,
            Err(panic) => {
                let mut skipped =
                    unreadable::outcome(path, config, report, Skip::defect(panic.as_ref(), true));
                skipped.stdin_fixed = Some(echo);
                return skipped;
            }
        }
    } else {
        fix_one(source, decoded, bytes, config, mode, &mut outcome)
    };
    let line_index = LineIndex::new(&text);
    let checked = CheckedFile {
        path: &path,
        text: &text,
        line_index: &line_index,
        encoding,
        part: Span::new(0, text.len() as u32),
        diagnostics: &diagnostics,
    };
    report.file(&checked, &mut outcome.rendered);
    outcome.tally.chars = report::summary_chars(&text);
    outcome.tally.add(&diagnostics);
    outcome
}

/// Reads and decodes a file; a file that cannot be read or is no text, or whose text is
/// mojibake, is a [`Skip`] that says why. The raw bytes are returned too when `keep_bytes`
/// asks for them (and, with mojibake, kept for `--fix` on stdin to hand back as they came).
/// `None`: a file larger than `limit`, left unread.
type Loaded = Option<(Decoded, Vec<u8>)>;

fn load(source: &Source, keep_bytes: bool, limit: Option<usize>) -> Result<Loaded, Skip> {
    let mut bytes = match read(source, limit) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(None),
        Err(err) => return Err(Skip::io(&err)),
    };
    // Unless they are kept, the bytes become the text without a copy.
    let decoded = if keep_bytes {
        decode(&bytes)
    } else {
        decode_owned(std::mem::take(&mut bytes))
    };
    match decoded {
        Ok(decoded) => match crate::text::misdecoded(&decoded.text) {
            Some(misdecoded) => Err(Skip::misdecoded(misdecoded, keep_bytes.then_some(bytes))),
            None => Ok(Some((decoded, bytes))),
        },
        Err(err) => Err(Skip::decode(&err)),
    }
}

/// `--fix` and `--diff`: fixes the text to a fixpoint, writes it (or the diff), and returns
/// the text the report is about with its findings — the fixed text when it was written, else
/// the text as read. Both sets of findings come from the fixing passes (the first and the
/// last), so no text is checked twice.
fn fix_one(
    source: &Source,
    decoded: Decoded,
    bytes: Vec<u8>,
    config: &LoadedConfig,
    mode: &Mode,
    outcome: &mut Outcome,
) -> (String, Vec<Diagnostic>) {
    let draft_path = source.path();
    let mut first = None;
    let mut last = None;
    let fixed = apply_fixes(&decoded.text, |current| {
        let analysis = lint::analyse(current, draft_path, config, mode.today);
        if first.is_none() {
            outcome.undated = analysis.date_checks_skipped();
        }
        let diagnostics = analysis.diagnostics;
        let kept = Some(diagnostics.clone());
        if first.is_none() {
            first = kept;
        } else {
            last = kept;
        }
        diagnostics
    });
    let first = first.unwrap_or_default();
    if fixed.text == decoded.text {
        if matches!(source, Source::Stdin(_)) && mode.fix {
            outcome.stdin_fixed = Some(bytes);
        }
        return (decoded.text, first);
    }
    if mode.diff {
        outcome.diff = Some(unified_diff(&outcome.path, &decoded.text, &fixed.text));
        return (decoded.text, first);
    }
    let encoded = encode(&fixed.text, decoded.encoding);
    match source {
        Source::Stdin(_) => outcome.stdin_fixed = Some(encoded),
        Source::File(file) => match write_atomically(file, &encoded) {
            Ok(()) => outcome.wrote = true,
            Err(err) => {
                outcome.note = Some(format!("{}：未修复：{err:#}", outcome.path));
                outcome.io_error = true;
                return (decoded.text, first);
            }
        },
    }
    outcome.fixed = fixed.applied;
    (fixed.text, last.unwrap_or(first))
}

/// Reads a source whole; `None` for a file larger than `limit`, left unread. The size is
/// asked of the open file: looking the path up a second time cost more than the reading of
/// a short draft.
fn read(source: &Source, limit: Option<usize>) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    match source {
        Source::File(path) => {
            let mut file = std::fs::File::open(path)?;
            let size = file.metadata().map_or(0, |m| m.len());
            if limit.is_some_and(|limit| size > limit as u64) {
                return Ok(None);
            }
            read_sized(&mut file, size, &mut bytes)?;
        }
        Source::Stdin(_) => {
            io::stdin().lock().read_to_end(&mut bytes)?;
        }
    }
    Ok(Some(bytes))
}

/// Reads a file of `size` bytes (as its metadata says) whole: the bytes it has, without the
/// second read that finds the end, which for a short draft cost as much as the first. A file
/// whose size the system does not know (0, as in `/proc`) is read to its end.
fn read_sized(file: &mut std::fs::File, size: u64, bytes: &mut Vec<u8>) -> io::Result<()> {
    if size == 0 {
        // Read through `take` for std's plain reading loop: `File`'s own asks the size and
        // the position again.
        Read::take(file, u64::MAX).read_to_end(bytes)?;
        return Ok(());
    }
    let size = usize::try_from(size).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
    bytes.resize(size, 0);
    let mut filled = 0;
    while filled < size {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    bytes.truncate(filled);
    Ok(())
}

/// Replaces `path` with `bytes` so that the file is never half-written: the new content goes
/// to a temporary file in the same folder, takes the original's permissions, is synced, and
/// is renamed over the original. A read-only file is left alone.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(path).map_err(failed("无法读取文件信息"))?;
    if metadata.permissions().readonly() {
        anyhow::bail!("文件只读");
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".jiaodui-")
        .tempfile_in(dir)
        .map_err(failed("无法建立临时文件"))?;
    temp.write_all(bytes)
        .map_err(failed("无法写入修正后的文本"))?;
    temp.as_file().sync_all().map_err(failed("无法写入磁盘"))?;
    std::fs::set_permissions(temp.path(), metadata.permissions())
        .map_err(failed("无法保留文件权限"))?;
    temp.persist(path)
        .map_err(|err| failed("无法替换原文件")(err.error))?;
    Ok(())
}

/// `what（why）`: an I/O error said in Chinese.
fn failed(what: &'static str) -> impl Fn(io::Error) -> anyhow::Error {
    move |err| anyhow::anyhow!("{what}（{}）", crate::config::io_reason(&err))
}

fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(1)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
