//! Writes: creating an actie, changing it, and reporting its progress. Input is parsed into valid values before
//! anything is written; each accepted change bumps the version (optimistic concurrency) and writes its history
//! row in the same transaction; subscribers hear of it after the commit (other instances
//! through PostgreSQL, see `events`).

pub use super::actie_rijen::{NieuweActie, insert_actie};
use super::actie_rijen::{history, link_organisaties};
use super::invoer::{ActieInvoer, ActieWijziging, GeldigeActie, VoortgangMelding};
use super::rechten::{mag_iets_wijzigen, mag_wijzigen_in, plan_en_thema};
use super::webhooks::aankondigen as webhook_melden;
use super::{Services, audit};
use crate::entities::webhook_levering::Gebeurtenis;
use crate::entities::{actie, actie_organisatie, opgave, organisatie};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::Kijker;
use koers_shared::melding::{Ding, Melding};
use koers_shared::{ActieToestand, Status, valideer_toestand};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter};

async fn check_refs(
    txn: &DatabaseTransaction,
    opgave_id: Option<i32>,
    orgs: &[(&str, &[i32])],
) -> ServiceResult<()> {
    if let Some(id) = opgave_id {
        match opgave::Entity::find_by_id(id).one(txn).await? {
            None => {
                return Err(ServiceError::melding(
                    "opgave",
                    Melding::BestaatNiet { ding: Ding::Opgave },
                ));
            }
            Some(o) if o.vervallen => {
                return Err(ServiceError::melding(
                    "opgave",
                    Melding::Vervallen { ding: Ding::Opgave },
                ));
            }
            Some(_) => {}
        }
    }
    for (veld, ids) in orgs {
        let unique: std::collections::BTreeSet<i32> = ids.iter().copied().collect();
        if unique.len() != ids.len() {
            return Err(ServiceError::melding(
                veld,
                Melding::Dubbel {
                    ding: Ding::Organisatie,
                },
            ));
        }
        let found = organisatie::Entity::find()
            .filter(organisatie::Column::Id.is_in(unique.iter().copied()))
            .count(txn)
            .await?;
        if found != unique.len() as u64 {
            return Err(ServiceError::melding(
                veld,
                Melding::EenBestaatNiet {
                    ding: Ding::Organisatie,
                },
            ));
        }
    }
    Ok(())
}

impl Services {
    /// Creates an actie.
    pub async fn actie_aanmaken(
        &self,
        kijker: &Kijker,
        mut invoer: ActieInvoer,
    ) -> ServiceResult<actie::Model> {
        mag_iets_wijzigen(kijker)?;
        invoer.door = kijker.naam();
        let GeldigeActie {
            nieuw,
            door,
            toelichting,
        } = invoer.parse()?;
        let txn = self.db.begin_write().await?;
        check_refs(
            &txn,
            Some(nieuw.opgave_id),
            &[("trekkers", &nieuw.trekkers), ("partners", &nieuw.partners)],
        )
        .await?;
        let plaats = plan_en_thema(&txn, nieuw.opgave_id).await?;
        mag_wijzigen_in(kijker, plaats.1, nieuw.vertrouwelijk)?;
        let model = insert_actie(&txn, nieuw, &door, toelichting).await?;
        webhook_melden(&txn, Gebeurtenis::ActieAangemaakt, &model, plaats).await?;
        audit::schrijf(
            &txn,
            kijker,
            "actieAanmaken",
            Some(format!("actie/{}", model.id)),
            serde_json::json!({ "versie": model.versie, "titel": model.titel }),
        )
        .await?;
        let event = self
            .aankondigen(&txn, &model, model.vertrouwelijk, plaats)
            .await?;
        self.db.commit(txn).await?;
        self.verspreid(event);
        Ok(model)
    }

