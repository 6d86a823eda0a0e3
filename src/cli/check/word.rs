//! Word drafts (`.docx`): the document's text, one paragraph per line, checked like a plain
//! draft's, with its table cells and notes as the document marks them. Positions are into
//! that text, so a finding's line is its paragraph's number. A Word draft is never written:
//! `--fix` and `--diff` leave it as it is and say so.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::sync::Arc;

use super::unreadable::{self, Skip};
use super::{parts, Large, Mode, Outcome, StoredAs};
use crate::cli::files::Source;
use crate::config::LoadedConfig;
use crate::document;
use crate::lint;
use crate::report::{self, CheckedFile, Report};
use crate::text::{read_docx, Encoding, LineIndex, Span, WordError, WordText};

/// Checks one Word draft; one whose text is larger than a part is left to the writing
/// thread, like a large text file.
pub(super) fn check(
    source: &Source,
    config: &Arc<LoadedConfig>,
    mode: &Mode,
    report: &dyn Report,
) -> Outcome {
    let path = source.display();
    // With `--fix` on stdin the input comes back on stdout unchanged, as the fixed text of
    // a clean text draft does.
    let echo = mode.fix && matches!(source, Source::Stdin(_));
    let (word, bytes) = match read(source, echo) {
        Ok(read) => read,
        Err(err) => return unreadable::outcome(path, config, report, Skip::word(&err)),
    };
    let mut outcome = Outcome {
        path,
        stored_as: StoredAs::Word,
        stdin_fixed: bytes,
        ..Outcome::default()
    };
    if mode.fix || mode.diff {
        outcome.word_untouched = true;
        outcome.note = Some(format!(
            "{}：Word 文档只检查、不改写（--fix 与 --diff 只用于文本文件），请按报告在 Word 中修改",
            outcome.path
        ));
    }
    if word.text.len() > parts::PART_BYTES {
        outcome.large = Some(Large {
            source: source.clone(),
            config: config.clone(),
            decoded: None,
            word: Some(word),
        });
        return outcome;
    }
    let draft = document::parse_paragraphs(&word.text, &word.quiet);
    let analysis = lint::analyse_draft(&word.text, draft, source.path(), config, mode.today);
    outcome.undated = analysis.date_checks_skipped();
    let diagnostics = analysis.diagnostics;
    let line_index = LineIndex::new(&word.text);
    report.file(
        &CheckedFile {
            path: &outcome.path,
            text: &word.text,
            line_index: &line_index,
            // The parts of a `.docx` are UTF-8 XML; the text is never written back.
            encoding: Encoding::Utf8,
            part: Span::new(0, word.text.len() as u32),
            diagnostics: &diagnostics,
        },
        &mut outcome.rendered,
    );
    outcome.tally.chars = report::summary_chars(&word.text);
    outcome.tally.add(&diagnostics);
    outcome
}

/// Reads a Word draft's text; the raw bytes too when `keep_bytes` (stdin only).
fn read(source: &Source, keep_bytes: bool) -> Result<(WordText, Option<Vec<u8>>), WordError> {
    match source {
        Source::File(path) => {
            let file = File::open(path).map_err(WordError::Io)?;
            Ok((read_docx(BufReader::new(file))?, None))
        }
        Source::Stdin(_) => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(WordError::Io)?;
            let word = read_docx(Cursor::new(&bytes))?;
            Ok((word, keep_bytes.then_some(bytes)))
        }
    }
}
