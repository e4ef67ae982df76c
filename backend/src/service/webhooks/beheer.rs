//! A beheerder's webhooks: register (the secret is shown once), change, remove, switch off and on, and read
//! the delivery log and send a delivery again. Every change writes an audit row in its transaction.

use super::doel::check_url;
use super::geheim;
use crate::entities::webhook_levering::{self as levering, Gebeurtenis};
use crate::entities::{webhook, webhook_thema};
use crate::error::{ServiceError, ServiceResult};
use crate::service::Services;
use crate::service::audit;
use crate::service::toegang::{alleen_beheer, check_themas, naam_ok};
use crate::toegang::Kijker;
use chrono::Utc;
use koers_shared::melding::{Ding, Melding};
use koers_shared::webhook::MAX_NAAM;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;

/// A webhook to register.
#[derive(Debug, Clone)]
pub struct NieuweWebhook {
    pub naam: String,
    pub url: String,
    /// A Standard Webhooks secret of the partner's own; `None`: Koers makes one.
    pub geheim: Option<String>,
    pub gebeurtenissen: Vec<Gebeurtenis>,
    /// Its thema's; `None`: every thema.
    pub themas: Option<Vec<i32>>,
    /// May hear of confidential work.
    pub vertrouwelijk: bool,
}

/// A change to a webhook; `None` leaves a field as it is (`themas: Some(None)`: every thema).
#[derive(Debug, Clone, Default)]
pub struct WebhookWijziging {
    pub id: i32,
    pub naam: Option<String>,
    pub url: Option<String>,
    pub gebeurtenissen: Option<Vec<Gebeurtenis>>,
    pub themas: Option<Option<Vec<i32>>>,
    pub vertrouwelijk: Option<bool>,
}

/// A webhook with its thema's (empty when it has every thema).
pub type WebhookMetThemas = (webhook::Model, Vec<i32>);

fn check_naam(naam: &str) -> ServiceResult<String> {
    let naam = koers_shared::tekst::bijgesneden(naam).to_string();
    if !naam_ok(&naam, MAX_NAAM) {
        return Err(ServiceError::melding(
            "naam",
            Melding::Lengte {
                ding: Ding::Naam,
                max: MAX_NAAM,
            },
        ));
    }
    Ok(naam)
}

fn check_gebeurtenissen(g: &[Gebeurtenis]) -> ServiceResult<String> {
    let mut list: Vec<&str> = g.iter().map(|g| g.as_str()).collect();
    list.sort_unstable();
    list.dedup();
    if list.is_empty() {
        return Err(ServiceError::melding(
            "gebeurtenissen",
            Melding::MinstensEenGebeurtenis,
        ));
    }
    Ok(json!(list).to_string())
}

async fn check_scope<C: ConnectionTrait>(c: &C, themas: &Option<Vec<i32>>) -> ServiceResult<Vec<i32>> {
    match themas {
        None => Ok(Vec::new()),
        Some(ids) if ids.is_empty() => Err(ServiceError::melding("themas", Melding::MinstensEenThema)),
        Some(ids) => Ok(check_themas(c, ids, "themas").await?.into_iter().collect()),
    }
}

async fn set_themas<C: ConnectionTrait>(c: &C, id: i32, themas: &[i32]) -> Result<(), DbErr> {
    webhook_thema::Entity::delete_many()
        .filter(webhook_thema::Column::WebhookId.eq(id))
        .exec(c)
        .await?;
    for t in themas {
        webhook_thema::ActiveModel {
            webhook_id: Set(id),
            thema_id: Set(*t),
        }
        .insert(c)
        .await?;
    }
    Ok(())
}

pub(super) async fn find<C: ConnectionTrait>(c: &C, id: i32) -> ServiceResult<webhook::Model> {
    webhook::Entity::find_by_id(id)
        .one(c)
        .await?
        .ok_or_else(|| ServiceError::NotFound("webhook".into()))
}

pub(super) async fn themas_van<C: ConnectionTrait>(c: &C, w: &webhook::Model) -> Result<Vec<i32>, DbErr> {
    Ok(webhook_thema::Entity::find()
        .filter(webhook_thema::Column::WebhookId.eq(w.id))
        .all(c)
        .await?
        .into_iter()
        .map(|r| r.thema_id)
        .collect())
}

