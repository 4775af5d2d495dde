//! Organisers' workbooks read as they are: every sheet, cells typed by the spreadsheet (dates,
//! dates and times, numbers, formulas), what cannot be read as it looks (merged cells, hidden
//! sheets, error cells) reported at its place, and the template workbook round trip.
//! Workbooks here are written by `rust_xlsxwriter`, as Excel would save them, and saved again
//! by LibreOffice Calc as .ods and .xlsx (tests/fixtures/workbooks, `scripts/workbook-fixtures`).

use programme_browser::domain::import::{
    convert, import_sheets, read_workbook, write_sheets, Input, LocalTimesRead, Sheet, WorkbookRead, MAX_SHEET_CELLS, MAX_SHEET_ROWS,
};
use programme_browser::domain::programme::raw::RawProgramme;
use programme_browser::organiser_files::offset_at;
use programme_browser::template_workbook::write_workbook;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

#[path = "support/excel.rs"]
mod excel;
#[path = "support/opendocument.rs"]
mod opendocument;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn raw(path: &str) -> RawProgramme {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).expect("a well-formed programme")
}

fn read(file: &str, bytes: &[u8]) -> (Vec<Sheet>, Vec<String>) {
    let read = read_workbook(file, bytes, &offset_at).expect("a readable workbook");
    (read.sheets, read.problems.iter().map(ToString::to_string).collect())
}

