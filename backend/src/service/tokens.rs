//! API tokens: created by a beheerder or the command line (the secret is returned once and stored as a
//! SHA-256), listed, and revoked.

use super::toegang::{alleen_beheer, check_themas, naam_ok};
use super::{Services, audit};
use crate::entities::{api_token, api_token_thema};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::{Kijker, geheim};
use chrono::{Duration, Utc};
use koers_shared::melding::{Ding, Melding};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// Longest validity of a token, in days.
pub const MAX_DAGEN: i64 = 366 * 2;

/// A token to create.
#[derive(Debug, Clone)]
pub struct NieuwToken {
    pub naam: String,
    /// May change acties (in its thema's), not only read.
    pub schrijven: bool,
    /// May read confidential acties (in its thema's).
    pub vertrouwelijk: bool,
    /// Its thema's; `None`: every thema.
    pub themas: Option<Vec<i32>>,
    /// Days until it expires (1 to [`MAX_DAGEN`]).
    pub geldig_dagen: i64,
}

/// A token with its thema's (empty when it has every thema).
pub type TokenMetThemas = (api_token::Model, Vec<i32>);

impl Services {
    /// Creates a token; returns the secret (only now) and the stored token.
    pub async fn token_aanmaken(
        &self,
        door: &Kijker,
        n: NieuwToken,
    ) -> ServiceResult<(String, TokenMetThemas)> {
        alleen_beheer(door, "maakt API-tokens aan")?;
        let naam = koers_shared::tekst::bijgesneden(&n.naam).to_string();
        if !naam_ok(&naam, 200) {
            return Err(ServiceError::melding(
                "naam",
                Melding::Lengte {
                    ding: Ding::Naam,
                    max: 200,
                },
            ));
        }
        if !(1..=MAX_DAGEN).contains(&n.geldig_dagen) {
            return Err(ServiceError::melding(
                "geldigDagen",
                Melding::BuitenBereik {
                    min: 1,
                    max: MAX_DAGEN,
                },
            ));
        }
        if n.themas.as_ref().is_some_and(Vec::is_empty) {
            return Err(ServiceError::melding("themas", Melding::MinstensEenThema));
        }
        let txn = self.db.begin_write().await?;
        let themas = match &n.themas {
            Some(ids) => Some(check_themas(&txn, ids, "themas").await?),
            None => None,
        };
        let (secret, prefix) = geheim::nieuw_token();
        let nu = Utc::now();
        let t = api_token::ActiveModel {
            naam: Set(naam),
            prefix: Set(prefix),
            token_hash: Set(geheim::hash(&secret)),
            schrijven: Set(n.schrijven),
            vertrouwelijk: Set(n.vertrouwelijk),
            alle_themas: Set(themas.is_none()),
            aangemaakt_door: Set(door.naam()),
            aangemaakt_op: Set(nu),
            verloopt_op: Set(nu + Duration::days(n.geldig_dagen)),
            ingetrokken_op: Set(None),
            laatst_gebruikt_op: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let ids: Vec<i32> = themas.iter().flatten().copied().collect();
        for id in &ids {
            api_token_thema::ActiveModel {
                token_id: Set(t.id),
                thema_id: Set(*id),
            }
            .insert(&txn)
            .await?;
        }
        let details = json!({ "naam": t.naam, "schrijven": t.schrijven, "vertrouwelijk": t.vertrouwelijk,
            "themas": if t.alle_themas { json!("alle") } else { json!(ids) }, "verlooptOp": t.verloopt_op });
        audit::schrijf(&txn, door, "apiTokenAanmaken", Some(t.prefix.clone()), details).await?;
        self.db.commit(txn).await?;
        Ok((secret, (t, ids)))
    }

    /// Revokes a token by id or prefix; revoking twice is refused with NOT_FOUND the second time.
    pub async fn token_intrekken(
        &self,
        door: &Kijker,
        id: Option<i32>,
        prefix: Option<&str>,
    ) -> ServiceResult<TokenMetThemas> {
        alleen_beheer(door, "trekt API-tokens in")?;
        let txn = self.db.begin_write().await?;
        let mut q = api_token::Entity::find().filter(api_token::Column::IngetrokkenOp.is_null());
        q = match (id, prefix) {
            (Some(id), _) => q.filter(api_token::Column::Id.eq(id)),
            (None, Some(p)) => q.filter(api_token::Column::Prefix.eq(p)),
            (None, None) => return Err(ServiceError::melding("id", Melding::Verplicht)),
        };
        let t = q
            .one(&txn)
            .await?
            .ok_or_else(|| ServiceError::NotFound("actief API-token".into()))?;
        let nu = Utc::now();
        api_token::Entity::update_many()
            .col_expr(api_token::Column::IngetrokkenOp, Expr::value(nu))
            .filter(api_token::Column::Id.eq(t.id))
            .exec(&txn)
            .await?;
        audit::schrijf(
            &txn,
            door,
            "apiTokenIntrekken",
            Some(t.prefix.clone()),
            json!({ "naam": t.naam }),
        )
        .await?;
        self.db.commit(txn).await?;
        let themas = self
            .token_themas(&[t.id])
            .await?
            .remove(&t.id)
            .unwrap_or_default();
        Ok((
            api_token::Model {
                ingetrokken_op: Some(nu),
                ..t
            },
            themas,
        ))
    }

    /// Which of the tokens `ids` are still live (neither revoked nor expired): one query.
    pub async fn lopende_tokens(&self, ids: &[i32]) -> ServiceResult<HashSet<i32>> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        Ok(api_token::Entity::find()
            .filter(api_token::Column::Id.is_in(ids.iter().copied()))
            .filter(api_token::Column::IngetrokkenOp.is_null())
            .filter(api_token::Column::VerlooptOp.gt(Utc::now()))
            .all(&self.db.reader)
            .await?
            .into_iter()
            .map(|t| t.id)
            .collect())
    }

    async fn token_themas(&self, ids: &[i32]) -> ServiceResult<HashMap<i32, Vec<i32>>> {
        let mut map: HashMap<i32, Vec<i32>> = HashMap::new();
        for r in api_token_thema::Entity::find()
            .filter(api_token_thema::Column::TokenId.is_in(ids.iter().copied()))
            .all(&self.db.reader)
            .await?
        {
            map.entry(r.token_id).or_default().push(r.thema_id);
        }
        Ok(map)
    }

    /// Every token, newest first (a beheerder only).
    pub async fn tokens(&self, kijker: &Kijker) -> ServiceResult<Vec<TokenMetThemas>> {
        alleen_beheer(kijker, "ziet de API-tokens")?;
        let rows = api_token::Entity::find()
            .order_by_desc(api_token::Column::Id)
            .all(&self.db.reader)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|t| t.id).collect();
        let mut themas = self.token_themas(&ids).await?;
        Ok(rows
            .into_iter()
            .map(|t| {
                let th = themas.remove(&t.id).unwrap_or_default();
                (t, th)
            })
            .collect())
    }
}
