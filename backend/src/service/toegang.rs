//! People and their sessions: creating users, signing in and out, and turning a session cookie or an API
//! token into the request's [`Kijker`].

use super::{Services, audit};
use crate::entities::{api_token, api_token_thema, gebruiker, gebruiker_thema, sessie, thema};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::{Kijker, Rol, Themas, geheim, wachtwoord};
use chrono::{DateTime, Duration, Utc};
use koers_shared::melding::{Ding, Melding};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use std::collections::{BTreeSet, HashSet};

/// A new user as given by a beheerder or the command line.
#[derive(Debug, Clone)]
pub struct NieuweGebruiker {
    pub gebruikersnaam: String,
    pub naam: String,
    pub wachtwoord: String,
    pub rol: Rol,
    /// A redacteur's thema's (ids).
    pub themas: Vec<i32>,
}

/// A live session: its viewer, CSRF token and end.
#[derive(Debug, Clone)]
pub struct LopendeSessie {
    pub kijker: Kijker,
    pub csrf_token: String,
    pub verloopt_op: DateTime<Utc>,
}

/// A new session: the cookie secret (shown once, stored hashed) and the CSRF token.
#[derive(Debug, Clone)]
pub struct NieuweSessie {
    pub geheim: String,
    pub csrf_token: String,
    pub verloopt_op: DateTime<Utc>,
    pub kijker: Kijker,
}

/// Checks that every thema id exists; `veld` names the input field.
pub(super) async fn check_themas<C: sea_orm::ConnectionTrait>(
    c: &C,
    ids: &[i32],
    veld: &str,
) -> ServiceResult<BTreeSet<i32>> {
    let set: BTreeSet<i32> = ids.iter().copied().collect();
    let found = thema::Entity::find()
        .filter(thema::Column::Id.is_in(set.iter().copied()))
        .count(c)
        .await?;
    if found != set.len() as u64 {
        return Err(ServiceError::melding(
            veld,
            Melding::EenBestaatNiet { ding: Ding::Thema },
        ));
    }
    Ok(set)
}

/// Whether a name shows something, has no control characters and at most `max` characters.
pub(super) fn naam_ok(s: &str, max: usize) -> bool {
    koers_shared::tekst::is_zichtbaar(s)
        && koers_shared::tekst::ongeldig_teken(s).is_none()
        && s.chars().count() <= max
}

/// Refuses unless `kijker` is a beheerder.
pub fn alleen_beheer(kijker: &Kijker, wat: &str) -> ServiceResult<()> {
    match (kijker.beheer, kijker.is_aangemeld()) {
        (true, _) => Ok(()),
        (false, true) => Err(ServiceError::Forbidden(format!("alleen een beheerder {wat}"))),
        (false, false) => Err(ServiceError::Unauthenticated),
    }
}

