//! People (beheerders only, apart from one's own password): the user list, changing a user's name, role,
//! thema's and whether they are active, resetting a password, and changing one's own. The last active
//! beheerder can be neither demoted nor switched off.

use super::{alleen_beheerder, bewaar_met, fouten, huidig};
use crate::entities::{gebruiker, gebruiker_thema, sessie};
use crate::error::{ServiceError, ServiceResult};
use crate::service::toegang::{alleen_beheer, check_themas};
use crate::service::{Services, audit};
use crate::toegang::{Kijker, Rol, Wie, wachtwoord};
use koers_shared::Melding;
use koers_shared::beheer::{Fouten, MAX_KORT};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

/// A user with a redacteur's thema ids.
#[derive(Debug, Clone)]
pub struct GebruikerMetThemas {
    pub gebruiker: gebruiker::Model,
    pub themas: Vec<i32>,
}

/// A change of a user; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct GebruikerWijziging {
    pub id: i32,
    pub versie: i32,
    pub naam: Option<String>,
    pub rol: Option<Rol>,
    pub themas: Option<Vec<i32>>,
    pub actief: Option<bool>,
}

async fn themas_van(txn: &DatabaseTransaction, id: i32) -> ServiceResult<BTreeSet<i32>> {
    Ok(gebruiker_thema::Entity::find()
        .filter(gebruiker_thema::Column::GebruikerId.eq(id))
        .all(txn)
        .await?
        .into_iter()
        .map(|t| t.thema_id)
        .collect())
}

/// Ends every session of user `id`, apart from `behalve`.
async fn sessies_intrekken(txn: &DatabaseTransaction, id: i32, behalve: Option<i32>) -> ServiceResult<()> {
    let mut q = sessie::Entity::update_many()
        .col_expr(sessie::Column::IngetrokkenOp, Expr::value(chrono::Utc::now()))
        .filter(sessie::Column::GebruikerId.eq(id))
        .filter(sessie::Column::IngetrokkenOp.is_null());
    if let Some(s) = behalve {
        q = q.filter(sessie::Column::Id.ne(s));
    }
    q.exec(txn).await?;
    Ok(())
}

/// Refuses to leave no active beheerder: `voor` is one, `na` would not be. The other beheerders' rows are
/// locked (PostgreSQL) so that two such changes at once cannot both pass.
async fn niet_de_laatste(
    txn: &DatabaseTransaction,
    voor: &gebruiker::Model,
    na: &gebruiker::Model,
) -> ServiceResult<()> {
    let beheerder = Rol::Beheerder.as_str();
    if !(voor.actief && voor.rol == beheerder) || (na.actief && na.rol == beheerder) {
        return Ok(());
    }
    let anderen = gebruiker::Entity::find()
        .filter(gebruiker::Column::Rol.eq(beheerder))
        .filter(gebruiker::Column::Actief.eq(true))
        .filter(gebruiker::Column::Id.ne(voor.id))
        .lock_exclusive()
        .all(txn)
        .await?;
    if anderen.is_empty() {
        let veld = if na.rol != beheerder { "rol" } else { "actief" };
        return Err(ServiceError::melding(veld, Melding::LaatsteBeheerder));
    }
    Ok(())
}

impl Services {
    /// Every user, by user name, with a redacteur's thema's (beheerders only).
    pub async fn gebruikers(&self, kijker: &Kijker) -> ServiceResult<Vec<GebruikerMetThemas>> {
        alleen_beheer(kijker, "ziet de gebruikers")?;
        let alle = gebruiker::Entity::find()
            .order_by_asc(gebruiker::Column::Gebruikersnaam)
            .all(&self.db.reader)
            .await?;
        let mut themas: HashMap<i32, Vec<i32>> = HashMap::new();
        for t in gebruiker_thema::Entity::find().all(&self.db.reader).await? {
            themas.entry(t.gebruiker_id).or_default().push(t.thema_id);
        }
        Ok(alle
            .into_iter()
            .map(|g| GebruikerMetThemas {
                themas: themas.remove(&g.id).unwrap_or_default(),
                gebruiker: g,
            })
            .collect())
    }

