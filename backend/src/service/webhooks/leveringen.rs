//! Switching a webhook off and on, and its delivery log: read a page, send a delivery again.

use super::beheer::{WebhookMetThemas, find, themas_van};
use crate::entities::webhook;
use crate::entities::webhook_levering::{self as levering, Toestand};
use crate::error::{ServiceError, ServiceResult};
use crate::service::Services;
use crate::service::audit;
use crate::service::toegang::alleen_beheer;
use crate::toegang::Kijker;
use chrono::Utc;
use koers_shared::Melding;
use koers_shared::webhook::MAX_LEVERINGEN;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;

/// A page of a webhook's delivery log, newest first.
#[derive(Debug, Clone)]
pub struct LeveringPagina {
    pub leveringen: Vec<levering::Model>,
    pub meer: bool,
    pub totaal: u64,
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

impl Services {
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
            return Err(ServiceError::melding(
                "first",
                Melding::BuitenBereik {
                    min: 0,
                    max: i64::try_from(MAX_LEVERINGEN).unwrap_or(i64::MAX),
                },
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
            return Err(ServiceError::melding("id", Melding::WebhookUit));
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
