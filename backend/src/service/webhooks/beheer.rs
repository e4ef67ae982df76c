//! A beheerder's webhooks: register (the secret is shown once), change, remove, switch off and on, and read
//! the delivery log and send a delivery again. Every change writes an audit row in its transaction.

use super::doel::check_url;
use super::geheim;
use crate::entities::webhook_levering::{self as levering, Gebeurtenis, Toestand};
use crate::entities::{webhook, webhook_thema};
use crate::error::{ServiceError, ServiceResult};
use crate::service::Services;
use crate::service::audit;
use crate::service::toegang::{alleen_beheer, check_themas, naam_ok};
use crate::toegang::Kijker;
use chrono::Utc;
use koers_shared::webhook::{MAX_LEVERINGEN, MAX_NAAM};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
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

/// A page of a webhook's delivery log, newest first.
#[derive(Debug, Clone)]
pub struct LeveringPagina {
    pub leveringen: Vec<levering::Model>,
    pub meer: bool,
    pub totaal: u64,
}

fn check_naam(naam: &str) -> ServiceResult<String> {
    let naam = koers_shared::tekst::bijgesneden(naam).to_string();
    if !naam_ok(&naam, MAX_NAAM) {
        return Err(ServiceError::invalid(
            "naam",
            format!("een naam is 1 tot {MAX_NAAM} tekens"),
        ));
    }
    Ok(naam)
}

fn check_gebeurtenissen(g: &[Gebeurtenis]) -> ServiceResult<String> {
    let mut list: Vec<&str> = g.iter().map(|g| g.as_str()).collect();
    list.sort_unstable();
    list.dedup();
    if list.is_empty() {
        return Err(ServiceError::invalid(
            "gebeurtenissen",
            "kies minstens één gebeurtenis",
        ));
    }
    Ok(json!(list).to_string())
}

