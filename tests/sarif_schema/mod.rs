//! Validates SARIF logs against the official SARIF 2.1.0 JSON schema kept in
//! `tests/data/sarif-schema-2.1.0.json` (see `tests/data/README.md`), formats included, so a
//! report a SARIF consumer would reject fails the tests.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
        let schema: Value = serde_json::from_slice(&std::fs::read(path).expect("read the schema"))
            .expect("the schema is JSON");
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the schema compiles")
    })
}

/// Panics with every schema violation, each with its JSON path, when `log` is not valid
/// SARIF 2.1.0.
pub fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|err| format!("{}: {err}", err.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}\n\n{log:#}",
        errors.join("\n")
    );
}
