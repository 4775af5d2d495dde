//! An OpenDocument spreadsheet (.ods) made in the tests, shared by the native tests and the
//! organiser's journey: no .ods writer crate is at hand (tests/fixtures/workbooks has files
//! LibreOffice saved), and hostile layouts are written here as no application would.

/// An OpenDocument spreadsheet as LibreOffice lays it out (the parts calamine needs): the
/// programme sheet with its zone, and events with a date cell and a date-and-time cell.
pub fn workbook() -> Vec<u8> {
    let cell = |value: &str| format!("<table:table-cell office:value-type=\"string\"><text:p>{value}</text:p></table:table-cell>");
    let date = |value: &str| {
        format!("<table:table-cell office:value-type=\"date\" office:date-value=\"{value}\"><text:p>{value}</text:p></table:table-cell>")
    };
    let row = |cells: Vec<String>| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let programme = [("field", "value"), ("id", "ws-2026"), ("title", "Workshop week"), ("time_zone", "America/New_York")]
        .iter()
        .map(|(field, value)| row(vec![cell(field), cell(value)]))
        .collect::<String>();
    let events = [
        row(vec![cell("id"), cell("title"), cell("start")]),
        row(vec![cell("opening"), cell("Opening"), date("2026-03-09")]),
        row(vec![cell("session"), cell("Session"), date("2026-03-11T14:00:00")]),
    ]
    .concat();
    with_events(&programme, &events)
}

/// A spreadsheet of a programme sheet and an events sheet, of these rows (`table:table-row`s).
pub fn with_events(programme: &str, events: &str) -> Vec<u8> {
    use std::io::Write;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="programme">{programme}</table:table><table:table table:name="events">{events}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    for (name, text) in [("META-INF/manifest.xml", manifest.to_owned()), ("content.xml", content)] {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
