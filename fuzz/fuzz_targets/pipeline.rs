//! Arbitrary bytes through decoding, parsing, every recogniser and rule, and `--fix`:
//! nothing panics, every span slices the text at character boundaries, fixes converge and a
//! second fix changes nothing.
#![no_main]

use std::path::{Path, PathBuf};

use jiaodui::config::LoadedConfig;
use jiaodui::lint;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = jiaodui::text::decode(data) else { return };
    let text = decoded.text;
    let config = LoadedConfig::defaults(PathBuf::from("."));
    let today = jiff::civil::date(2023, 3, 15);
    for name in ["2023-03-15-a.txt", "a.md"] {
        let path = Path::new(name);
        let analysis = lint::analyse(&text, Some(path), &config, today);
        for d in &analysis.diagnostics {
            assert!(text.get(d.span.range()).is_some(), "{} span {:?}", d.rule, d.span);
            for fix in &d.fixes {
                for edit in &fix.edits {
                    assert!(text.get(edit.span.range()).is_some(), "{} edit {:?}", d.rule, edit.span);
                }
            }
            for related in &d.related {
                assert!(text.get(related.span.range()).is_some());
            }
        }
        let once = lint::fix(&text, Some(path), &config, today);
        assert!(once.converged, "fixes did not converge");
        let twice = lint::fix(&once.text, Some(path), &config, today);
        assert_eq!(twice.text, once.text, "a second fix changed the text");
        // Encoding back never fails and round-trips.
        let bytes = jiaodui::text::encode(&once.text, decoded.encoding);
        assert_eq!(jiaodui::text::decode(&bytes).map(|d| d.text).ok().as_deref(), Some(once.text.as_str()));
    }
});
