//! The published JSON Schema (public/programme.schema.json) is generated from the Rust types
//! and checked against real files, so schema, reader and bundled programme cannot drift.
//! Regenerate it after changing the format: `UPDATE_SCHEMA=1 cargo test --test schema`.

use programme_browser::domain::programme::parse_programme;
use programme_browser::domain::programme::raw::RawProgramme;
use programme_browser::domain::synthetic::synthetic_programme;
use serde_json::Value;

fn path(relative: &str) -> String {
    format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"))
}

fn generated_schema() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(RawProgramme)).expect("schema to JSON");
    schema["$id"] = Value::String("programme.schema.json".into());
    schema["title"] = Value::String("Programme file, format 1.x (programme-browser)".into());
    serde_json::to_string_pretty(&schema).expect("pretty") + "\n"
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path("public/programme.schema.json")).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

#[test]
fn committed_schema_is_generated_from_the_rust_types() {
    let generated = generated_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path("public/programme.schema.json"), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path("public/programme.schema.json")).unwrap();
    assert!(committed == generated, "public/programme.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`");
}

#[test]
fn bundled_programme_and_fixtures_match_the_schema() {
    let validator = validator();
    for file in [
        "public/programme.json",
        "tests/fixtures/one-bad-event.json",
        "tests/fixtures/five-mistakes.json",
        "tests/fixtures/people.json",
        "tests/fixtures/languages.json",
        "tests/fixtures/venues.json",
    ] {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(path(file)).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn files_the_generator_writes_match_the_schema_and_read_back_unchanged() {
    let validator = validator();
    let programme = synthetic_programme(300, 7);
    let text = serde_json::to_string(&programme).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator.iter_errors(&value).take(5).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The reader understands every field the writer (serde names) produces.
    let (loaded, problems) = parse_programme(&text).expect("loads");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(loaded.events.len(), 300);
    assert!(loaded.events.iter().all(|e| !e.links.is_empty() && e.location.is_some() && e.mode.is_some()));
}

#[test]
fn a_file_of_the_wrong_shape_fails_both_the_schema_and_the_reader() {
    let text = r#"{"schema_version": "1.0", "programme": {"id": "x", "title": "X", "time_zone": "UTC"}, "events": {"id": "a"}}"#;
    let value: Value = serde_json::from_str(text).unwrap();
    assert!(!validator().is_valid(&value));
    assert!(parse_programme(text).is_err());
}

#[test]
fn the_documented_example_is_valid() {
    let doc = std::fs::read_to_string(path("docs/programme-format.md")).unwrap();
    let start = doc.find("```json\n").expect("example block") + "```json\n".len();
    let example = &doc[start..start + doc[start..].find("```").expect("block end")];
    let (programme, problems) = parse_programme(example).expect("example loads");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(programme.events.len(), 2);
    let value: Value = serde_json::from_str(example).unwrap();
    assert!(validator().is_valid(&value));
}
