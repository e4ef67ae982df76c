//! RVO snapshots in the schema: freeze one (beheerders), list them, read one as the viewer may see it, and
//! compare a snapshot with now or with another snapshot ("Sinds vorige RVO").

use super::beheer::schrijver;
use super::ids::{self, Soort, encode};
use super::loaders::{ById, one};
use super::types::{GezondheidGql, RollupGql, RvoVergadering, StatusGql, parse_stored};
use super::zicht::zicht;
use crate::entities::{rvo_stand, rvo_vergadering};
use crate::service::Services;
use crate::service::peil::stand::{self, Stand, StandActie, StandOpgave, StandPlan, Verschil};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, ResultExt};
use chrono::{DateTime, NaiveDate, Utc};
use koers_shared::{Gezondheid, Status};

fn services<'a>(ctx: &Context<'a>) -> Result<&'a Services> {
    ctx.data::<Services>()
}

/// `m` as this request may see it.
async fn lees(ctx: &Context<'_>, m: rvo_stand::Model) -> Result<RvoStand> {
    let z = zicht(ctx)?;
    let db = &services(ctx)?.db.reader;
    let inhoud = stand::inhoud(&m).extend()?;
    let stand = stand::zichtbaar(db, &z, inhoud).await.extend()?;
    Ok(RvoStand { model: m, stand })
}

/// De vastgelegde stand van alle plannen bij een RVO-vergadering; onveranderlijk.
pub struct RvoStand {
    model: rvo_stand::Model,
    stand: Stand,
}

/// De vastgelegde stand van alle plannen bij een RVO-vergadering; onveranderlijk.
#[Object]
impl RvoStand {
    /// De vergadering (leeg als zij sindsdien is verwijderd).
    async fn vergadering(&self, ctx: &Context<'_>) -> Result<Option<RvoVergadering>> {
        Ok(
            one::<ById<rvo_vergadering::Entity>>(ctx, self.model.rvo_vergadering_id)
                .await?
                .map(RvoVergadering),
        )
    }

    /// De datum van de vergadering toen de stand werd vastgelegd.
    async fn datum(&self) -> NaiveDate {
        self.model.datum
    }

    /// Het moment waarvan de stand is: het begin van de vergadering (automatisch) of het moment van vastleggen.
    async fn peilmoment(&self) -> DateTime<Utc> {
        self.model.peilmoment
    }

    /// Wanneer de stand werd vastgelegd.
    async fn vastgelegd_op(&self) -> DateTime<Utc> {
        self.model.vastgelegd_op
    }

    /// Wie de stand vastlegde.
    async fn door(&self) -> &str {
        &self.model.door
    }

    /// Waar: automatisch vastgelegd bij het begin van de vergadering.
    async fn automatisch(&self) -> bool {
        self.model.automatisch
    }

    /// De plannen zoals ze toen waren, voor zover u ze mag zien.
    async fn plannen(&self) -> Vec<StandPlanGql> {
        self.stand.plannen.iter().cloned().map(StandPlanGql).collect()
    }
}

/// Een plan in een vastgelegde stand.
pub struct StandPlanGql(StandPlan);

/// Een plan in een vastgelegde stand.
#[Object(name = "StandPlan")]
impl StandPlanGql {
    /// Het id van het plan.
    async fn id(&self) -> ID {
        encode(Soort::Actieplan, self.0.id)
    }

    /// De titel toen.
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// De samenvatting toen, over de acties die u mag zien.
    async fn rollup(&self) -> Result<RollupGql> {
        Ok(RollupGql(self.0.samenvatting().extend()?))
    }

    /// De opgaven toen.
    async fn opgaven(&self) -> Vec<StandOpgaveGql> {
        self.0.opgaven.iter().cloned().map(StandOpgaveGql).collect()
    }
}

/// Een opgave in een vastgelegde stand.
pub struct StandOpgaveGql(StandOpgave);

/// Een opgave in een vastgelegde stand.
#[Object(name = "StandOpgave")]
impl StandOpgaveGql {
    /// Het id van de opgave.
    async fn id(&self) -> ID {
        encode(Soort::Opgave, self.0.id)
    }

    /// De titel toen.
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// De samenvatting toen, over de acties die u mag zien.
    async fn rollup(&self) -> Result<RollupGql> {
        Ok(RollupGql(self.0.samenvatting().extend()?))
    }

    /// De acties die toen bestonden en die u mag zien.
    async fn acties(&self) -> Vec<StandActieGql> {
        self.0.acties.iter().cloned().map(StandActieGql).collect()
    }
}

/// Een actie in een vastgelegde stand.
pub struct StandActieGql(StandActie);

/// Een actie in een vastgelegde stand.
#[Object(name = "StandActie")]
impl StandActieGql {
    /// Het id van de actie.
    async fn id(&self) -> ID {
        encode(Soort::Actie, self.0.id)
    }

    /// De titel toen.
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// De versie toen.
    async fn versie(&self) -> i32 {
        self.0.op.versie
    }

    /// De status toen.
    async fn status(&self) -> Result<StatusGql> {
        Ok(parse_stored::<Status>(&self.0.op.status, "status")?.into())
    }

    /// De gezondheid toen.
    async fn gezondheid(&self) -> Result<Option<GezondheidGql>> {
        self.0
            .op
            .gezondheid
            .as_deref()
            .map(|g| Ok(parse_stored::<Gezondheid>(g, "gezondheid")?.into()))
            .transpose()
    }

    /// De reden van de gezondheid toen.
    async fn gezondheid_reden(&self) -> Option<&str> {
        self.0.op.gezondheid_reden.as_deref()
    }

