//! One CSV sheet read as a table of trimmed cells, the way spreadsheets export it: UTF-8 with
//! or without a byte order mark, `,`, `;` (Excel in most European locales) or tab separated,
//! quoted cells with separators and line breaks inside. Rows are numbered as the spreadsheet
//! shows them (the header is row 1), whatever line breaks the cells hold.

use std::collections::BTreeMap;

use super::ImportProblem;
use crate::domain::text::RawText;

pub struct Table {
    pub file: String,
    /// Column names, lower-cased, as the layout names them (after `rename_columns`).
    headers: Vec<String>,
    /// Column names as the sheet writes them, for messages.
    written: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// `Err` when the file cannot be read as CSV at all (the problem says where).
    pub fn read(file: &str, text: &str) -> Result<Self, ImportProblem> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader =
            csv::ReaderBuilder::new().delimiter(separator(body)).has_headers(false).flexible(true).from_reader(body.as_bytes());
        let mut records = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|err| {
                let row = err.position().map(|_| index + 1);
                ImportProblem::cell(file, row, None, format!("cannot be read as CSV: {}", csv_message(&err)))
            })?;
            records.push((index + 1, record.iter().map(|cell| cell.trim().to_owned()).collect::<Vec<_>>()));
        }
        let mut records = records.into_iter().filter(|(_, cells)| cells.iter().any(|cell| !cell.is_empty()));
        let Some((_, headers)) = records.next() else {
            return Err(ImportProblem::cell(file, None, None, "is empty: the first row must name the columns"));
        };
        Ok(Table {
            file: file.to_owned(),
            headers: headers.iter().map(|name| name.to_ascii_lowercase()).collect(),
            written: headers,
            rows: records.collect(),
        })
    }

    /// Reads a column named `from` as `to` (with its `@lang` columns), unless the sheet also
    /// has a `to` column: other names people give to the layout's columns.
    pub fn rename_columns(&mut self, aliases: &[(&str, &str)]) {
        for (from, to) in aliases {
            if self.column(to).is_some() {
                continue;
            }
            for header in self.headers.iter_mut() {
                if header == from {
                    *header = (*to).to_owned();
                } else if let Some(lang) = header.strip_prefix(&format!("{from}@")) {
                    *header = format!("{to}@{lang}");
                }
            }
        }
    }

    /// The index of a column by its header (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|header| header == name)
    }

    /// "F (themes)": a column as the organiser finds it in a spreadsheet.
    pub fn column_label(&self, index: usize) -> String {
        format!("{} ({})", letters(index), self.written[index])
    }

    /// The label of the column named `name`, or just the name when the sheet lacks it.
    pub fn label_of(&self, name: &str) -> String {
        self.column(name).map(|index| self.column_label(index)).unwrap_or_else(|| name.to_owned())
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Each data row, to read its cells by column name.
    pub fn each_row(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(number, cells)| Row { table: self, number: *number, cells })
    }

    pub fn problem(&self, row: Option<usize>, column: Option<&str>, message: impl Into<String>) -> ImportProblem {
        ImportProblem::cell(&self.file, row, column.map(|name| self.label_of(name)), message)
    }
}

/// One row of a sheet.
pub struct Row<'a> {
    pub table: &'a Table,
    pub number: usize,
    cells: &'a [String],
}

impl Row<'_> {
    /// A non-empty cell of the column named `name`.
    pub fn get(&self, name: &str) -> Option<String> {
        let index = self.table.column(name)?;
        self.cells.get(index).filter(|cell| !cell.is_empty()).cloned()
    }

    /// A text in one or several languages: the column `name` holds text in the programme's
    /// language; `name@fr`, `name@es`... hold translations. Both kinds in one row: the tagged
    /// ones win, and the untagged one is kept under the programme's `language`, or `en`.
    pub fn text(&self, name: &str, default_language: &str) -> Option<RawText> {
        let prefix = format!("{name}@");
        let mut tagged = BTreeMap::new();
        for (index, header) in self.table.headers.iter().enumerate() {
            if let Some(lang) = header.strip_prefix(&prefix) {
                if let Some(cell) = self.cells.get(index).filter(|cell| !cell.is_empty()) {
                    tagged.insert(lang.to_owned(), cell.clone());
                }
            }
        }
        text_of(self.get(name), tagged, default_language)
    }

    /// A list of ids or tags: separated by `;`, `,`, spaces or line breaks (ids never contain
    /// them, so any separator a spreadsheet user reaches for works).
    pub fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .map(|cell| {
                cell.split(|c: char| c == ';' || c == ',' || c.is_whitespace()).filter(|id| !id.is_empty()).map(str::to_owned).collect()
            })
            .unwrap_or_default()
    }

    pub fn problem(&self, column: &str, message: impl Into<String>) -> ImportProblem {
        self.table.problem(Some(self.number), Some(column), message)
    }
}

/// A text from its untagged value and its translations: plain alone, else one entry per
/// language, the untagged value under `default_language` unless a translation has it.
pub fn text_of(plain: Option<String>, mut tagged: BTreeMap<String, String>, default_language: &str) -> Option<RawText> {
    if tagged.is_empty() {
        return plain.map(RawText::Plain);
    }
    if let Some(plain) = plain {
        tagged.entry(default_language.to_owned()).or_insert(plain);
    }
    Some(RawText::Localised(tagged))
}

/// The separator of the header row: the most frequent of `,` `;` and tab outside quotes.
fn separator(body: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in body.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => counts.iter_mut().filter(|(sep, _)| *sep == byte).for_each(|(_, n)| *n += 1),
            _ => {}
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(sep, _)| *sep)
}

fn csv_message(err: &csv::Error) -> String {
    match err.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text: save it as \"CSV UTF-8\"".to_owned(),
        _ => err.to_string(),
    }
}

/// Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA.
pub fn letters(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// Writes rows as CSV (comma separated, quoted where needed, UTF-8 without a byte order mark).
pub fn write_csv(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    writer.write_record(headers).expect("writing to memory");
    for row in rows {
        writer.write_record(row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("CSV of UTF-8 text is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }

    #[test]
    fn excel_european_csv_reads_like_comma_separated() {
        let comma = Table::read("a.csv", "id,title\nx,\"Hello, world\"\n").unwrap();
        let semicolon = Table::read("a.csv", "\u{feff}ID;Title\r\nx;\"Hello, world\"\r\n").unwrap();
        for table in [comma, semicolon] {
            let row = table.each_row().next().unwrap();
            assert_eq!(row.get("title").as_deref(), Some("Hello, world"));
            assert_eq!(row.number, 2);
        }
    }

    #[test]
    fn rows_count_like_the_spreadsheet_even_with_line_breaks_in_cells() {
        let table = Table::read("a.csv", "id,summary\na,\"two\nlines\"\n,\nb,x\n").unwrap();
        let numbers: Vec<usize> = table.each_row().map(|row| row.number).collect();
        assert_eq!(numbers, vec![2, 4], "the empty row 3 is skipped but still counted");
    }

    #[test]
    fn texts_and_lists() {
        let table = Table::read("a.csv", "title,title@fr,themes\nLaw,Droit,\"law; rights ,courts\"\n").unwrap();
        let row = table.each_row().next().unwrap();
        let text = row.text("title", "en").unwrap();
        assert_eq!(text, RawText::Localised([("en".to_owned(), "Law".to_owned()), ("fr".to_owned(), "Droit".to_owned())].into()));
        assert_eq!(row.list("themes"), vec!["law", "rights", "courts"]);
        assert_eq!(table.label_of("themes"), "C (themes)");
    }
}
