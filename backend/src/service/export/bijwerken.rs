//! Re-import of an export for bulk progress updates (status, health with reason, progress, a note): every row
//! goes through the write path of a single progress report (rights, rules, versie, history, audit, webhooks,
//! subscriptions) inside ONE transaction, which is committed only when no row has a problem and it is not a dry
//! run. A row whose versie is stale is a CONFLICT, never an overwrite — unless the row still holds the state of
//! that versie (it was not edited), then it is left alone.

use super::formaat::Formaat;
use super::lees_actie_id;
use super::tabel::{self, Rij, Tabel};
use crate::entities::{actie, voortgangsupdate};
use crate::error::{ServiceError, ServiceResult};
use crate::service::invoer::VoortgangMelding;
use crate::service::rechten::{mag_iets_wijzigen, plan_en_thema};
use crate::service::{Services, audit};
use crate::toegang::Kijker;
use koers_shared::export::{KOLOMMEN_VOORTGANG, RijCode};
use koers_shared::{ActieToestand, GeldigeToestand, Gezondheid, Status, valideer_toestand};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// What happens to a row without problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uitkomst {
    /// Its state is written (would be, in a dry run).
    Gewijzigd,
    /// It holds the actie's current state: nothing to write.
    Ongewijzigd,
    /// The actie changed since the export, but this row was not edited: it is left alone.
    IntussenGewijzigd,
}

/// A row without problems and what happens to it.
#[derive(Debug, Clone)]
pub struct BijwerkRegel {
    pub regel: usize,
    pub actie_id: i32,
    pub titel: String,
    pub uitkomst: Uitkomst,
    /// The columns whose value changes.
    pub velden: Vec<&'static str>,
    /// The actie's versie after the import (as it is, when nothing changes).
    pub versie: i32,
    /// Columns the file changed that a progress import does not take over (the actie's title, year, quarter):
    /// said back, so nothing the user typed is dropped silently.
    pub genegeerd: Vec<&'static str>,
}

/// A problem of one row (`regel`) or of the file as a whole, naming the column where there is one.
#[derive(Debug, Clone)]
pub struct RijProbleem {
    pub regel: Option<usize>,
    pub veld: Option<String>,
    pub code: RijCode,
    pub melding: String,
    /// With CONFLICT: the actie's current versie.
    pub huidige_versie: Option<i32>,
}

/// The outcome of a re-import: every row's result or problem; `toegepast` when it was committed.
#[derive(Debug, Clone, Default)]
pub struct BijwerkVerslag {
    pub regels: Vec<BijwerkRegel>,
    pub problemen: Vec<RijProbleem>,
    pub toegepast: bool,
}

/// A parsed row: which actie, at which versie, to which state.
struct Voorstel {
    regel: usize,
    id: i32,
    versie: i32,
    toestand: ActieToestand,
    toelichting: Option<String>,
    /// The descriptive cells as the file has them: title, year, quarter.
    titel: String,
    jaar: String,
    kwartaal: String,
}

impl BijwerkVerslag {
    fn probleem(&mut self, regel: usize, veld: &str, code: RijCode, melding: impl Into<String>) {
        self.problemen.push(RijProbleem {
            regel: Some(regel),
            veld: Some(veld.to_string()),
            code,
            melding: melding.into(),
            huidige_versie: None,
        });
    }

    /// Records a refusal of the write path as the problem of row `regel`; other errors are no row's fault.
    fn weigering(&mut self, regel: usize, e: ServiceError) -> ServiceResult<()> {
        match e {
            ServiceError::Invalid(fouten) => {
                for f in fouten {
                    self.probleem(regel, &f.veld, RijCode::BadUserInput, f.tekst());
                }
            }
            ServiceError::NotFound(_) => self.probleem(
                regel,
                "id",
                RijCode::NotFound,
                "deze actie bestaat niet (of u mag haar niet zien)",
            ),
            ServiceError::Conflict { huidige, gestuurd } => {
                self.probleem(
                    regel,
                    "versie",
                    RijCode::Conflict,
                    format!("intussen gewijzigd door een ander: de huidige versie is {huidige}, het bestand heeft {gestuurd}"),
                );
                if let Some(p) = self.problemen.last_mut() {
                    p.huidige_versie = Some(huidige);
                }
            }
            ServiceError::Forbidden(m) => self.probleem(regel, "id", RijCode::Forbidden, m),
            other => return Err(other),
        }
        Ok(())
    }
}

