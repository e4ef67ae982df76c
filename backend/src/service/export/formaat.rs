//! An export written as CSV (UTF-8 with BOM, `;` between cells as a Dutch spreadsheet expects) or XLSX, with
//! the columns of [`KOLOMMEN`]. No cell runs as a formula: in CSV a text starting with `= + - @`, tab or CR
//! gets a leading `'`; in XLSX every text is a string cell, those marked "quote prefix" besides.

use super::{ActieRij, ExportRij, actie_id};
use crate::error::{ServiceError, ServiceResult};
use koers_shared::export::{KOLOMMEN, ORGANISATIE_SCHEIDING, is_formule_begin, neutraliseer};

/// A file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    Csv,
    Xlsx,
}

impl Formaat {
    /// The file extension, which also names it in a URL.
    pub fn extensie(self) -> &'static str {
        match self {
            Formaat::Csv => "csv",
            Formaat::Xlsx => "xlsx",
        }
    }

    /// The format of extension `ext`.
    pub fn van_extensie(ext: &str) -> Option<Formaat> {
        match ext {
            "csv" => Some(Formaat::Csv),
            "xlsx" => Some(Formaat::Xlsx),
            _ => None,
        }
    }

    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Formaat::Csv => "text/csv; charset=utf-8",
            Formaat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
enum Cel {
    Tekst(String),
    Getal(i32),
    Leeg,
}

fn tekst(s: impl Into<String>) -> Cel {
    Cel::Tekst(s.into())
}

/// The cells of `r` in the order of [`KOLOMMEN`].
fn cellen(r: &ExportRij) -> Vec<Cel> {
    let mut c = vec![tekst(&r.thema), tekst(&r.actieplan), tekst(&r.opgave)];
    match &r.actie {
        None => c.resize(KOLOMMEN.len(), Cel::Leeg),
        Some(a) => c.extend(actie_cellen(a)),
    }
    c
}

fn actie_cellen(a: &ActieRij) -> Vec<Cel> {
    let of_leeg = |s: Option<String>| s.map_or(Cel::Leeg, Cel::Tekst);
    vec![
        tekst(&a.titel),
        Cel::Getal(a.jaar),
        a.kwartaal.map_or(Cel::Leeg, Cel::Getal),
        of_leeg(a.status.map(|s| s.label().to_string())),
        of_leeg(a.gezondheid.map(|g| g.label().to_string())),
        of_leeg(a.gezondheid_reden.clone()),
        a.voortgang.map_or(Cel::Leeg, Cel::Getal),
        tekst(a.trekkers.join(ORGANISATIE_SCHEIDING)),
        tekst(a.partners.join(ORGANISATIE_SCHEIDING)),
        tekst(if a.vertrouwelijk { "ja" } else { "nee" }),
        tekst(a.gewijzigd_op.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        tekst(&a.bron),
        tekst(actie_id(a.id)),
        Cel::Getal(a.versie),
        Cel::Leeg,
    ]
}

/// `rijen` as a file in `formaat`.
pub fn schrijf(formaat: Formaat, rijen: &[ExportRij]) -> ServiceResult<Vec<u8>> {
    match formaat {
        Formaat::Csv => csv(rijen),
        Formaat::Xlsx => xlsx(rijen),
    }
}

fn csv(rijen: &[ExportRij]) -> ServiceResult<Vec<u8>> {
    let fout = |e: csv::Error| ServiceError::Internal(format!("csv: {e}"));
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(KOLOMMEN).map_err(fout)?;
    for r in rijen {
        let velden = cellen(r).into_iter().map(|c| match c {
            Cel::Tekst(s) => neutraliseer(&s),
            Cel::Getal(n) => n.to_string(),
            Cel::Leeg => String::new(),
        });
        w.write_record(velden).map_err(fout)?;
    }
    w.into_inner()
        .map_err(|e| ServiceError::Internal(format!("csv: {e}")))
}

fn xlsx(rijen: &[ExportRij]) -> ServiceResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook, XlsxError};
    let fout = |e: XlsxError| ServiceError::Internal(format!("xlsx: {e}"));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Acties").map_err(fout)?;
    let kop = Format::new().set_bold();
    let veilig = Format::new().set_quote_prefix();
    let laatste_kolom = u16::try_from(KOLOMMEN.len() - 1).unwrap_or(u16::MAX);
    for (k, naam) in (0u16..).zip(KOLOMMEN) {
        ws.write_string_with_format(0, k, naam, &kop).map_err(fout)?;
        let breedte = match naam {
            "actie" | "bron" | "gezondheidReden" => 48,
            "thema" | "actieplan" | "opgave" | "trekkers" | "partners" => 28,
            _ => 14,
        };
        ws.set_column_width(k, breedte).map_err(fout)?;
    }
    for (rij, r) in (1u32..).zip(rijen) {
        for (k, cel) in (0u16..).zip(cellen(r)) {
            match cel {
                Cel::Tekst(s) if is_formule_begin(&s) => {
                    ws.write_string_with_format(rij, k, s, &veilig).map_err(fout)?
                }
                Cel::Tekst(s) => ws.write_string(rij, k, s).map_err(fout)?,
                Cel::Getal(n) => ws.write_number(rij, k, n).map_err(fout)?,
                Cel::Leeg => ws,
            };
        }
    }
    let last_row = u32::try_from(rijen.len()).unwrap_or(u32::MAX);
    ws.set_freeze_panes(1, 0).map_err(fout)?;
    ws.autofilter(0, 0, last_row, laatste_kolom).map_err(fout)?;
    wb.save_to_buffer().map_err(fout)
}