    /// The stored actie at version `versie` with its plan and thema, if `kijker` may see and change it. An
    /// actie it may not see is NOT_FOUND, as if it did not exist.
    async fn current(
        txn: &DatabaseTransaction,
        kijker: &Kijker,
        id: i32,
        versie: i32,
    ) -> ServiceResult<(actie::Model, (i32, i32))> {
        let huidig = actie::Entity::find_by_id(id)
            .one(txn)
            .await?
            .ok_or_else(|| ServiceError::NotFound("actie".into()))?;
        let plaats = plan_en_thema(txn, huidig.opgave_id).await?;
        let thema = plaats.1;
        if !kijker.ziet_actie(thema, huidig.vertrouwelijk) {
            return Err(ServiceError::NotFound("actie".into()));
        }
        mag_wijzigen_in(kijker, thema, huidig.vertrouwelijk)?;
        if huidig.versie != versie {
            return Err(ServiceError::Conflict {
                huidige: huidig.versie,
                gestuurd: versie,
            });
        }
        Ok((huidig, plaats))
    }

    /// Writes `nieuw` if the stored version is still `huidig.versie`, with its history row.
    pub(super) async fn save(
        txn: &DatabaseTransaction,
        huidig: &actie::Model,
        mut nieuw: actie::Model,
        door: &str,
        toelichting: Option<String>,
        velden: &str,
    ) -> ServiceResult<actie::Model> {
        nieuw.versie = huidig.versie + 1;
        nieuw.gewijzigd_op = chrono::Utc::now();
        nieuw.zoektekst = koers_shared::tekst::zoektekst(&nieuw.titel, &nieuw.beschrijving);
        let mut upd = actie::Entity::update_many();
        for (col, value) in [
            (actie::Column::OpgaveId, Expr::value(nieuw.opgave_id)),
            (actie::Column::Titel, Expr::value(nieuw.titel.clone())),
            (
                actie::Column::Beschrijving,
                Expr::value(nieuw.beschrijving.clone()),
            ),
            (actie::Column::Jaar, Expr::value(nieuw.jaar)),
            (actie::Column::Kwartaal, Expr::value(nieuw.kwartaal)),
            (actie::Column::Datum, Expr::value(nieuw.datum)),
            (actie::Column::Status, Expr::value(nieuw.status.clone())),
            (actie::Column::Gezondheid, Expr::value(nieuw.gezondheid.clone())),
            (
                actie::Column::GezondheidReden,
                Expr::value(nieuw.gezondheid_reden.clone()),
            ),
            (actie::Column::Voortgang, Expr::value(nieuw.voortgang)),
            (actie::Column::Vertrouwelijk, Expr::value(nieuw.vertrouwelijk)),
            (actie::Column::Bron, Expr::value(nieuw.bron.clone())),
            (actie::Column::Versie, Expr::value(nieuw.versie)),
            (actie::Column::GewijzigdOp, Expr::value(nieuw.gewijzigd_op)),
            (actie::Column::Zoektekst, Expr::value(nieuw.zoektekst.clone())),
        ] {
            upd = upd.col_expr(col, value);
        }
        let res = upd
            .filter(actie::Column::Id.eq(huidig.id))
            .filter(actie::Column::Versie.eq(huidig.versie))
            .exec(txn)
            .await?;
        if res.rows_affected != 1 {
            let now = actie::Entity::find_by_id(huidig.id).one(txn).await?;
            return Err(match now {
                Some(m) => ServiceError::Conflict {
                    huidige: m.versie,
                    gestuurd: huidig.versie,
                },
                None => ServiceError::NotFound("actie".into()),
            });
        }
        history(txn, Some(huidig), &nieuw, door, toelichting, velden).await?;
        Ok(nieuw)
    }