    /// Changes a user's name, role, thema's or whether they are active; switching one off ends their sessions.
    pub async fn gebruiker_wijzigen(
        &self,
        kijker: &Kijker,
        w: GebruikerWijziging,
    ) -> ServiceResult<GebruikerMetThemas> {
        alleen_beheerder(kijker, "wijzigt gebruikers")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: gebruiker::Model = huidig(&txn, w.id, w.versie).await?;
        let oude_themas = themas_van(&txn, voor.id).await?;
        let mut na = voor.clone();
        if let Some(n) = &w.naam {
            na.naam = koers_shared::tekst::bijgesneden(n).to_string();
        }
        if let Some(r) = w.rol {
            na.rol = r.as_str().to_string();
        }
        na.actief = w.actief.unwrap_or(na.actief);
        let mut f = Fouten::default();
        f.verplicht("naam", &na.naam, MAX_KORT);
        let redacteur = na.rol == Rol::Redacteur.as_str();
        f.eis(
            redacteur || w.themas.as_ref().is_none_or(Vec::is_empty),
            "themas",
            Melding::AlleenRedacteurThemas,
        );
        fouten(f.klaar())?;
        let nieuwe_themas = match (&w.themas, redacteur) {
            (_, false) => BTreeSet::new(),
            (Some(t), true) => check_themas(&txn, t, "themas").await?,
            (None, true) => oude_themas.clone(),
        };
        niet_de_laatste(&txn, &voor, &na).await?;
        let extra = (
            json!({ "themas": oude_themas }),
            json!({ "themas": nieuwe_themas }),
        );
        let (m, velden) = bewaar_met(&txn, &door, &voor, na, extra, None).await?;
        if nieuwe_themas != oude_themas {
            gebruiker_thema::Entity::delete_many()
                .filter(gebruiker_thema::Column::GebruikerId.eq(m.id))
                .exec(&txn)
                .await?;
            for t in &nieuwe_themas {
                gebruiker_thema::ActiveModel {
                    gebruiker_id: Set(m.id),
                    thema_id: Set(*t),
                }
                .insert(&txn)
                .await?;
            }
        }
        if voor.actief && !m.actief {
            sessies_intrekken(&txn, m.id, None).await?;
        }
        if !velden.is_empty() {
            audit::schrijf(
                &txn,
                kijker,
                "gebruikerWijzigen",
                Some(m.gebruikersnaam.clone()),
                json!({ "versie": m.versie, "velden": velden }),
            )
            .await?;
        }
        self.db.commit(txn).await?;
        Ok(GebruikerMetThemas {
            gebruiker: m,
            themas: nieuwe_themas.into_iter().collect(),
        })
    }

    /// Sets a new password for a user (a beheerder resets it) and ends their sessions.
    pub async fn wachtwoord_herstellen(
        &self,
        kijker: &Kijker,
        id: i32,
        versie: i32,
        nieuw: String,
    ) -> ServiceResult<gebruiker::Model> {
        alleen_beheerder(kijker, "herstelt wachtwoorden")?;
        let hash = wachtwoord::hash(nieuw).await?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: gebruiker::Model = huidig(&txn, id, versie).await?;
        let mut na = voor.clone();
        na.wachtwoord_hash = hash;
        let extra = (
            json!({ "wachtwoord": "oud" }),
            json!({ "wachtwoord": "hersteld" }),
        );
        let (m, _) = bewaar_met(&txn, &door, &voor, na, extra, None).await?;
        sessies_intrekken(&txn, m.id, None).await?;
        audit::schrijf(
            &txn,
            kijker,
            "wachtwoordHerstellen",
            Some(m.gebruikersnaam.clone()),
            json!({ "versie": m.versie }),
        )
        .await?;
        self.db.commit(txn).await?;
        Ok(m)
    }

    /// Changes the signed-in person's own password after checking the current one; their other sessions end.
    pub async fn wachtwoord_wijzigen(
        &self,
        kijker: &Kijker,
        huidig_ww: String,
        nieuw: String,
    ) -> ServiceResult<()> {
        let Wie::Gebruiker { id, sessie_id, .. } = &kijker.wie else {
            return Err(if kijker.is_aangemeld() {
                ServiceError::Forbidden("alleen een aangemelde persoon heeft een wachtwoord".into())
            } else {
                ServiceError::Unauthenticated
            });
        };
        if kijker.zonder_csrf {
            return Err(ServiceError::CsrfRequired);
        }
        let g = gebruiker::Entity::find_by_id(*id)
            .one(&self.db.reader)
            .await?
            .ok_or_else(|| ServiceError::NotFound("gebruiker".into()))?;
        if !wachtwoord::klopt(huidig_ww, Some(g.wachtwoord_hash.clone())).await {
            return Err(ServiceError::melding(
                "huidigWachtwoord",
                Melding::WachtwoordKloptNiet,
            ));
        }
        let hash = wachtwoord::hash(nieuw).await.map_err(|e| match e {
            ServiceError::Invalid(f) => ServiceError::Invalid(
                f.into_iter()
                    .map(|f| koers_shared::FieldError::met("nieuwWachtwoord", f.melding))
                    .collect(),
            ),
            e => e,
        })?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: gebruiker::Model = huidig(&txn, g.id, g.versie).await?;
        let mut na = voor.clone();
        na.wachtwoord_hash = hash;
        let extra = (
            json!({ "wachtwoord": "oud" }),
            json!({ "wachtwoord": "gewijzigd" }),
        );
        bewaar_met(&txn, &door, &voor, na, extra, None).await?;
        sessies_intrekken(&txn, g.id, Some(*sessie_id)).await?;
        audit::schrijf(
            &txn,
            kijker,
            "wachtwoordWijzigen",
            Some(g.gebruikersnaam.clone()),
            json!({}),
        )
        .await?;
        self.db.commit(txn).await?;
        Ok(())
    }
}
