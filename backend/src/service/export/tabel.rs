//! Reading an uploaded export back: CSV (`;`, `,` or tab, with or without BOM) or XLSX (the first sheet) into
//! rows of text cells with their line in the file, the columns found by their header. The file is bounded by
//! [`MAX_BESTAND`] bytes and [`MAX_RIJEN`] rows; every refusal names the input field `inhoud`.

use super::formaat::Formaat;
use crate::error::{ServiceError, ServiceResult};
use base64::Engine;
use koers_shared::Melding;
use koers_shared::export::{MAX_BESTAND, MAX_RIJEN, ontneutraliseer};
use std::collections::HashMap;

/// One data row: its line in the file (CSV) or its row number (XLSX), and its cells.
#[derive(Debug, Clone)]
pub struct Rij {
    pub regel: usize,
    cellen: Vec<String>,
}

/// A read file: the columns by lower-case header, and the rows that are not empty.
#[derive(Debug, Clone, Default)]
pub struct Tabel {
    kolommen: HashMap<String, usize>,
    pub rijen: Vec<Rij>,
}

impl Tabel {
    /// Whether the file has column `naam`.
    pub fn heeft(&self, naam: &str) -> bool {
        self.kolommen.contains_key(&naam.to_lowercase())
    }

    /// The cell of `rij` in column `naam`, trimmed; empty when the file has no such column.
    pub fn cel<'a>(&self, rij: &'a Rij, naam: &str) -> &'a str {
        self.kolommen
            .get(&naam.to_lowercase())
            .and_then(|k| rij.cellen.get(*k))
            .map_or("", String::as_str)
    }

    /// Refuses a file without one of the `nodig` columns, naming them all.
    pub fn vereist(&self, nodig: &[&str]) -> ServiceResult<()> {
        let mist: Vec<&str> = nodig.iter().copied().filter(|k| !self.heeft(k)).collect();
        if mist.is_empty() {
            return Ok(());
        }
        Err(ongeldig(Melding::KolommenOntbreken {
            kolommen: mist.join(", "),
        }))
    }
}

fn ongeldig(melding: Melding) -> ServiceError {
    ServiceError::melding("inhoud", melding)
}

fn te_groot() -> ServiceError {
    ongeldig(Melding::BestandTeGroot {
        kb: MAX_BESTAND / 1024,
    })
}

fn te_veel_regels() -> ServiceError {
    ongeldig(Melding::TeVeelRegels { max: MAX_RIJEN })
}

/// The bytes of `inhoud` as sent in the API: the CSV text itself, or XLSX in base64 (a `data:` URL too).
pub fn bytes(formaat: Formaat, inhoud: &str) -> ServiceResult<Vec<u8>> {
    match formaat {
        Formaat::Csv if inhoud.len() > MAX_BESTAND => Err(te_groot()),
        Formaat::Csv => Ok(inhoud.as_bytes().to_vec()),
        Formaat::Xlsx => {
            let b64 = inhoud.split_once(";base64,").map_or(inhoud, |(_, b)| b);
            let b64: String = b64.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            if b64.len() / 4 * 3 > MAX_BESTAND + 3 {
                return Err(te_groot());
            }
            let b = base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map_err(|_| ongeldig(Melding::GeenBase64))?;
            if b.len() > MAX_BESTAND {
                return Err(te_groot());
            }
            Ok(b)
        }
    }
}

/// Reads `bytes` as a file in `formaat`.
pub fn lees(formaat: Formaat, bytes: &[u8]) -> ServiceResult<Tabel> {
    if bytes.len() > MAX_BESTAND {
        return Err(te_groot());
    }
    let regels = match formaat {
        Formaat::Csv => csv_regels(bytes)?,
        Formaat::Xlsx => xlsx_regels(bytes)?,
    };
    let mut it = regels.into_iter();
    let Some((_, kop)) = it.next() else {
        return Err(ongeldig(Melding::BestandLeeg));
    };
    let kolommen = kop
        .iter()
        .enumerate()
        .filter(|(_, k)| !k.is_empty())
        .map(|(i, k)| (k.to_lowercase(), i))
        .collect();
    let rijen: Vec<Rij> = it
        .filter(|(_, c)| c.iter().any(|c| !c.is_empty()))
        .map(|(regel, cellen)| Rij { regel, cellen })
        .collect();
    if rijen.len() > MAX_RIJEN {
        return Err(te_veel_regels());
    }
    Ok(Tabel { kolommen, rijen })
}

fn cel(s: &str) -> String {
    ontneutraliseer(s.trim()).trim_end().to_string()
}

fn csv_regels(bytes: &[u8]) -> ServiceResult<Vec<(usize, Vec<String>)>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let regel = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        ongeldig(Melding::GeenUtf8 { regel })
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let eerste = text.lines().next().unwrap_or_default();
    let scheiding = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|s| eerste.bytes().filter(|b| b == s).count())
        .unwrap_or(b';');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(scheiding)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut regels = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let regel = e.position().map_or(0, |p| p.line());
            ongeldig(Melding::CsvFout {
                regel: usize::try_from(regel).unwrap_or(usize::MAX),
                fout: e.to_string(),
            })
        })?;
        let regel = rec.position().map_or(0, |p| p.line());
        regels.push((
            usize::try_from(regel).unwrap_or(usize::MAX),
            rec.iter().map(cel).collect(),
        ));
        if regels.len() > MAX_RIJEN + 1 {
            return Err(te_veel_regels());
        }
    }
    Ok(regels)
}

fn xlsx_regels(bytes: &[u8]) -> ServiceResult<Vec<(usize, Vec<String>)>> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ongeldig(Melding::GeenXlsx { fout: e.to_string() }))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| ongeldig(Melding::GeenWerkblad))?
        .map_err(|e| ongeldig(Melding::GeenXlsx { fout: e.to_string() }))?;
    let (rij0, kol0) = range.start().unwrap_or((0, 0));
    let (rij0, kol0) = (rij0 as usize, kol0 as usize);
    if range.height() > MAX_RIJEN + 1 + rij0 {
        return Err(te_veel_regels());
    }
    let tekst = |d: &Data| match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => cel(s),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
        Data::DateTime(d) => d.to_string(),
    };
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let cellen = std::iter::repeat_n(String::new(), kol0)
                .chain(r.iter().map(tekst))
                .collect();
            (rij0 + i + 1, cellen)
        })
        .collect())
}
