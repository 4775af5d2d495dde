//! What calamine does not tell of an OpenDocument spreadsheet before it reads every cell: the
//! sheets' extents (a row or cell may be repeated a million times in a few bytes), and its
//! merged cells (cells spanning more than one row or column). Both are found by streaming
//! `content.xml`, so that a big sheet costs no more memory than the reader's buffer.

use std::io::{BufReader, Read, Seek};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// A merged cell's sheet, and its first row and column (counted from 0).
pub type MergedCell = (String, u32, u32);

/// What the sheets of an OpenDocument spreadsheet hold, before they are read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The cells spanning more than one cell, in document order.
    pub merged: Vec<MergedCell>,
    /// Each sheet's rows and columns from A1 to its last cell with something in it.
    pub extents: Vec<(String, u64, u64)>,
}

/// The layout of the archive's `content.xml` (the zip already opened, not parsed again);
/// empty when it has none or it cannot be read (calamine then says why).
pub fn layout<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Layout {
    let Ok(content) = archive.by_name("content.xml") else { return Layout::default() };
    scan(BufReader::new(content))
}

fn scan(content: impl Read) -> Layout {
    let mut reader = Reader::from_reader(BufReader::new(content));
    let (mut buf, mut layout) = (Vec::new(), Layout::default());
    let (mut sheet, mut row, mut column) = (String::new(), 0u32, 0u32);
    let mut row_repeated = 1;
    // The sheet being read's extent.
    let (mut rows, mut columns) = (0u64, 0u64);
    loop {
        let (element, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(element)) => (element, false),
            Ok(Event::Empty(element)) => (element, true),
            Ok(Event::End(element)) if element.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(row_repeated);
                buf.clear();
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {
                buf.clear();
                continue;
            }
        };
        match element.name().as_ref() {
            "table:table" => {
                sheet = attribute(&element, "table:name").unwrap_or_default();
                layout.extents.push((sheet.clone(), 0, 0));
                (row, rows, columns) = (0, 0, 0);
            }
            "table:table-row" => {
                column = 0;
                row_repeated = number(&element, "table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(row_repeated);
                }
            }
            name @ ("table:table-cell" | "table:covered-table-cell") => {
                let spans = number(&element, "table:number-rows-spanned") > 1 || number(&element, "table:number-columns-spanned") > 1;
                if name == "table:table-cell" && spans {
                    layout.merged.push((sheet.clone(), row, column));
                }
                let repeated = number(&element, "table:number-columns-repeated");
                // A cell with content has children (its text) or a typed value.
                if !empty || element.try_get_attribute("office:value-type").ok().flatten().is_some() {
                    rows = rows.max(u64::from(row) + u64::from(row_repeated));
                    columns = columns.max(u64::from(column) + u64::from(repeated));
                    if let Some(extent) = layout.extents.last_mut() {
                        (extent.1, extent.2) = (rows, columns);
                    }
                }
                column = column.saturating_add(repeated);
            }
            _ => {}
        }
        buf.clear();
    }
    layout
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    let value = element.try_get_attribute(name).ok()??;
    value.normalized_value(XmlVersion::Implicit1_0).ok().map(|value| value.into_owned())
}

/// A count attribute (repeats, spans): 1 when absent.
fn number(element: &BytesStart, name: &str) -> u32 {
    attribute(element, name).and_then(|value| value.parse().ok()).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_and_extents_are_found_past_repeated_rows_and_columns() {
        let content = r#"<office:document-content><office:body><office:spreadsheet>
            <table:table table:name="a &amp; b"><table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>
              <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-rows-spanned="2"><text:p>x</text:p></table:table-cell></table:table-row>
              <table:table-row><table:table-cell/><table:covered-table-cell table:number-columns-spanned="1"/></table:table-row>
            </table:table>
            <table:table table:name="events"><table:table-row/><table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1"/></table:table-row></table:table>
        </office:spreadsheet></office:body></office:document-content>"#;
        let layout = scan(content.as_bytes());
        assert_eq!(layout.merged, [("a & b".to_owned(), 3, 2), ("events".to_owned(), 1, 0)]);
        // "a & b": its content ends at C4 (empty cells around it do not count); "events" is empty.
        assert_eq!(layout.extents, [("a & b".to_owned(), 4, 3), ("events".to_owned(), 0, 0)]);
    }

    #[test]
    fn a_cell_repeated_a_million_times_in_a_few_bytes_gives_its_whole_extent() {
        let content = r#"<table:table table:name="s"><table:table-row table:number-rows-repeated="1000000">
            <table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>
            </table:table-row><table:table-row table:number-rows-repeated="48576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
        assert_eq!(scan(content.as_bytes()).extents, [("s".to_owned(), 1_000_000, 16_384)]);
    }
}