fn optie<T: std::str::FromStr>(s: &str) -> Result<Option<T>, ()> {
    if s.is_empty() {
        Ok(None)
    } else {
        s.parse().map(Some).map_err(|_| ())
    }
}

/// Reads one row into a proposal, or records its problems.
fn voorstel(t: &Tabel, r: &Rij, v: &mut BijwerkVerslag) -> Option<Voorstel> {
    let cel = |k: &str| t.cel(r, k);
    let n = v.problemen.len();
    let id = match cel("id") {
        "" if cel("actie").is_empty() => return None,
        "" => {
            v.probleem(
                r.regel,
                "id",
                RijCode::BadUserInput,
                "een regel zonder id is een nieuwe actie: die komt met de planimport",
            );
            None
        }
        s => lees_actie_id(s).or_else(|| {
            v.probleem(
                r.regel,
                "id",
                RijCode::BadUserInput,
                format!("'{s}' is geen id van een actie"),
            );
            None
        }),
    };
    let versie = cel("versie").parse::<i32>().ok().filter(|n| *n > 0);
    if versie.is_none() {
        v.probleem(
            r.regel,
            "versie",
            RijCode::BadUserInput,
            "versie is een geheel getal vanaf 1",
        );
    }
    let status = optie::<Status>(cel("status"));
    let gezondheid = optie::<Gezondheid>(cel("gezondheid"));
    let voortgang = optie::<i64>(cel("voortgang").trim_end_matches('%').trim_end());
    for (veld, fout) in [
        ("status", status.is_err()),
        ("gezondheid", gezondheid.is_err()),
        ("voortgang", voortgang.is_err()),
    ] {
        if fout {
            v.probleem(
                r.regel,
                veld,
                RijCode::BadUserInput,
                format!("onbekende waarde '{}'", cel(veld)),
            );
        }
    }
    let toestand = ActieToestand {
        status: status.ok().flatten(),
        gezondheid: gezondheid.ok().flatten(),
        gezondheid_reden: Some(cel("gezondheidReden").to_string()).filter(|s| !s.is_empty()),
        voortgang: voortgang.ok().flatten(),
    };
    let toelichting = Some(cel("toelichting").to_string()).filter(|s| !s.is_empty());
    if v.problemen.len() > n {
        return None;
    }
    Some(Voorstel {
        regel: r.regel,
        id: id?,
        versie: versie?,
        toestand,
        toelichting,
        titel: cel("actie").trim().to_string(),
        jaar: cel("jaar").trim().to_string(),
        kwartaal: cel("kwartaal").trim().to_string(),
    })
}

/// The descriptive columns in which row `vs` differs from the stored actie: a progress import leaves them.
fn genegeerd(vs: &Voorstel, a: &actie::Model) -> Vec<&'static str> {
    let kwartaal = a.kwartaal.map(|k| k.to_string()).unwrap_or_default();
    [
        ("actie", vs.titel == a.titel.trim()),
        ("jaar", vs.jaar == a.jaar.to_string()),
        ("kwartaal", vs.kwartaal == kwartaal),
    ]
    .into_iter()
    .filter(|(_, gelijk)| !gelijk)
    .map(|(k, _)| k)
    .collect()
}

/// The columns in which `doel` differs from a stored state.
fn verschil(
    doel: &GeldigeToestand,
    status: &str,
    gezondheid: Option<&str>,
    reden: Option<&str>,
    voortgang: Option<i32>,
) -> Vec<&'static str> {
    let mut velden = Vec::new();
    if doel.status.as_str() != status {
        velden.push("status");
    }
    if doel.gezondheid.map(Gezondheid::as_str) != gezondheid {
        velden.push("gezondheid");
    }
    if doel.gezondheid_reden.as_deref() != reden {
        velden.push("gezondheidReden");
    }
    if doel.voortgang.map(i32::from) != voortgang {
        velden.push("voortgang");
    }
    velden
}