impl Services {
    /// Creates a user (a beheerder or the command line).
    pub async fn gebruiker_aanmaken(
        &self,
        door: &Kijker,
        n: NieuweGebruiker,
    ) -> ServiceResult<gebruiker::Model> {
        alleen_beheer(door, "maakt gebruikers aan")?;
        if !naam_ok(&n.gebruikersnaam, 100)
            || n.gebruikersnaam
                .chars()
                .any(koers_shared::tekst::is_onzichtbaar_teken)
        {
            return Err(ServiceError::melding(
                "gebruikersnaam",
                Melding::GebruikersnaamVorm { max: 100 },
            ));
        }
        if !naam_ok(&n.naam, 200) {
            return Err(ServiceError::melding(
                "naam",
                Melding::Lengte {
                    ding: Ding::Naam,
                    max: 200,
                },
            ));
        }
        if n.rol != Rol::Redacteur && !n.themas.is_empty() {
            return Err(ServiceError::melding("themas", Melding::AlleenRedacteurThemas));
        }
        let hash = wachtwoord::hash(n.wachtwoord).await?;
        let txn = self.db.begin_write().await?;
        let themas = check_themas(&txn, &n.themas, "themas").await?;
        let bestaat = gebruiker::Entity::find()
            .filter(gebruiker::Column::Gebruikersnaam.eq(n.gebruikersnaam.clone()))
            .count(&txn)
            .await?;
        if bestaat > 0 {
            return Err(ServiceError::melding(
                "gebruikersnaam",
                Melding::BestaatAl {
                    ding: Ding::Gebruikersnaam,
                },
            ));
        }
        let g = gebruiker::ActiveModel {
            gebruikersnaam: Set(n.gebruikersnaam),
            naam: Set(koers_shared::tekst::bijgesneden(&n.naam).to_string()),
            wachtwoord_hash: Set(hash),
            rol: Set(n.rol.as_str().to_string()),
            actief: Set(true),
            aangemaakt_op: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for t in &themas {
            gebruiker_thema::ActiveModel {
                gebruiker_id: Set(g.id),
                thema_id: Set(*t),
            }
            .insert(&txn)
            .await?;
        }
        super::beheer::aangemaakt(&txn, &g, &door.naam()).await?;
        let details = json!({ "gebruikersnaam": g.gebruikersnaam, "rol": g.rol, "themas": themas });
        audit::schrijf(
            &txn,
            door,
            "gebruikerAanmaken",
            Some(g.gebruikersnaam.clone()),
            details,
        )
        .await?;
        self.db.commit(txn).await?;
        Ok(g)
    }

    async fn kijker_van(&self, g: &gebruiker::Model, sessie_id: i32) -> ServiceResult<Kijker> {
        let rol = g
            .rol
            .parse::<Rol>()
            .map_err(|e| ServiceError::Internal(format!("gebruiker {}: {e}", g.id)))?;
        let themas = gebruiker_thema::Entity::find()
            .filter(gebruiker_thema::Column::GebruikerId.eq(g.id))
            .all(&self.db.reader)
            .await?
            .into_iter()
            .map(|t| t.thema_id)
            .collect();
        Ok(Kijker::gebruiker(g.id, g.naam.clone(), sessie_id, rol, themas))
    }

    /// Signs a person in; a wrong name or password gives the same error and takes as long. Both outcomes
    /// are audited.
    pub async fn aanmelden(
        &self,
        gebruikersnaam: &str,
        wachtwoord: String,
        duur: Duration,
    ) -> ServiceResult<NieuweSessie> {
        // A name with control characters belongs to nobody (and PostgreSQL cannot even compare a NUL byte).
        let g = match koers_shared::tekst::ongeldig_teken(gebruikersnaam) {
            Some(_) => None,
            None => {
                gebruiker::Entity::find()
                    .filter(gebruiker::Column::Gebruikersnaam.eq(gebruikersnaam))
                    .one(&self.db.reader)
                    .await?
            }
        };
        let klopt = wachtwoord::klopt(wachtwoord, g.as_ref().map(|g| g.wachtwoord_hash.clone())).await;
        let Some(g) = g.filter(|g| klopt && g.actief) else {
            let naam: String = gebruikersnaam
                .chars()
                .filter(|c| !c.is_control())
                .take(100)
                .collect();
            let details = json!({ "gebruikersnaam": naam });
            audit::schrijf(
                &self.db.writer,
                &Kijker::anoniem(false),
                "aanmeldenMislukt",
                None,
                details,
            )
            .await?;
            self.db.gewijzigd();
            return Err(ServiceError::melding("wachtwoord", Melding::AanmeldingKloptNiet));
        };
        let geheim = geheim::willekeurig();
        let csrf_token = geheim::willekeurig();
        let nu = Utc::now();
        let txn = self.db.begin_write().await?;
        let s = sessie::ActiveModel {
            token_hash: Set(geheim::hash(&geheim)),
            csrf_token: Set(csrf_token.clone()),
            gebruiker_id: Set(g.id),
            aangemaakt_op: Set(nu),
            verloopt_op: Set(nu + duur),
            ingetrokken_op: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let kijker = self.kijker_van(&g, s.id).await?;
        audit::schrijf(
            &txn,
            &kijker,
            "aanmelden",
            Some(g.gebruikersnaam.clone()),
            json!({}),
        )
        .await?;
        self.db.commit(txn).await?;
        Ok(NieuweSessie {
            geheim,
            csrf_token,
            verloopt_op: s.verloopt_op,
            kijker,
        })
    }

    /// Ends the session of `kijker` (a no-op for anyone else).
    pub async fn afmelden(&self, kijker: &Kijker) -> ServiceResult<()> {
        let crate::toegang::Wie::Gebruiker { sessie_id, .. } = &kijker.wie else {
            return Ok(());
        };
        let txn = self.db.begin_write().await?;
        sessie::Entity::update_many()
            .col_expr(sessie::Column::IngetrokkenOp, Expr::value(Utc::now()))
            .filter(sessie::Column::Id.eq(*sessie_id))
            .filter(sessie::Column::IngetrokkenOp.is_null())
            .exec(&txn)
            .await?;
        audit::schrijf(&txn, kijker, "afmelden", None, json!({})).await?;
        self.db.commit(txn).await?;
        Ok(())
    }

    /// The viewer of a live session cookie, with the session's CSRF token; `None` when the secret is unknown,
    /// expired, signed out, or its user is switched off.
    pub async fn kijker_voor_sessie(&self, geheim: &str) -> ServiceResult<Option<(Kijker, String)>> {
        Ok(self.sessie(geheim).await?.map(|s| (s.kijker, s.csrf_token)))
    }

    /// As [`Self::kijker_voor_sessie`], with the session's end.
    pub async fn sessie(&self, geheim: &str) -> ServiceResult<Option<LopendeSessie>> {
        let Some(s) = sessie::Entity::find()
            .filter(sessie::Column::TokenHash.eq(geheim::hash(geheim)))
            .one(&self.db.reader)
            .await?
        else {
            return Ok(None);
        };
        if s.ingetrokken_op.is_some() || s.verloopt_op <= Utc::now() {
            return Ok(None);
        }
        let Some(g) = gebruiker::Entity::find_by_id(s.gebruiker_id)
            .one(&self.db.reader)
            .await?
            .filter(|g| g.actief)
        else {
            return Ok(None);
        };
        Ok(Some(LopendeSessie {
            kijker: self.kijker_van(&g, s.id).await?,
            csrf_token: s.csrf_token,
            verloopt_op: s.verloopt_op,
        }))
    }

    /// Which of the sessions `ids` are still live (not signed out, not expired, their user active): one query.
    pub async fn lopende_sessies(&self, ids: &[i32]) -> ServiceResult<HashSet<i32>> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let actief = Query::select()
            .column(gebruiker::Column::Id)
            .from(gebruiker::Entity)
            .and_where(gebruiker::Column::Actief.eq(true))
            .to_owned();
        Ok(sessie::Entity::find()
            .filter(sessie::Column::Id.is_in(ids.iter().copied()))
            .filter(sessie::Column::IngetrokkenOp.is_null())
            .filter(sessie::Column::VerlooptOp.gt(Utc::now()))
            .filter(sessie::Column::GebruikerId.in_subquery(actief))
            .all(&self.db.reader)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect())
    }

    /// The viewer of a live API token; `None` when it is unknown, expired or revoked.
    pub async fn kijker_voor_token(&self, token: &str) -> ServiceResult<Option<Kijker>> {
        Ok(self.token(token).await?.map(|(k, _)| k))
    }

    /// As [`Self::kijker_voor_token`], with the moment the token expires.
    pub async fn token(&self, token: &str) -> ServiceResult<Option<(Kijker, DateTime<Utc>)>> {
        let Some(t) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(geheim::hash(token)))
            .one(&self.db.reader)
            .await?
        else {
            return Ok(None);
        };
        let nu = Utc::now();
        if t.ingetrokken_op.is_some() || t.verloopt_op <= nu {
            return Ok(None);
        }
        let themas = if t.alle_themas {
            Themas::Alle
        } else {
            Themas::Enkel(
                api_token_thema::Entity::find()
                    .filter(api_token_thema::Column::TokenId.eq(t.id))
                    .all(&self.db.reader)
                    .await?
                    .into_iter()
                    .map(|r| r.thema_id)
                    .collect(),
            )
        };
        // Last use, at most once a minute per token, so that reads do not queue behind the writer. Only a
        // remark: a database that cannot take writes (full disk) must not make the token's reads fail.
        if t.laatst_gebruikt_op.is_none_or(|l| nu - l > Duration::minutes(1)) {
            if let Err(e) = api_token::Entity::update_many()
                .col_expr(api_token::Column::LaatstGebruiktOp, Expr::value(nu))
                .filter(api_token::Column::Id.eq(t.id))
                .exec(&self.db.writer)
                .await
            {
                tracing::warn!(error = %e, token = t.id, "laatste gebruik van het token niet opgeslagen");
            }
            self.db.gewijzigd();
        }
        let kijker = Kijker::token(t.id, t.naam, themas, t.schrijven, t.vertrouwelijk);
        Ok(Some((kijker, t.verloopt_op)))
    }
}
