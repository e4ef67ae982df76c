//! Actieplan and Opgave: the tree a dashboard walks (below [`super::Thema`]), each with its roll-up and its
//! number of acties overdue with an update.

use super::{Actie, PlanSoortGql, PlanStatusGql, RollupGql, Thema, parse_stored};
use crate::entities::{actieplan, opgave, thema};
use crate::graphql::ids::{Soort, encode};
use crate::graphql::loaders::{
    ActiesPerOpgave, ById, OpgavenPerPlan, OrganisatiesPerOpgave, RollupPerOpgave, RollupPerPlan, Sleutel,
    one, one_as,
};
use crate::graphql::peil::{
    self, ActieplanOp, ActiesPerOpgaveOp, OpgavenPerPlanOp, PeilSleutel, RollupPerOpgaveOp, RollupPerPlanOp,
};
use crate::graphql::reeks::{self, ReeksIntervalGql, ReeksPunt, Van};
use crate::graphql::te_laat::{self, TeLaatPerOpgave, TeLaatPerPlan};
use crate::graphql::voorraad::Voorraad;
use crate::graphql::zicht::zicht;
use crate::service::rollups::Samenvatting;
use async_graphql::dataloader::Loader;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use koers_shared::{PlanSoort, PlanStatus};

/// The roll-up of `id` with loader `T` (or `P` as of `peilmoment`) over what this request may see, or
/// without confidential work.
pub(super) async fn rollup<T, P>(
    ctx: &Context<'_>,
    id: i32,
    zonder_vertrouwelijk: Option<bool>,
    peilmoment: Option<DateTime<Utc>>,
) -> Result<RollupGql>
where
    T: Loader<Sleutel, Value = Samenvatting, Error = async_graphql::Error>,
    P: Loader<PeilSleutel, Value = Samenvatting, Error = async_graphql::Error>,
{
    let mut z = zicht(ctx)?;
    if zonder_vertrouwelijk == Some(true) {
        z = z.zonder_vertrouwelijk();
    }
    let s = match peilmoment {
        Some(t) => peil::op::<P>(ctx, z, t, id).await?,
        None => one_as::<T>(ctx, z, id).await?,
    };
    Ok(RollupGql(s.unwrap_or_default()))
}

/// When the selection of the acties of `opgave` asks for their organisations: fetches them for all of them
/// at once into the request's [`Voorraad`] (one loader call per opgave instead of one per actie and field).
async fn voorraad_organisaties(ctx: &Context<'_>, opgave: i32, acties: &[Actie]) -> Result<()> {
    let Some(voorraad) = Voorraad::van(ctx) else {
        return Ok(());
    };
    let ahead = ctx.look_ahead();
    if acties.is_empty() || !(ahead.field("trekkers").exists() || ahead.field("partners").exists()) {
        return Ok(());
    }
    let found = one::<OrganisatiesPerOpgave>(ctx, opgave)
        .await?
        .unwrap_or_default();
    let ids: Vec<i32> = acties.iter().map(|a| a.0.id).collect();
    voorraad.bewaar(&ids, found);
    Ok(())
}

/// Een door het RVO vastgesteld plan: actieplan, uitvoeringsprogramma, uitvoeringsagenda of jaarplan. The
/// second field is the moment it was read as of (its opgaven, roll-up and acties then follow that moment).
#[derive(Clone)]
pub struct Actieplan(pub actieplan::Model, pub Option<DateTime<Utc>>);

impl Actieplan {
    /// The plan as it is now.
    pub fn nu(m: actieplan::Model) -> Self {
        Actieplan(m, None)
    }
}

/// The plan `id` as this request sees it, as of `peil` (then) or now.
async fn plan_van(ctx: &Context<'_>, id: i32, peil: Option<DateTime<Utc>>) -> Result<Option<Actieplan>> {
    Ok(match peil {
        Some(t) => peil::op_mijn::<ActieplanOp>(ctx, t, id)
            .await?
            .map(|m| Actieplan(m, Some(t))),
        None => one::<ById<actieplan::Entity>>(ctx, id).await?.map(Actieplan::nu),
    })
}