async fn check_scope<C: ConnectionTrait>(c: &C, themas: &Option<Vec<i32>>) -> ServiceResult<Vec<i32>> {
    match themas {
        None => Ok(Vec::new()),
        Some(ids) if ids.is_empty() => Err(ServiceError::invalid(
            "themas",
            "noem minstens één thema, of laat het veld weg voor alle thema's",
        )),
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

/// Switches webhook `id` off with `reden`; its waiting deliveries stop (until it is switched on again).
pub(super) async fn zet_uit<C: ConnectionTrait>(c: &C, id: i32, reden: &str) -> Result<(), DbErr> {
    let nu = Utc::now();
    webhook::Entity::update_many()
        .col_expr(webhook::Column::Actief, Expr::value(false))
        .col_expr(
            webhook::Column::UitgeschakeldReden,
            Expr::value(reden.to_string()),
        )
        .col_expr(webhook::Column::UitgeschakeldOp, Expr::value(nu))
        .col_expr(webhook::Column::GewijzigdOp, Expr::value(nu))
        .filter(webhook::Column::Id.eq(id))
        .exec(c)
        .await?;
    levering::Entity::update_many()
        .col_expr(levering::Column::Toestand, Expr::value(Toestand::Gestopt))
        .filter(levering::Column::WebhookId.eq(id))
        .filter(levering::Column::Toestand.eq(Toestand::Wachtend))
        .exec(c)
        .await?;
    Ok(())
}

async fn find<C: ConnectionTrait>(c: &C, id: i32) -> ServiceResult<webhook::Model> {
    webhook::Entity::find_by_id(id)
        .one(c)
        .await?
        .ok_or_else(|| ServiceError::NotFound("webhook".into()))
}

async fn themas_van<C: ConnectionTrait>(c: &C, w: &webhook::Model) -> Result<Vec<i32>, DbErr> {
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

    /// Switches a webhook off by hand; its waiting deliveries stop.
    pub async fn webhook_uitschakelen(&self, door: &Kijker, id: i32) -> ServiceResult<WebhookMetThemas> {
        alleen_beheer(door, "schakelt webhooks uit")?;
        let txn = self.db.begin_write().await?;
        find(&txn, id).await?;
        let reden = format!("uitgeschakeld door {}", door.naam());
        zet_uit(&txn, id, &reden).await?;
        audit::schrijf(
            &txn,
            door,
            "webhookUitschakelen",
            Some(format!("webhook/{id}")),
            json!({}),
        )
        .await?;
        let w = find(&txn, id).await?;
        let themas = themas_van(&txn, &w).await?;
        self.db.commit(txn).await?;
        Ok((w, themas))
    }

    /// Switches a webhook on again: the failure count starts over and its stopped deliveries are due at once.
    pub async fn webhook_aanzetten(&self, door: &Kijker, id: i32) -> ServiceResult<WebhookMetThemas> {
        alleen_beheer(door, "zet webhooks aan")?;
        let txn = self.db.begin_write().await?;
        find(&txn, id).await?;
        let nu = Utc::now();
        webhook::Entity::update_many()
            .col_expr(webhook::Column::Actief, Expr::value(true))
            .col_expr(
                webhook::Column::UitgeschakeldReden,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                webhook::Column::UitgeschakeldOp,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(webhook::Column::OpeenvolgendeFouten, Expr::value(0))
            .col_expr(webhook::Column::GewijzigdOp, Expr::value(nu))
            .filter(webhook::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        levering::Entity::update_many()
            .col_expr(levering::Column::Toestand, Expr::value(Toestand::Wachtend))
            .col_expr(levering::Column::VolgendePogingOp, Expr::value(nu))
            .col_expr(
                levering::Column::GeclaimdTot,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .filter(levering::Column::WebhookId.eq(id))
            .filter(levering::Column::Toestand.eq(Toestand::Gestopt))
            .exec(&txn)
            .await?;
        audit::schrijf(
            &txn,
            door,
            "webhookAanzetten",
            Some(format!("webhook/{id}")),
            json!({}),
        )
        .await?;
        let w = find(&txn, id).await?;
        let themas = themas_van(&txn, &w).await?;
        self.db.commit(txn).await?;
        self.webhooks.wek();
        Ok((w, themas))
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

    /// A page of webhook `id`'s deliveries, newest first, before delivery `voor`; at most [`MAX_LEVERINGEN`].
    pub async fn leveringen(
        &self,
        kijker: &Kijker,
        id: i32,
        voor: Option<i32>,
        aantal: u64,
    ) -> ServiceResult<LeveringPagina> {
        alleen_beheer(kijker, "ziet de webhookleveringen")?;
        if aantal > MAX_LEVERINGEN {
            return Err(ServiceError::invalid(
                "first",
                format!("first moet tussen 0 en {MAX_LEVERINGEN} liggen"),
            ));
        }
        let q = levering::Entity::find().filter(levering::Column::WebhookId.eq(id));
        let totaal = q.clone().count(&self.db.reader).await?;
        let q = match voor {
            Some(v) => q.filter(levering::Column::Id.lt(v)),
            None => q,
        };
        let mut leveringen = q
            .order_by_desc(levering::Column::Id)
            .limit(aantal + 1)
            .all(&self.db.reader)
            .await?;
        let meer = leveringen.len() as u64 > aantal;
        leveringen.truncate(usize::try_from(aantal).unwrap_or(usize::MAX));
        Ok(LeveringPagina {
            leveringen,
            meer,
            totaal,
        })
    }

    /// Sends a delivery again (at once), whatever its state; its webhook must be switched on.
    pub async fn levering_opnieuw(&self, door: &Kijker, id: i32) -> ServiceResult<levering::Model> {
        alleen_beheer(door, "verstuurt webhookleveringen opnieuw")?;
        let txn = self.db.begin_write().await?;
        let l = levering::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or_else(|| ServiceError::NotFound("webhooklevering".into()))?;
        if !find(&txn, l.webhook_id).await?.actief {
            return Err(ServiceError::invalid(
                "id",
                "de webhook staat uit: zet hem eerst aan",
            ));
        }
        let nu = Utc::now();
        levering::Entity::update_many()
            .col_expr(levering::Column::Toestand, Expr::value(Toestand::Wachtend))
            .col_expr(levering::Column::VolgendePogingOp, Expr::value(nu))
            .col_expr(
                levering::Column::GeclaimdTot,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .filter(levering::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        audit::schrijf(
            &txn,
            door,
            "leveringOpnieuw",
            Some(format!("webhook/{}", l.webhook_id)),
            json!({ "levering": id, "berichtId": l.bericht_id }),
        )
        .await?;
        let l = levering::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or_else(|| ServiceError::NotFound("webhooklevering".into()))?;
        self.db.commit(txn).await?;
        self.webhooks.wek();
        Ok(l)
    }
}
