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

/// Runs the checker on a file written for the test.
fn check_text(name: &str, text: &[u8]) -> (i32, String) {
    let path = std::env::temp_dir().join(format!("programme-check-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_programme-check")).arg(&path).output().expect("run programme-check");
    let _ = std::fs::remove_file(&path);
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn text_from_the_file_cannot_put_escape_sequences_or_forged_lines_on_the_terminal() {
    let file = r#"{"schema_version": "1.0", "programme": {"id": "p", "title": "P", "time_zone": "UTC"},
  "events": [{"id": "e", "title": "E", "when": {"start": "2012-04"}, "themes": ["\u001b[2J\u001b[31mred\nprogramme.json: 0 problem(s)\u202e"]}]}"#;
    let (code, out) = check_text("escapes.json", file.as_bytes());
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}'), "raw control characters reached the terminal: {out:?}");
    assert!(out.contains(r"\u{1b}[2J"), "escape shown as text: {out}");
    // The planted newline does not make a line of its own.
    assert!(!out.lines().any(|line| line.starts_with("programme.json: 0 problem(s)")), "{out}");
    assert_eq!(out.lines().count(), 2, "one problem line and the summary: {out}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let path = std::env::temp_dir().join(format!("programme-check-{}-huge.json", std::process::id()));
    // Sparse: 65 MB on paper, nothing on disk.
    std::fs::File::create(&path).unwrap().set_len(65 * 1024 * 1024).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_programme-check")).arg(&path).output().expect("run programme-check");
    let _ = std::fs::remove_file(&path);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("65.0 MB; this app reads files up to 64.0 MB"), "{out}");
}

#[test]
fn a_file_that_is_not_utf8_says_on_which_line() {
    let (code, out) = check_text("latin1.json", b"{\n \"schema_version\": \"1.0\",\n \"x\": \"caf\xe9\"\n}");
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("not UTF-8 text (line 3)"), "{out}");
}

#[test]
fn a_closed_output_pipe_ends_the_checker_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_programme-check"))
        .arg(format!("{}/tests/fixtures/many-bad-events.json", env!("CARGO_MANIFEST_DIR")))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run programme-check");
    // Like `| head -1`: read one line, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut first);
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "problems found, then the pipe closed: {stderr}");
}

#[test]
fn the_command_follows_the_conventions_of_command_line_tools() {
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_programme-check")).args(args).output().expect("run programme-check");
    let version = run(&["--version"]);
    assert!(version.status.success());
    assert_eq!(String::from_utf8_lossy(&version.stdout).trim(), format!("programme-check {}", env!("CARGO_PKG_VERSION")));
    let help = run(&["--help"]);
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("Usage: programme-check"));
    for wrong in [&[][..], &["--no-such-option", "x.json"][..]] {
        let refused = run(wrong);
        assert_eq!(refused.status.code(), Some(2), "{wrong:?}");
        assert!(String::from_utf8_lossy(&refused.stderr).contains("Usage:"), "{wrong:?}");
    }
    let missing = run(&["no-such-file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stdout).starts_with("cannot read no-such-file.json"), "the file named once");
}