impl Services {
    /// Registers a webhook; returns its secret (only now) and the stored webhook.
    pub async fn webhook_aanmaken(
        &self,
        door: &Kijker,
        n: NieuweWebhook,
    ) -> ServiceResult<(String, WebhookMetThemas)> {
        alleen_beheer(door, "registreert webhooks")?;
        let naam = check_naam(&n.naam)?;
        let url = check_url(&n.url, self.webhooks.instellingen.lokale_doelen)?;
        let geheim = match n.geheim {
            Some(g) => {
                let g = g.trim().to_string();
                geheim::sleutel(&g, "geheim")?;
                g
            }
            None => geheim::nieuw(),
        };
        let gebeurtenissen = check_gebeurtenissen(&n.gebeurtenissen)?;
        let txn = self.db.begin_write().await?;
        let themas = check_scope(&txn, &n.themas).await?;
        let nu = Utc::now();
        let w = webhook::ActiveModel {
            naam: Set(naam),
            url: Set(url.to_string()),
            geheim: Set(geheim.clone()),
            alle_themas: Set(n.themas.is_none()),
            vertrouwelijk: Set(n.vertrouwelijk),
            gebeurtenissen: Set(gebeurtenissen),
            actief: Set(true),
            uitgeschakeld_reden: Set(None),
            uitgeschakeld_op: Set(None),
            opeenvolgende_fouten: Set(0),
            aangemaakt_door: Set(door.naam()),
            aangemaakt_op: Set(nu),
            gewijzigd_op: Set(nu),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        set_themas(&txn, w.id, &themas).await?;
        let details = json!({ "naam": w.naam, "url": w.url, "gebeurtenissen": w.gebeurtenissen,
            "vertrouwelijk": w.vertrouwelijk, "themas": if w.alle_themas { json!("alle") } else { json!(themas) } });
        audit::schrijf(
            &txn,
            door,
            "webhookAanmaken",
            Some(format!("webhook/{}", w.id)),
            details,
        )
        .await?;
        self.db.commit(txn).await?;
        Ok((geheim, (w, themas)))
    }

    /// Changes a webhook's name, URL, events, thema's or confidential scope.
    pub async fn webhook_wijzigen(
        &self,
        door: &Kijker,
        c: WebhookWijziging,
    ) -> ServiceResult<WebhookMetThemas> {
        alleen_beheer(door, "wijzigt webhooks")?;
        let naam = c.naam.as_deref().map(check_naam).transpose()?;
        let url = c
            .url
            .as_deref()
            .map(|u| check_url(u, self.webhooks.instellingen.lokale_doelen))
            .transpose()?;
        let gebeurtenissen = c
            .gebeurtenissen
            .as_deref()
            .map(check_gebeurtenissen)
            .transpose()?;
        let txn = self.db.begin_write().await?;
        let huidig = find(&txn, c.id).await?;
        let themas = match &c.themas {
            Some(t) => Some((t.is_none(), check_scope(&txn, t).await?)),
            None => None,
        };
        let mut w: webhook::ActiveModel = huidig.clone().into();
        if let Some(n) = naam {
            w.naam = Set(n);
        }
        if let Some(u) = url {
            w.url = Set(u.to_string());
        }
        if let Some(g) = gebeurtenissen {
            w.gebeurtenissen = Set(g);
        }
        if let Some(v) = c.vertrouwelijk {
            w.vertrouwelijk = Set(v);
        }
        if let Some((alle, _)) = &themas {
            w.alle_themas = Set(*alle);
        }
        w.gewijzigd_op = Set(Utc::now());
        let w = w.update(&txn).await?;
        if let Some((_, ids)) = &themas {
            set_themas(&txn, w.id, ids).await?;
        }
        let ids = themas_van(&txn, &w).await?;
        let details = json!({ "naam": w.naam, "url": w.url, "gebeurtenissen": w.gebeurtenissen,
            "vertrouwelijk": w.vertrouwelijk, "themas": if w.alle_themas { json!("alle") } else { json!(ids) } });
        audit::schrijf(
            &txn,
            door,
            "webhookWijzigen",
            Some(format!("webhook/{}", w.id)),
            details,
        )
        .await?;
        self.db.commit(txn).await?;
        Ok((w, ids))
    }

    /// Removes a webhook and its delivery log.
    pub async fn webhook_verwijderen(&self, door: &Kijker, id: i32) -> ServiceResult<()> {
        alleen_beheer(door, "verwijdert webhooks")?;
        let txn = self.db.begin_write().await?;
        let w = find(&txn, id).await?;
        levering::Entity::delete_many()
            .filter(levering::Column::WebhookId.eq(id))
            .exec(&txn)
            .await?;
        set_themas(&txn, id, &[]).await?;
        webhook::Entity::delete_by_id(id).exec(&txn).await?;
        audit::schrijf(
            &txn,
            door,
            "webhookVerwijderen",
            Some(format!("webhook/{id}")),
            json!({ "naam": w.naam }),
        )
        .await?;
        self.db.commit(txn).await
    }

    /// Every webhook, newest first.
    pub async fn webhooks(&self, kijker: &Kijker) -> ServiceResult<Vec<WebhookMetThemas>> {
        alleen_beheer(kijker, "ziet de webhooks")?;
        let rows = webhook::Entity::find()
            .order_by_desc(webhook::Column::Id)
            .all(&self.db.reader)
            .await?;
        let mut themas = std::collections::HashMap::<i32, Vec<i32>>::new();
        for r in webhook_thema::Entity::find().all(&self.db.reader).await? {
            themas.entry(r.webhook_id).or_default().push(r.thema_id);
        }
        Ok(rows
            .into_iter()
            .map(|w| {
                let t = themas.remove(&w.id).unwrap_or_default();
                (w, t)
            })
            .collect())
    }

    /// One webhook.
    pub async fn webhook(&self, kijker: &Kijker, id: i32) -> ServiceResult<WebhookMetThemas> {
        alleen_beheer(kijker, "ziet de webhooks")?;
        let w = find(&self.db.reader, id).await?;
        let themas = themas_van(&self.db.reader, &w).await?;
        Ok((w, themas))
    }
}