/// Een door het RVO vastgesteld plan: actieplan, uitvoeringsprogramma, uitvoeringsagenda of jaarplan.
#[Object]
impl Actieplan {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::Actieplan, self.0.id)
    }

    /// Vaste sleutel uit de bron.
    async fn sleutel(&self) -> &str {
        &self.0.sleutel
    }

    /// Titel van het plan.
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// Soort plan.
    async fn soort(&self) -> Result<PlanSoortGql> {
        Ok(parse_stored::<PlanSoort>(&self.0.soort, "plansoort")?.into())
    }

    /// Eerste jaar van de looptijd.
    async fn periode_van(&self) -> i32 {
        self.0.periode_van
    }

    /// Laatste jaar van de looptijd.
    async fn periode_tot(&self) -> i32 {
        self.0.periode_tot
    }

    /// Wie het plan vaststelde (bijvoorbeeld het RVO), als de bron het zegt.
    async fn vastgesteld_door(&self) -> Option<&str> {
        self.0.vastgesteld_door.as_deref()
    }

    /// Wanneer het plan werd vastgesteld, zo precies als de bron zegt: `JJJJ`, `JJJJ-MM` of `JJJJ-MM-DD`.
    async fn vastgesteld_op(&self) -> Option<&str> {
        self.0.vastgesteld_op.as_deref()
    }

    /// Stand van het plan; `AFGEROND` is gesloten.
    async fn status(&self) -> Result<PlanStatusGql> {
        Ok(parse_stored::<PlanStatus>(&self.0.status, "planstatus")?.into())
    }

    /// Versie, voor optimistische gelijktijdigheid bij `actieplanWijzigen`.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Het plan dat dit plan opvolgt, als dat is vastgelegd.
    async fn opvolger(&self, ctx: &Context<'_>) -> Result<Option<Actieplan>> {
        match self.0.opvolger_id {
            Some(id) => plan_van(ctx, id, self.1).await,
            None => Ok(None),
        }
    }

    /// Bron: document en sectie.
    async fn bron(&self) -> &str {
        &self.0.bron
    }

    /// Het thema van dit plan.
    async fn thema(&self, ctx: &Context<'_>) -> Result<Option<Thema>> {
        Ok(one::<ById<thema::Entity>>(ctx, self.0.thema_id).await?.map(Thema))
    }

    /// De opgaven van dit plan, in hun volgorde (bij een plan op een peilmoment: die toen bestonden, zoals ze
    /// toen waren).
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::OPGAVEN_PER_PLAN, child_complexity)"
    )]
    async fn opgaven(&self, ctx: &Context<'_>) -> Result<Vec<Opgave>> {
        let opgaven = match self.1 {
            Some(t) => peil::op_mijn::<OpgavenPerPlanOp>(ctx, t, self.0.id).await?,
            None => one::<OpgavenPerPlan>(ctx, self.0.id).await?,
        };
        Ok(opgaven
            .unwrap_or_default()
            .into_iter()
            .map(|o| Opgave(o, self.1))
            .collect())
    }

    /// Samenvatting van de acties van dit plan die u mag zien.
    async fn rollup(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Waar: tel vertrouwelijke acties niet mee, ook als u ze mag zien (de presentatiemodus vraagt dit); ze tellen dan in `aantalVerborgen`."
        )]
        zonder_vertrouwelijk: Option<bool>,
        #[graphql(
            desc = "De stand op dit moment, herleid uit de historie (zonder: het peilmoment van het plan of de opgave, anders nu); niet in de toekomst."
        )]
        peilmoment: Option<DateTime<Utc>>,
    ) -> Result<RollupGql> {
        let peilmoment = peilmoment.or(self.1);
        rollup::<RollupPerPlan, RollupPerPlanOp>(ctx, self.0.id, zonder_vertrouwelijk, peilmoment).await
    }

    /// Het verloop van de samenvatting: op `van`, dan elk `interval` en als laatste op `tot` (standaard nu),
    /// herleid uit de historie; hoogstens 400 punten.
    async fn rollup_reeks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het eerste punt.")] van: DateTime<Utc>,
        #[graphql(desc = "Het laatste punt (standaard nu); niet in de toekomst.")] tot: Option<DateTime<Utc>>,
        #[graphql(desc = "De stap tussen twee punten.")] interval: ReeksIntervalGql,
        #[graphql(desc = "Waar: tel vertrouwelijke acties niet mee (zoals bij `rollup`).")]
        zonder_vertrouwelijk: Option<bool>,
    ) -> Result<Vec<ReeksPunt>> {
        reeks::reeks(
            ctx,
            Van::Plan(self.0.id),
            van,
            tot,
            interval,
            zonder_vertrouwelijk,
        )
        .await
    }

    /// Aantal acties in uitvoering of doorlopend die u mag zien en waarvan de laatste update meer dan `weken`
    /// weken vóór `peildatum` ligt (de volgende RVO-vergadering, of vandaag).
    async fn aantal_te_laat(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De datum waartegen gemeten wordt.")] peildatum: NaiveDate,
        #[graphql(desc = "Weken zonder update (1–52, standaard 4).")] weken: Option<i32>,
        #[graphql(desc = "Waar: tel vertrouwelijke acties niet mee (zoals bij `rollup`).")]
        zonder_vertrouwelijk: Option<bool>,
    ) -> Result<u32> {
        te_laat::aantal::<TeLaatPerPlan>(ctx, self.0.id, peildatum, weken, zonder_vertrouwelijk).await
    }
}

/// Een opgave (thema binnen een plan) met haar acties. The second field is the moment it was read as of.
#[derive(Clone)]
pub struct Opgave(pub opgave::Model, pub Option<DateTime<Utc>>);

impl Opgave {
    /// The opgave as it is now.
    pub fn nu(m: opgave::Model) -> Self {
        Opgave(m, None)
    }
}

