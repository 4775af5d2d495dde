//! The three workbook formats read (Excel's .xlsx/.xlsm and .xlsb, OpenDocument's .ods),
//! each by its own calamine reader, told apart by what the zip holds rather than by the name.
//!
//! calamine gives a sheet as a dense grid from its first to its last cell: two cells at A1 and
//! XFD1048576 would ask for 17 billion. A sheet's extent is therefore measured first, from the
//! streamed cells (Excel) or the streamed `content.xml` (OpenDocument, before calamine opens
//! the file, as it reads every sheet when it does), and a sheet larger than a programme can
//! be is refused before its grid is made. Excel 97-2003 `.xls` is not read: its reader gives
//! no extent first, and every spreadsheet application saves `.xlsx`.

use std::io::Cursor;

use calamine::{Cell, Data, DataRef, Ods, Range, Reader, SheetVisible, Xlsb, Xlsx};

use super::opendocument::{self, MergedCell};
use super::{MAX_SHEET_CELLS, MAX_SHEET_ROWS};

type Bytes<'a> = Cursor<&'a [u8]>;

pub enum Book<'a> {
    Xlsx(Box<Xlsx<Bytes<'a>>>),
    Xlsb(Box<Xlsb<Bytes<'a>>>),
    Ods {
        ods: Box<Ods<Bytes<'a>>>,
        merged: Vec<MergedCell>,
    },
    /// An OpenDocument file with a sheet larger than a programme, never opened.
    TooBig {
        sheet: String,
        message: String,
    },
}

impl<'a> Book<'a> {
    /// The workbook in `bytes`, or why it cannot be read: with the sheet's name when a sheet
    /// is too big to be read.
    pub fn open(bytes: &'a [u8]) -> Result<Self, (Option<String>, String)> {
        Self::open_unchecked(bytes).map_err(|message| (None, message))?.checked()
    }

    fn open_unchecked(bytes: &'a [u8]) -> Result<Self, String> {
        const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if bytes.starts_with(OLE) {
            return Err("is an Excel 97-2003 workbook (.xls), which is not read: save it as .xlsx (Excel Workbook) or .ods".into());
        }
        let unreadable = |err: &dyn std::fmt::Display| format!("cannot be read as a workbook (.xlsx, .xlsb or .ods): {err}");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|err| unreadable(&err))?;
        let holds = |name: &str| archive.index_for_name(name).is_some();
        if holds("content.xml") {
            let layout = opendocument::layout(&mut archive);
            for (sheet, rows, columns) in layout.extents {
                // Refused before calamine opens the file: it reads every sheet when it does.
                if let Err(message) = check_extent(rows, columns) {
                    return Ok(Book::TooBig { sheet, message });
                }
            }
            let ods = Ods::new(Cursor::new(bytes)).map_err(|err| unreadable(&err))?;
            Ok(Book::Ods { ods: Box::new(ods), merged: layout.merged })
        } else if holds("xl/workbook.bin") {
            Ok(Book::Xlsb(Box::new(Xlsb::new(Cursor::new(bytes)).map_err(|err| unreadable(&err))?)))
        } else {
            Ok(Book::Xlsx(Box::new(Xlsx::new(Cursor::new(bytes)).map_err(|err| unreadable(&err))?)))
        }
    }

    fn checked(self) -> Result<Self, (Option<String>, String)> {
        match self {
            Book::TooBig { sheet, message } => Err((Some(sheet), message)),
            book => Ok(book),
        }
    }

    /// The sheets in order, with whether each is visible.
    pub fn sheets(&self) -> Vec<(String, SheetVisible)> {
        let metadata = match self {
            Book::Xlsx(book) => book.sheets_metadata(),
            Book::Xlsb(book) => book.sheets_metadata(),
            Book::Ods { ods, .. } => ods.sheets_metadata(),
            Book::TooBig { .. } => return Vec::new(),
        };
        metadata.iter().map(|sheet| (sheet.name.clone(), sheet.visible)).collect()
    }

    /// A sheet's cells, once its extent is known to be a programme's; `Err` says why not.
    pub fn range(&mut self, name: &str) -> Result<Range<Data>, SheetError> {
        let cannot = |err: &dyn std::fmt::Display| SheetError::Unreadable(format!("cannot be read: {err}"));
        match self {
            Book::Xlsx(book) => {
                let extent = {
                    let mut cells = book.worksheet_cells_reader(name).map_err(|err| cannot(&err))?;
                    measure(|| cells.next_cell()).map_err(|err| cannot(&err))?
                };
                extent.check()?;
                book.worksheet_range(name).map_err(|err| cannot(&err))
            }
            Book::Xlsb(book) => {
                let extent = {
                    let mut cells = book.worksheet_cells_reader(name).map_err(|err| cannot(&err))?;
                    measure(|| cells.next_cell()).map_err(|err| cannot(&err))?
                };
                extent.check()?;
                book.worksheet_range(name).map_err(|err| cannot(&err))
            }
            Book::Ods { ods, .. } => ods.worksheet_range(name).map_err(|err| cannot(&err)),
            Book::TooBig { message, .. } => Err(SheetError::TooBig(message.clone())),
        }
    }

    /// The merged cells of the sheets named (sheet, first row, first column); .xlsb gives none.
    pub fn merged(&mut self, names: &[&str]) -> Vec<MergedCell> {
        match self {
            Book::Xlsx(book) => names
                .iter()
                .flat_map(|name| {
                    let cells = book.merge_cells_by_sheet_name(name).unwrap_or_default();
                    cells.into_iter().map(|merged| ((*name).to_owned(), merged.start.0, merged.start.1)).collect::<Vec<_>>()
                })
                .collect(),
            Book::Ods { merged, .. } => merged.iter().filter(|(sheet, _, _)| names.contains(&sheet.as_str())).cloned().collect(),
            // calamine gives no merged cells of .xlsb: such a cell reads as its first cell's
            // value with empty ones beside it, as a CSV export of it would.
            Book::Xlsb(_) | Book::TooBig { .. } => Vec::new(),
        }
    }
}

/// Why a sheet's cells are not given.
pub enum SheetError {
    /// Larger than any programme: nothing of it is read.
    TooBig(String),
    Unreadable(String),
}

/// The rows and columns from A1 to a sheet's last cell with something in it.
#[derive(Default)]
struct Extent {
    rows: u64,
    columns: u64,
}

impl Extent {
    fn check(&self) -> Result<(), SheetError> {
        check_extent(self.rows, self.columns).map_err(SheetError::TooBig)
    }
}

/// The extent of the cells a reader streams (Excel's readers, which stream alike).
fn measure<'a, E>(mut next_cell: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, E>) -> Result<Extent, E> {
    let mut extent = Extent::default();
    while let Some(cell) = next_cell()? {
        if !matches!(cell.get_value(), DataRef::Empty) {
            let (row, column) = cell.get_position();
            extent.rows = extent.rows.max(u64::from(row) + 1);
            extent.columns = extent.columns.max(u64::from(column) + 1);
        }
    }
    Ok(extent)
}

/// Refuses a sheet larger than any programme: too many rows, or too many cells in all.
pub fn check_extent(rows: u64, columns: u64) -> Result<(), String> {
    if rows > MAX_SHEET_ROWS as u64 {
        return Err(format!("has {rows} rows: a sheet may have {MAX_SHEET_ROWS} at most"));
    }
    let cells = rows.saturating_mul(columns);
    if cells > MAX_SHEET_CELLS as u64 {
        return Err(format!("spans {rows} rows by {columns} columns ({cells} cells): a sheet may span {MAX_SHEET_CELLS} cells at most"));
    }
    Ok(())
}