    /// Changes the descriptive fields of an actie.
    pub async fn actie_wijzigen(
        &self,
        kijker: &Kijker,
        mut w: ActieWijziging,
    ) -> ServiceResult<actie::Model> {
        mag_iets_wijzigen(kijker)?;
        w.door = kijker.naam();
        w.check()?;
        let txn = self.db.begin_write().await?;
        let (huidig, _) = Self::current(&txn, kijker, w.id, w.versie).await?;
        let trekkers = w.trekkers.clone().unwrap_or_default();
        let partners = w.partners.clone().unwrap_or_default();
        check_refs(
            &txn,
            w.opgave_id,
            &[("trekkers", &trekkers), ("partners", &partners)],
        )
        .await?;
        let (nieuw, velden) = w.apply(&huidig)?;
        let doel = plan_en_thema(&txn, nieuw.opgave_id).await?;
        mag_wijzigen_in(kijker, doel.1, nieuw.vertrouwelijk)?;
        if w.trekkers.is_some() || w.partners.is_some() {
            let mut del = actie_organisatie::Entity::delete_many()
                .filter(actie_organisatie::Column::ActieId.eq(huidig.id));
            if w.trekkers.is_none() {
                del = del.filter(actie_organisatie::Column::Rol.ne(actie_organisatie::TREKKER));
            }
            if w.partners.is_none() {
                del = del.filter(actie_organisatie::Column::Rol.ne(actie_organisatie::PARTNER));
            }
            del.exec(&txn).await?;
            link_organisaties(&txn, huidig.id, &trekkers, &partners).await?;
        }
        let saved = Self::save(&txn, &huidig, nieuw, &w.door, w.toelichting.clone(), &velden).await?;
        webhook_melden(&txn, Gebeurtenis::ActieGewijzigd, &saved, doel).await?;
        audit::schrijf(
            &txn,
            kijker,
            "actieWijzigen",
            Some(format!("actie/{}", saved.id)),
            serde_json::json!({ "versie": saved.versie, "velden": velden }),
        )
        .await?;
        let event = self.aankondigen(&txn, &saved, huidig.vertrouwelijk, doel).await?;
        self.db.commit(txn).await?;
        self.verspreid(event);
        Ok(saved)
    }

    /// Reports progress: status, health with reason, progress and a note.
    pub async fn voortgang_rapporteren(
        &self,
        kijker: &Kijker,
        mut m: VoortgangMelding,
    ) -> ServiceResult<actie::Model> {
        mag_iets_wijzigen(kijker)?;
        m.door = kijker.naam();
        m.check()?;
        let txn = self.db.begin_write().await?;
        let (saved, event) = self.voortgang_in(&txn, kijker, &m).await?;
        self.db.commit(txn).await?;
        self.verspreid(event);
        Ok(saved)
    }

    /// [`Self::voortgang_rapporteren`] inside `txn` (`m` checked): the actie and its event for after the commit.
    pub(super) async fn voortgang_in(
        &self,
        txn: &DatabaseTransaction,
        kijker: &Kijker,
        m: &VoortgangMelding,
    ) -> ServiceResult<(actie::Model, super::events::ActieEvent)> {
        let (huidig, plaats) = Self::current(txn, kijker, m.id, m.versie).await?;
        let stand = super::rollups::stand_van(&huidig)?;
        let status = m.status.unwrap_or(stand.status);
        let actief = status.is_actief();
        // Health and a stale figure lapse with a status they no longer fit, unless the client sets them.
        let toestand = ActieToestand {
            status: Some(status),
            gezondheid: m
                .gezondheid
                .unwrap_or(if actief { stand.gezondheid } else { None }),
            gezondheid_reden: m.gezondheid_reden.clone().unwrap_or(if actief {
                huidig.gezondheid_reden.clone()
            } else {
                None
            }),
            voortgang: m.voortgang.unwrap_or(match status {
                Status::Afgerond => None,
                _ => huidig.voortgang.map(i64::from),
            }),
        };
        let geldig = valideer_toestand(&toestand).map_err(ServiceError::Invalid)?;
        let mut nieuw = huidig.clone();
        nieuw.status = geldig.status.as_str().to_string();
        nieuw.gezondheid = geldig.gezondheid.map(|g| g.as_str().to_string());
        nieuw.gezondheid_reden = geldig.gezondheid_reden;
        nieuw.voortgang = geldig.voortgang.map(i32::from);
        let saved = Self::save(txn, &huidig, nieuw, &m.door, m.toelichting.clone(), "voortgang").await?;
        webhook_melden(txn, Gebeurtenis::ActieVoortgang, &saved, plaats).await?;
        audit::schrijf(
            txn,
            kijker,
            "actieVoortgangRapporteren",
            Some(format!("actie/{}", saved.id)),
            serde_json::json!({ "versie": saved.versie, "status": saved.status,
                "gezondheid": saved.gezondheid, "voortgang": saved.voortgang }),
        )
        .await?;
        let event = self.aankondigen(txn, &saved, huidig.vertrouwelijk, plaats);
        Ok((saved.clone(), event.await?))
    }
}