    /// De voortgang toen.
    async fn voortgang(&self) -> Option<i32> {
        self.0.op.voortgang
    }
}

/// Een actie waarvan status, gezondheid of voortgang verschilt tussen twee standen.
pub struct StandVerschil(Verschil);

/// Een actie waarvan status, gezondheid of voortgang verschilt tussen twee standen.
#[Object]
impl StandVerschil {
    /// Het plan van de actie.
    async fn plan(&self) -> ID {
        encode(Soort::Actieplan, self.0.plan_id)
    }

    /// De opgave van de actie.
    async fn opgave(&self) -> ID {
        encode(Soort::Opgave, self.0.opgave_id)
    }

    /// De actie.
    async fn actie(&self) -> ID {
        encode(Soort::Actie, self.0.actie_id)
    }

    /// De titel (de laatste van beide).
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// De actie in de eerste stand; leeg als zij toen nog niet bestond.
    async fn voor(&self) -> Option<StandActieGql> {
        self.0.voor.clone().map(StandActieGql)
    }

    /// De actie in de tweede stand (of nu); leeg als zij er niet meer is of u haar niet meer mag zien.
    async fn na(&self) -> Option<StandActieGql> {
        self.0.na.clone().map(StandActieGql)
    }
}

/// Het verschil tussen de stand van een RVO-vergadering en nu of een latere stand.
pub struct RvoVergelijking {
    van: RvoStand,
    met: Option<RvoStand>,
    verschillen: Vec<Verschil>,
}

/// Het verschil tussen de stand van een RVO-vergadering en nu of een latere stand.
#[Object]
impl RvoVergelijking {
    /// De stand waarmee vergeleken wordt.
    async fn van(&self) -> &RvoStand {
        &self.van
    }

    /// De andere stand; leeg als met nu vergeleken is.
    async fn met(&self) -> Option<&RvoStand> {
        self.met.as_ref()
    }

    /// De acties die sindsdien veranderden, verschenen of verdwenen.
    async fn verschillen(&self) -> Vec<StandVerschil> {
        self.verschillen.iter().cloned().map(StandVerschil).collect()
    }
}

async fn van_vergadering(ctx: &Context<'_>, id: &ID, veld: &str) -> Result<Option<rvo_stand::Model>> {
    let id = ids::decode(id, Soort::RvoVergadering, veld).extend()?;
    stand::van_vergadering(&services(ctx)?.db.reader, id)
        .await
        .extend()
}

/// Leesoperaties rond de vastgelegde standen van RVO-vergaderingen.
#[derive(Default)]
pub struct RvoStandQuery;

/// Leesoperaties rond de vastgelegde standen van RVO-vergaderingen.
#[Object]
impl RvoStandQuery {
    /// Alle vastgelegde standen, op vergaderdatum.
    async fn rvo_standen(&self, ctx: &Context<'_>) -> Result<Vec<RvoStand>> {
        zicht(ctx)?;
        let mut out = Vec::new();
        for m in stand::alle(&services(ctx)?.db.reader).await.extend()? {
            out.push(lees(ctx, m).await?);
        }
        Ok(out)
    }

    /// De vastgelegde stand van een vergadering, als die er is.
    async fn rvo_stand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de RVO-vergadering.")] vergadering: ID,
    ) -> Result<Option<RvoStand>> {
        zicht(ctx)?;
        match van_vergadering(ctx, &vergadering, "vergadering").await? {
            Some(m) => Ok(Some(lees(ctx, m).await?)),
            None => Ok(None),
        }
    }

    /// Wat er sinds de stand van vergadering `van` veranderde: tot nu, of tot de stand van vergadering `met`.
    async fn rvo_vergelijking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De vergadering waarvan de stand het begin is.")] van: ID,
        #[graphql(desc = "De vergadering waarvan de stand het einde is; zonder: nu.")] met: Option<ID>,
    ) -> Result<RvoVergelijking> {
        let z = zicht(ctx)?;
        let geen = || crate::error::ServiceError::NotFound("vastgelegde stand".into()).extend();
        let van = van_vergadering(ctx, &van, "van").await?.ok_or_else(geen)?;
        let van = lees(ctx, van).await?;
        let (met, na) = match met {
            Some(id) => {
                let m = lees(ctx, van_vergadering(ctx, &id, "met").await?.ok_or_else(geen)?).await?;
                let na = m.stand.clone();
                (Some(m), na)
            }
            None => {
                let db = &services(ctx)?.db.reader;
                let nu = stand::stand_op(db, Utc::now()).await.extend()?;
                (None, stand::zichtbaar(db, &z, nu).await.extend()?)
            }
        };
        let verschillen = stand::verschillen(&van.stand, &na);
        Ok(RvoVergelijking {
            van,
            met,
            verschillen,
        })
    }
}

/// Schrijfoperaties rond de vastgelegde standen (alleen beheerders).
#[derive(Default)]
pub struct RvoStandMutation;

/// Schrijfoperaties rond de vastgelegde standen (alleen beheerders).
#[Object]
impl RvoStandMutation {
    /// Legt nu de stand van alle plannen vast voor een RVO-vergadering; eenmaal per vergadering (bij het begin
    /// van de vergadering doet Koers het zelf, als het nog niet gebeurd is).
    async fn rvo_stand_vastleggen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van de RVO-vergadering.")] vergadering: ID,
    ) -> Result<RvoStand> {
        let k = schrijver(ctx)?;
        let id = ids::decode(&vergadering, Soort::RvoVergadering, "vergadering").extend()?;
        let m = services(ctx)?.rvo_stand_vastleggen(k, id).await.extend()?;
        lees(ctx, m).await
    }
}
