//! The organisers' validator command: its output and exit codes.

use std::process::Command;

fn check(file: &str) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_programme-check"))
        .arg(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("run programme-check");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn bundled_programme_has_zero_problems() {
    let (code, out) = check("public/programme.json");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 problem(s)"), "{out}");
}

#[test]
fn five_planted_mistakes_are_five_located_lines_and_exit_1() {
    let (code, out) = check("tests/fixtures/five-mistakes.json");
    assert_eq!(code, 1, "{out}");
    // Each with its JSON path and the line an editor shows it on.
    for (path, line) in
        [("themes[1].id", 4), ("partners[0].url", 5), ("events[1].when", 8), ("events[2].themes[1]", 9), ("events[3].id", 10)]
    {
        assert!(out.contains(&format!(": {path} (line {line}): ")), "{path} (line {line}) missing in:\n{out}");
    }
    assert!(out.contains("5 problem(s)"), "{out}");
}

#[test]
fn a_file_that_cannot_load_exits_2_with_line_and_column() {
    let (code, out) = check("tests/fixtures/broken-syntax.json");
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("line 4"), "{out}");
}