impl Services {
    /// Re-imports progress from an export in `formaat` (`inhoud`: CSV text or XLSX in base64). With
    /// `droogoefenen` it only says per row what would change and every problem; otherwise, when no row has a
    /// problem, every change is written in one transaction (history, audit, webhooks and subscriptions as a
    /// single progress report each), else nothing is.
    pub async fn voortgang_importeren(
        &self,
        kijker: &Kijker,
        formaat: Formaat,
        inhoud: &str,
        droogoefenen: bool,
    ) -> ServiceResult<BijwerkVerslag> {
        mag_iets_wijzigen(kijker)?;
        let t = tabel::lees(formaat, &tabel::bytes(formaat, inhoud)?)?;
        t.vereist(&KOLOMMEN_VOORTGANG)?;
        let mut v = BijwerkVerslag::default();
        let mut gezien: HashMap<i32, usize> = HashMap::new();
        let mut voorstellen = Vec::new();
        for r in &t.rijen {
            let Some(vs) = voorstel(&t, r, &mut v) else {
                continue;
            };
            if let Some(eerder) = gezien.insert(vs.id, vs.regel) {
                v.probleem(
                    vs.regel,
                    "id",
                    RijCode::BadUserInput,
                    format!("deze actie staat al op regel {eerder}"),
                );
                continue;
            }
            voorstellen.push(vs);
        }
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let mut events = Vec::new();
        for vs in voorstellen {
            let Some(huidig) = actie::Entity::find_by_id(vs.id).one(&txn).await? else {
                v.weigering(vs.regel, ServiceError::NotFound("actie".into()))?;
                continue;
            };
            let (_, thema) = plan_en_thema(&txn, huidig.opgave_id).await?;
            if !kijker.ziet_actie(thema, huidig.vertrouwelijk) {
                v.weigering(vs.regel, ServiceError::NotFound("actie".into()))?;
                continue;
            }
            let doel = match valideer_toestand(&vs.toestand) {
                Ok(d) => d,
                Err(f) => {
                    v.weigering(vs.regel, ServiceError::Invalid(f))?;
                    continue;
                }
            };
            let overgeslagen = genegeerd(&vs, &huidig);
            let regel = |uitkomst, velden, versie| BijwerkRegel {
                regel: vs.regel,
                actie_id: huidig.id,
                titel: huidig.titel.clone(),
                uitkomst,
                velden,
                versie,
                genegeerd: overgeslagen.clone(),
            };
            let velden = verschil(
                &doel,
                &huidig.status,
                huidig.gezondheid.as_deref(),
                huidig.gezondheid_reden.as_deref(),
                huidig.voortgang,
            );
            if velden.is_empty() {
                v.regels.push(regel(Uitkomst::Ongewijzigd, velden, huidig.versie));
                continue;
            }
            if vs.versie != huidig.versie {
                let toen = voortgangsupdate::Entity::find()
                    .filter(voortgangsupdate::Column::ActieId.eq(huidig.id))
                    .filter(voortgangsupdate::Column::Versie.eq(vs.versie))
                    .one(&txn)
                    .await?;
                let onaangeroerd = toen.is_some_and(|h| {
                    verschil(
                        &doel,
                        &h.status_naar,
                        h.gezondheid_naar.as_deref(),
                        h.gezondheid_reden_naar.as_deref(),
                        h.voortgang_naar,
                    )
                    .is_empty()
                });
                if onaangeroerd {
                    v.regels
                        .push(regel(Uitkomst::IntussenGewijzigd, Vec::new(), huidig.versie));
                } else {
                    v.weigering(
                        vs.regel,
                        ServiceError::Conflict {
                            huidige: huidig.versie,
                            gestuurd: vs.versie,
                        },
                    )?;
                }
                continue;
            }
            let m = VoortgangMelding {
                id: huidig.id,
                versie: vs.versie,
                status: Some(doel.status),
                gezondheid: Some(doel.gezondheid),
                gezondheid_reden: Some(doel.gezondheid_reden.clone()),
                voortgang: Some(doel.voortgang.map(i64::from)),
                toelichting: vs
                    .toelichting
                    .clone()
                    .or_else(|| Some("Bijgewerkt met een importbestand".into())),
                door: door.clone(),
            };
            let uit = match m.check() {
                Ok(()) => self.voortgang_in(&txn, kijker, &m).await,
                Err(e) => Err(e),
            };
            match uit {
                Ok((saved, event)) => {
                    v.regels.push(regel(Uitkomst::Gewijzigd, velden, saved.versie));
                    events.push(event);
                }
                Err(e) => v.weigering(vs.regel, e)?,
            }
        }
        if droogoefenen || !v.problemen.is_empty() {
            txn.rollback().await?;
            return Ok(v);
        }
        let gewijzigd = events.len();
        audit::schrijf(
            &txn,
            kijker,
            "voortgangImporteren",
            None,
            serde_json::json!({ "regels": v.regels.len(), "gewijzigd": gewijzigd }),
        )
        .await?;
        self.db.commit(txn).await?;
        for e in events {
            self.verspreid(e);
        }
        v.toegepast = true;
        Ok(v)
    }
}
