//! The word-list readers on hostile input: any text read as a prh dictionary, as a
//! `jiaodui.toml`, and as the pattern of a `[[words.entry]]`, gives a word list or a clear
//! error naming where, never a panic; a list that compiles searches any text.
#![no_main]

use std::path::Path;

use jiaodui::config::LoadedConfig;
use jiaodui::words::{prh, WordList};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = prh::parse(text, Path::new("prh.yml"));
    for error in &parsed.errors {
        assert!(!error.message.is_empty() && error.origin.file == Path::new("prh.yml"));
    }
    match WordList::compile(parsed.entries) {
        Ok(list) => search(&list, text),
        Err(errors) => assert!(errors.iter().all(|e| !e.message.is_empty())),
    }
    // Files named in the config resolve under a folder that does not exist.
    let config = Path::new("/nonexistent/jiaodui.toml");
    if let Err(error) = LoadedConfig::parse(text, config, jiaodui::lint::rule_ids()) {
        assert!(!error.message().is_empty());
    }
    let quoted = toml_string(text);
    let entry = format!("[[words.entry]]\npattern = {quoted}\nright = {quoted}\nnote = {quoted}\n");
    match LoadedConfig::parse(&entry, config, jiaodui::lint::rule_ids()) {
        Ok(loaded) => search(&loaded.words(), text),
        Err(error) => assert!(!error.message().is_empty()),
    }
});

fn search(list: &WordList, text: &str) {
    let mut hits = Vec::new();
    let span = jiaodui::text::Span::new(0, text.len() as u32);
    list.find(text, span, &mut hits);
    let mut end = 0;
    for hit in hits {
        assert!(hit.span.start >= end && hit.span.end <= span.end);
        assert!(text.is_char_boundary(hit.span.start as usize));
        assert!(text.is_char_boundary(hit.span.end as usize));
        end = hit.span.end;
    }
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
