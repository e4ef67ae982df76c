//! RVO meetings (beheerders only): add, move, rename and remove one (nothing refers to a meeting); "Sinds
//! vorige RVO" and the stale-update check read the dates from here.

use super::stamdata::{eigen_bron, log};
use super::{aangemaakt, alleen_beheerder, bewaar, fouten, huidig, invoegen};
use crate::entities::rvo_vergadering;
use crate::error::{ServiceError, ServiceResult};
use crate::service::Services;
use crate::toegang::Kijker;
use chrono::NaiveDate;
use koers_shared::Melding;
use koers_shared::beheer::{Fouten, MAX_TEKST, MAX_TITEL};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, ModelTrait, QueryFilter};
use serde_json::json;

/// A new RVO meeting.
#[derive(Debug, Clone)]
pub struct RvoInvoer {
    pub datum: NaiveDate,
    pub omschrijving: String,
    pub bron: Option<String>,
}

/// A change of an RVO meeting (moving it is a new date).
#[derive(Debug, Clone, Default)]
pub struct RvoWijziging {
    pub id: i32,
    pub versie: i32,
    pub datum: Option<NaiveDate>,
    pub omschrijving: Option<String>,
    pub bron: Option<String>,
}

fn check_rvo(r: &rvo_vergadering::Model) -> ServiceResult<()> {
    use chrono::Datelike;
    let mut f = Fouten::default();
    f.verplicht("omschrijving", &r.omschrijving, MAX_TITEL);
    let jaren = koers_shared::beheer::JAREN;
    f.eis(
        jaren.contains(&r.datum.year()),
        "datum",
        Melding::BuitenBereik {
            min: i64::from(*jaren.start()),
            max: i64::from(*jaren.end()),
        },
    );
    f.verplicht("bron", &r.bron, MAX_TEKST);
    fouten(f.klaar())
}

async fn datum_vrij(txn: &DatabaseTransaction, datum: NaiveDate, behalve: Option<i32>) -> ServiceResult<()> {
    let bestaat = rvo_vergadering::Entity::find()
        .filter(rvo_vergadering::Column::Datum.eq(datum))
        .one(txn)
        .await?
        .filter(|r| Some(r.id) != behalve);
    match bestaat {
        Some(_) => Err(ServiceError::melding("datum", Melding::DatumBezet)),
        None => Ok(()),
    }
}

impl Services {
    /// Adds an RVO meeting date; "Sinds vorige RVO" and the stale-update check use it from now on.
    pub async fn rvo_vergadering_aanmaken(
        &self,
        kijker: &Kijker,
        n: RvoInvoer,
    ) -> ServiceResult<rvo_vergadering::Model> {
        alleen_beheerder(kijker, "plant RVO-vergaderingen")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let r = rvo_vergadering::Model {
            id: 0,
            datum: n.datum,
            omschrijving: koers_shared::tekst::bijgesneden(&n.omschrijving).to_string(),
            bron: eigen_bron(n.bron.as_deref(), &door),
            versie: 1,
        };
        check_rvo(&r)?;
        datum_vrij(&txn, r.datum, None).await?;
        let m = invoegen(&txn, r).await?;
        aangemaakt(&txn, &m, &door).await?;
        log(
            &txn,
            kijker,
            "rvoVergaderingAanmaken",
            &m,
            json!({ "datum": m.datum.to_string() }),
        )
        .await?;
        self.db.commit(txn).await?;
        self.meld(&m, None);
        Ok(m)
    }

    /// Moves or renames an RVO meeting.
    pub async fn rvo_vergadering_wijzigen(
        &self,
        kijker: &Kijker,
        w: RvoWijziging,
    ) -> ServiceResult<rvo_vergadering::Model> {
        alleen_beheerder(kijker, "wijzigt RVO-vergaderingen")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: rvo_vergadering::Model = huidig(&txn, w.id, w.versie).await?;
        let mut na = voor.clone();
        na.datum = w.datum.unwrap_or(na.datum);
        if let Some(o) = &w.omschrijving {
            na.omschrijving = koers_shared::tekst::bijgesneden(o).to_string();
        }
        if let Some(b) = &w.bron {
            na.bron = b.trim().to_string();
        }
        check_rvo(&na)?;
        datum_vrij(&txn, na.datum, Some(voor.id)).await?;
        let (m, velden) = bewaar(&txn, &door, &voor, na, None).await?;
        if !velden.is_empty() {
            log(
                &txn,
                kijker,
                "rvoVergaderingWijzigen",
                &m,
                json!({ "versie": m.versie, "velden": velden }),
            )
            .await?;
        }
        self.db.commit(txn).await?;
        if !velden.is_empty() {
            self.meld(&m, None);
        }
        Ok(m)
    }

    /// Removes an RVO meeting (nothing refers to one); its history keeps what it was.
    pub async fn rvo_vergadering_verwijderen(
        &self,
        kijker: &Kijker,
        id: i32,
        versie: i32,
    ) -> ServiceResult<rvo_vergadering::Model> {
        alleen_beheerder(kijker, "verwijdert RVO-vergaderingen")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: rvo_vergadering::Model = huidig(&txn, id, versie).await?;
        voor.clone().delete(&txn).await?;
        super::verwijderd(&txn, &voor, &door).await?;
        log(
            &txn,
            kijker,
            "rvoVergaderingVerwijderen",
            &voor,
            json!({ "datum": voor.datum.to_string() }),
        )
        .await?;
        self.db.commit(txn).await?;
        let mut weg = voor.clone();
        weg.versie = 0;
        self.meld(&weg, None);
        Ok(voor)
    }
}