/// Een opgave (thema binnen een plan) met haar acties.
#[Object]
impl Opgave {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::Opgave, self.0.id)
    }

    /// Vaste sleutel uit de bron.
    async fn sleutel(&self) -> &str {
        &self.0.sleutel
    }

    /// Plaats binnen het plan, vanaf 1.
    async fn volgorde(&self) -> i32 {
        self.0.volgorde
    }

    /// Titel van de opgave.
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// Beschrijving uit de bron (kan leeg zijn).
    async fn beschrijving(&self) -> &str {
        &self.0.beschrijving
    }

    /// Versie, voor optimistische gelijktijdigheid bij `opgaveWijzigen` en `opgavenOrdenen`.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Vervallen: de opgave heeft geen acties meer en krijgt er geen nieuwe; zij blijft voor de historie.
    async fn vervallen(&self) -> bool {
        self.0.vervallen
    }

    /// Bron: document en sectie.
    async fn bron(&self) -> &str {
        &self.0.bron
    }

    /// Het plan van deze opgave.
    async fn actieplan(&self, ctx: &Context<'_>) -> Result<Option<Actieplan>> {
        plan_van(ctx, self.0.actieplan_id, self.1).await
    }

    /// De acties van deze opgave die u mag zien, op jaar.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::ACTIES_PER_OPGAVE, child_complexity)"
    )]
    async fn acties(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Alleen vertrouwelijke (`true`) of alleen open (`false`) acties; de presentatiemodus vraagt `false`."
        )]
        vertrouwelijk: Option<bool>,
        #[graphql(
            desc = "De acties zoals ze op dit moment waren (alleen die toen bestonden; zonder: het peilmoment van de opgave, anders nu); niet in de toekomst."
        )]
        peilmoment: Option<DateTime<Utc>>,
    ) -> Result<Vec<Actie>> {
        let peilmoment = peilmoment.or(self.1);
        let acties: Vec<Actie> = match peilmoment {
            Some(t) => peil::op_mijn::<ActiesPerOpgaveOp>(ctx, t, self.0.id).await?,
            None => one::<ActiesPerOpgave>(ctx, self.0.id).await?,
        }
        .unwrap_or_default()
        .into_iter()
        .filter(|a| vertrouwelijk.is_none_or(|v| a.vertrouwelijk == v))
        .map(Actie)
        .collect();
        // The organisations are fetched per opgave as it is now; an actie of then may be elsewhere now.
        if peilmoment.is_none() {
            voorraad_organisaties(ctx, self.0.id, &acties).await?;
        }
        Ok(acties)
    }

    /// Samenvatting van de acties van deze opgave die u mag zien.
    async fn rollup(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Waar: tel vertrouwelijke acties niet mee, ook als u ze mag zien (de presentatiemodus vraagt dit); ze tellen dan in `aantalVerborgen`."
        )]
        zonder_vertrouwelijk: Option<bool>,
        #[graphql(
            desc = "De stand op dit moment, herleid uit de historie (zonder: het peilmoment van het plan of de opgave, anders nu); niet in de toekomst."
        )]
        peilmoment: Option<DateTime<Utc>>,
    ) -> Result<RollupGql> {
        let peilmoment = peilmoment.or(self.1);
        rollup::<RollupPerOpgave, RollupPerOpgaveOp>(ctx, self.0.id, zonder_vertrouwelijk, peilmoment).await
    }

    /// Het verloop van de samenvatting: op `van`, dan elk `interval` en als laatste op `tot` (standaard nu),
    /// herleid uit de historie; hoogstens 400 punten.
    async fn rollup_reeks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het eerste punt.")] van: DateTime<Utc>,
        #[graphql(desc = "Het laatste punt (standaard nu); niet in de toekomst.")] tot: Option<DateTime<Utc>>,
        #[graphql(desc = "De stap tussen twee punten.")] interval: ReeksIntervalGql,
        #[graphql(desc = "Waar: tel vertrouwelijke acties niet mee (zoals bij `rollup`).")]
        zonder_vertrouwelijk: Option<bool>,
    ) -> Result<Vec<ReeksPunt>> {
        reeks::reeks(
            ctx,
            Van::Opgave(self.0.id),
            van,
            tot,
            interval,
            zonder_vertrouwelijk,
        )
        .await
    }

    /// Aantal acties in uitvoering of doorlopend die u mag zien en waarvan de laatste update meer dan `weken`
    /// weken vóór `peildatum` ligt (de volgende RVO-vergadering, of vandaag).
    async fn aantal_te_laat(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De datum waartegen gemeten wordt.")] peildatum: NaiveDate,
        #[graphql(desc = "Weken zonder update (1–52, standaard 4).")] weken: Option<i32>,
        #[graphql(desc = "Waar: tel vertrouwelijke acties niet mee (zoals bij `rollup`).")]
        zonder_vertrouwelijk: Option<bool>,
    ) -> Result<u32> {
        te_laat::aantal::<TeLaatPerOpgave>(ctx, self.0.id, peildatum, weken, zonder_vertrouwelijk).await
    }
}