#[test]
fn a_programme_goes_to_a_workbook_and_back_as_through_the_csv_sheets() {
    for path in ["public/programme.json", "tests/fixtures/timed.json", "tests/fixtures/bilingual.json"] {
        let original = raw(path);
        let bytes = write_workbook(&original).expect("writes");
        let (sheets, problems) = read("programme.xlsx", &bytes);
        assert_eq!(problems, Vec::<String>::new(), "{path}");
        let (back, problems, _) = import_sheets(&sheets);
        assert_eq!(problems, vec![], "{path}");
        let (through_csv, _, _) = import_sheets(&write_sheets(&original));
        assert_eq!(back, through_csv, "{path}: the workbook and the CSV sheets differ");
        assert_eq!(back.events.len(), original.events.len());
        // Named after the workbook and the sheet, so that problems say where.
        assert!(
            sheets.iter().any(|sheet| sheet.file == "programme.xlsx › events"),
            "{:?}",
            sheets.iter().map(|s| &s.file).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_shipped_template_workbook_is_the_seed_programme() {
    let shipped = std::fs::read(root().join("docs/spreadsheet-template.xlsx")).expect("docs/spreadsheet-template.xlsx");
    let (sheets, problems) = read("spreadsheet-template.xlsx", &shipped);
    assert_eq!(problems, Vec::<String>::new());
    let (shipped, _, _) = import_sheets(&sheets);
    let (today, _, _) = import_sheets(&write_sheets(&raw("public/programme.json")));
    assert_eq!(
        shipped, today,
        "docs/spreadsheet-template.xlsx is out of date: run `cargo run --bin programme-import -- --sheets public/programme.json docs/spreadsheet-template.xlsx`"
    );
}

/// A workbook as an organiser keeps it: dates typed as dates, a number id, a formula, a
/// merged cell, a hidden sheet of old rows, and a notes sheet.
fn organisers_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let day_and_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    excel::add_sheet(&mut workbook, "programme", &excel::PROGRAMME_ROWS);
    let events = excel::add_sheet(&mut workbook, "events", &[&["id", "title", "start", "end", "place"]]);
    // Row 2: a day typed as a date.
    events.write_string(1, 0, "opening").unwrap();
    events.write_string(1, 1, "Opening").unwrap();
    events.write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2026, 3, 9).unwrap(), &day).unwrap();
    // Row 3: a session typed as dates and times, after New York's clocks changed (UTC−04:00).
    events.write_number(2, 0, 12).unwrap();
    events.write_string(2, 1, "Session twelve").unwrap();
    let at = |h, m| ExcelDateTime::from_ymd(2026, 3, 11).unwrap().and_hms(h, m, 0).unwrap();
    events.write_datetime_with_format(2, 2, at(14, 0), &day_and_time).unwrap();
    events.write_datetime_with_format(2, 3, at(16, 0), &day_and_time).unwrap();
    // Row 4: its title from a formula (the value as last calculated).
    events.write_string(3, 0, "closing").unwrap();
    events.write_formula(3, 1, Formula::new("=\"Clos\"&\"ing\"").set_result("Closing")).unwrap();
    events.write_string(3, 2, "2026-03-13").unwrap();
    // Rows 5-6: a place merged over two rows: only the first has it.
    for (row, id) in [(4, "side-a"), (5, "side-b")] {
        events.write_string(row, 0, id).unwrap();
        events.write_string(row, 1, format!("Side event {id}")).unwrap();
        events.write_string(row, 2, "2026-03-12").unwrap();
    }
    events.merge_range(4, 4, 5, 4, "Room B", &Format::new()).unwrap();
    let old = workbook.add_worksheet();
    old.set_name("old events").unwrap();
    old.write_string(0, 0, "id").unwrap();
    old.set_hidden(true);
    let notes = workbook.add_worksheet();
    notes.set_name("notes").unwrap();
    notes.write_string(0, 0, "Ask the interpreters about Thursday").unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn typed_cells_become_the_layouts_text_and_what_cannot_be_read_as_it_looks_is_reported() {
    let (sheets, problems) = read("week.xlsx", &organisers_workbook());
    assert_eq!(
        problems,
        [
            "week.xlsx › old events: is a hidden sheet: left out (show it to have it read)",
            "week.xlsx › events, row 5: cells merged from E5: only E5 has the value; unmerge them and fill each cell",
        ]
    );
    let (programme, problems, _) = import_sheets(&sheets);
    assert_eq!(problems, vec![]);
    let event = |id: &str| programme.events.iter().find(|event| event.id == id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(event("opening").when.start, "2026-03-09", "a date cell is a day");
    assert_eq!(event("12").when.start, "2026-03-11T14:00:00-04:00", "local time at the venue, with its offset");
    assert_eq!(event("12").when.end.as_deref(), Some("2026-03-11T16:00:00-04:00"));
    assert_eq!(serde_json::to_value(&event("closing").title).unwrap(), "Closing", "a formula's value");
    assert!(event("side-b").location.is_none(), "the merged cell's other row has no place");
    let converted = convert(Input::Workbook(WorkbookRead { sheets, problems: Vec::new(), local_times: None })).expect("converts");
    assert_eq!(converted.programme.events.len(), 5);
}

/// A workbook of tests/fixtures/workbooks, as LibreOffice Calc saved it.
fn saved_by_libreoffice(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/workbooks").join(name)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

#[test]
fn the_week_saved_by_libreoffice_reads_as_the_week_we_wrote() {
    let (ours, our_problems) = read("week.xlsx", &organisers_workbook());
    let (ours, _, _) = import_sheets(&ours);
    for name in ["week-libreoffice.ods", "week-libreoffice.xlsx"] {
        let (sheets, problems) = read(name, &saved_by_libreoffice(name));
        let problems: Vec<String> = problems.iter().map(|problem| problem.replace(name, "week.xlsx")).collect();
        assert_eq!(problems, our_problems, "{name}");
        let (theirs, problems, _) = import_sheets(&sheets);
        assert_eq!(problems, vec![], "{name}");
        assert_eq!(theirs, ours, "{name}: LibreOffice's file reads otherwise than ours");
    }
}

#[test]
fn the_template_saved_by_libreoffice_is_still_the_seed_programme() {
    let (seed, _, _) = import_sheets(&write_sheets(&raw("public/programme.json")));
    for name in ["template-libreoffice.ods", "template-libreoffice.xlsx"] {
        let (sheets, problems) = read(name, &saved_by_libreoffice(name));
        assert_eq!(problems, Vec::<String>::new(), "{name}");
        let (programme, problems, _) = import_sheets(&sheets);
        assert_eq!(problems, vec![], "{name}");
        assert_eq!(programme, seed, "{name}");
    }
}

/// The sources `scripts/workbook-fixtures` gives LibreOffice to save again.
#[test]
#[ignore = "writes the sources of tests/fixtures/workbooks: run by scripts/workbook-fixtures"]
fn write_the_workbooks_libreoffice_saves_again() {
    let dir = std::path::PathBuf::from(std::env::var("WORKBOOK_FIXTURE_DIR").expect("WORKBOOK_FIXTURE_DIR"));
    std::fs::write(dir.join("week.xlsx"), organisers_workbook()).unwrap();
}

#[test]
fn a_date_and_time_without_the_venues_zone_is_reported_not_guessed() {
    let mut workbook = Workbook::new();
    let events = excel::add_sheet(&mut workbook, "events", &[&["id", "title", "start"], &["a", "A"]]);
    let at = ExcelDateTime::from_ymd(2026, 3, 11).unwrap().and_hms(9, 30, 0).unwrap();
    events.write_datetime_with_format(1, 2, at, &Format::new().set_num_format("yyyy-mm-dd hh:mm")).unwrap();
    let (_, problems) = read("one.xlsx", &workbook.save_to_buffer().unwrap());
    assert_eq!(
        problems,
        ["one.xlsx › events, row 2, column C: is a date and time: give the venue's `time_zone` in the programme sheet, or type the time with its UTC offset"]
    );
}

#[test]
fn what_is_not_a_workbook_is_refused_with_a_reason() {
    for (bytes, expected) in [
        (b"id,title\na,A\n".to_vec(), "cannot be read as a workbook"),
        (b"PK\x03\x04 not really a zip".to_vec(), "cannot be read as a workbook"),
    ] {
        let problem = read_workbook("x.xlsx", &bytes, &offset_at).map(|_| ()).expect_err("refused").to_string();
        assert!(problem.starts_with("x.xlsx: ") && problem.contains(expected), "{problem}");
    }
}

#[test]
fn date_and_time_cells_read_as_the_venues_local_times_are_stated_in_the_report() {
    let read = read_workbook("week.xlsx", &organisers_workbook(), &offset_at).unwrap();
    let local_times = read.local_times.clone().expect("stated");
    assert_eq!(
        local_times,
        LocalTimesRead {
            zone: "America/New_York".into(),
            cells: 2,
            first: "week.xlsx › events, row 3, column C: 2026-03-11 14:00 → 2026-03-11T14:00:00-04:00".into(),
        }
    );
    assert_eq!(convert(Input::Workbook(read)).unwrap().local_times, Some(local_times));
    // Times typed as text with their offset are the organiser's own: nothing to state.
    let text = write_workbook(&raw("tests/fixtures/timed.json")).unwrap();
    assert_eq!(read_workbook("timed.xlsx", &text, &offset_at).unwrap().local_times, None);
}

/// What no programme needs and a hostile file could ask for: a grid of billions of cells from
/// two cells, a million rows, an old binary workbook.
#[test]
fn a_sheet_larger_than_any_programme_is_refused_before_its_cells_are_read() {
    let refused = |file: &str, bytes: &[u8]| read_workbook(file, bytes, &offset_at).map(|_| ()).expect_err("refused").to_string();
    let mut corners = Workbook::new();
    let events = excel::add_sheet(&mut corners, "events", &[&["id", "title", "start"]]);
    events.write_string(1_048_575, 16_383, "far away").unwrap();
    assert_eq!(
        refused("corners.xlsx", &corners.save_to_buffer().unwrap()),
        format!("corners.xlsx › events: has 1048576 rows: a sheet may have {MAX_SHEET_ROWS} at most")
    );
    let mut wide = Workbook::new();
    let events = excel::add_sheet(&mut wide, "events", &[&["id", "title", "start"]]);
    events.write_string(150_000, 16_383, "far right").unwrap();
    assert_eq!(
        refused("wide.xlsx", &wide.save_to_buffer().unwrap()),
        format!(
            "wide.xlsx › events: spans 150001 rows by 16384 columns (2457616384 cells): a sheet may span {MAX_SHEET_CELLS} cells at most"
        )
    );
    // A row repeated a million times is a few bytes of OpenDocument.
    let repeated = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    assert_eq!(
        refused("repeated.ods", &opendocument::with_events("", repeated)),
        format!("repeated.ods › events: has 1000000 rows: a sheet may have {MAX_SHEET_ROWS} at most")
    );
    let mut old = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    old.resize(4096, 0);
    assert_eq!(
        refused("old.xls", &old),
        "old.xls: is an Excel 97-2003 workbook (.xls), which is not read: save it as .xlsx (Excel Workbook) or .ods"
    );
}

#[test]
fn an_opendocument_spreadsheet_reads_like_an_excel_workbook() {
    let (sheets, problems) = read("week.ods", &opendocument::workbook());
    assert_eq!(problems, Vec::<String>::new());
    let (programme, problems, _) = import_sheets(&sheets);
    assert_eq!(problems, vec![]);
    let start = |id: &str| programme.events.iter().find(|event| event.id == id).map(|event| event.when.start.clone());
    assert_eq!(start("opening").as_deref(), Some("2026-03-09"));
    assert_eq!(start("session").as_deref(), Some("2026-03-11T14:00:00-04:00"));
}
