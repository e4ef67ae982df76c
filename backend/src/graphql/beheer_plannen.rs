//! Beheer of plans and opgaven in the schema: create, change, close, name a successor, move open acties to
//! it (with a preview), reorder and retire opgaven; and the history of any record above acties.

use super::beheer::schrijver;
use super::ids::{self, Soort};
use super::types::beheer::{BeheerWijziging, VerplaatsingGql};
use super::types::{Actieplan, Opgave, PlanSoortGql, PlanStatusGql};
use super::zicht::kijker;
use crate::error::ServiceError;
use crate::service::Services;
use crate::service::beheer::{
    OpgaveInvoer, OpgaveWijziging, PlanInvoer, PlanWijziging, historie_van, mag_plannen_beheren,
};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, ResultExt};
use koers_shared::Melding;

fn maybe<T>(m: MaybeUndefined<T>) -> Option<Option<T>> {
    match m {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

/// Een nieuw plan.
#[derive(InputObject)]
pub struct ActieplanAanmakenInvoer {
    /// Het thema van het plan.
    thema: ID,
    /// Vaste sleutel (kleine letters, cijfers, streepjes); weglaten maakt er een uit de titel.
    sleutel: Option<String>,
    /// Titel (1–300 tekens).
    titel: String,
    /// Soort plan.
    soort: PlanSoortGql,
    /// Eerste jaar van de looptijd.
    periode_van: i32,
    /// Laatste jaar van de looptijd.
    periode_tot: i32,
    /// Wie het plan vaststelde.
    vastgesteld_door: Option<String>,
    /// Wanneer: `JJJJ`, `JJJJ-MM` of `JJJJ-MM-DD`.
    vastgesteld_op: Option<String>,
    /// Stand van het plan, standaard VASTGESTELD.
    #[graphql(default_with = "PlanStatusGql::Vastgesteld")]
    status: PlanStatusGql,
    /// Bron: document en sectie; weglaten zegt wie het invoerde.
    bron: Option<String>,
}

/// Een wijziging van een plan; weggelaten velden blijven zoals zij zijn, `null` wist een veld.
#[derive(InputObject)]
pub struct ActieplanWijzigenInvoer {
    /// Het plan.
    id: ID,
    /// De versie die u las; is het plan intussen gewijzigd, dan volgt CONFLICT.
    versie: i32,
    /// Een ander thema.
    thema: Option<ID>,
    /// Titel.
    titel: Option<String>,
    /// Soort plan.
    soort: Option<PlanSoortGql>,
    /// Eerste jaar.
    periode_van: Option<i32>,
    /// Laatste jaar.
    periode_tot: Option<i32>,
    /// Wie het plan vaststelde.
    vastgesteld_door: MaybeUndefined<String>,
    /// Wanneer: `JJJJ`, `JJJJ-MM` of `JJJJ-MM-DD`.
    vastgesteld_op: MaybeUndefined<String>,
    /// Stand; AFGEROND sluit het plan.
    status: Option<PlanStatusGql>,
    /// Bron.
    bron: Option<String>,
    /// Het plan dat dit plan opvolgt.
    opvolger: MaybeUndefined<ID>,
    /// Waarom (in de historie).
    toelichting: Option<String>,
}

/// Een nieuwe opgave, achteraan in haar plan.
#[derive(InputObject)]
pub struct OpgaveAanmakenInvoer {
    /// Het plan.
    actieplan: ID,
    /// Vaste sleutel; weglaten maakt er een uit plan en titel.
    sleutel: Option<String>,
    /// Titel (1–300 tekens).
    titel: String,
    /// Beschrijving.
    beschrijving: Option<String>,
    /// Bron; weglaten zegt wie het invoerde.
    bron: Option<String>,
}

/// Een wijziging van een opgave; weggelaten velden blijven zoals zij zijn.
#[derive(InputObject)]
pub struct OpgaveWijzigenInvoer {
    /// De opgave.
    id: ID,
    /// De versie die u las.
    versie: i32,
    /// Titel.
    titel: Option<String>,
    /// Beschrijving.
    beschrijving: Option<String>,
    /// Bron.
    bron: Option<String>,
    /// Waar: laat de opgave vervallen (alleen zonder acties); onwaar: haal haar terug.
    vervallen: Option<bool>,
    /// Waarom (in de historie).
    toelichting: Option<String>,
}

/// Een opgave op haar nieuwe plaats, met de versie die u las.
#[derive(InputObject)]
pub struct OpgavePlaats {
    /// De opgave.
    id: ID,
    /// De versie die u las.
    versie: i32,
}

/// Leesoperaties van het beheer van plannen.
#[derive(Default)]
pub struct BeheerPlanQuery;

#[Object]
impl BeheerPlanQuery {
    /// Voorbeeld: de open acties van een plan en de opgave van het opvolgende plan waar elk heen gaat (dezelfde
    /// titel, anders `naarOpgave`). Verandert niets.
    async fn verplaatsing_naar_opvolger(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het plan dat afloopt.")] actieplan: ID,
        #[graphql(desc = "Opgave van het opvolgende plan voor acties zonder opgave met dezelfde titel.")]
        naar_opgave: Option<ID>,
    ) -> Result<VerplaatsingGql> {
        let k = kijker(ctx);
        mag_plannen_beheren(k).extend()?;
        let plan = ids::decode(&actieplan, Soort::Actieplan, "actieplan").extend()?;
        let naar = naar_opgave
            .map(|o| ids::decode(&o, Soort::Opgave, "naarOpgave"))
            .transpose()
            .extend()?;
        let v = ctx
            .data::<Services>()?
            .verplaatsing(k, plan, naar)
            .await
            .extend()?;
        Ok(VerplaatsingGql(v))
    }

    /// De historie van een thema, plan, opgave, organisatie, RVO-vergadering of gebruiker, oudste eerst.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::BEHEER_LIJST, child_complexity)"
    )]
    async fn beheer_historie(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het id van het object.")] id: ID,
    ) -> Result<Vec<BeheerWijziging>> {
        let k = kijker(ctx);
        if !k.mag_lezen() {
            return Err(ServiceError::Unauthenticated).extend();
        }
        let (soort, n) = ids::decode_any(&id, "id").extend()?;
        let soort = match soort {
            Soort::Thema => "thema",
            Soort::Actieplan => "actieplan",
            Soort::Opgave => "opgave",
            Soort::Organisatie => "organisatie",
            Soort::RvoVergadering => "rvo_vergadering",
            Soort::Gebruiker => "gebruiker",
            _ => {
                return Err(ServiceError::melding("id", Melding::GeenHistorie)).extend();
            }
        };
        let rows = historie_van(ctx.data::<Services>()?, k, soort, n)
            .await
            .extend()?;
        Ok(rows.into_iter().map(BeheerWijziging).collect())
    }
}

/// Schrijfoperaties van het beheer van plannen (beheerders; redacteuren in hun eigen thema's).
#[derive(Default)]
pub struct BeheerPlanMutation;

#[Object]
impl BeheerPlanMutation {
    /// Maakt een plan aan in een thema; de historie krijgt versie 1.
    async fn actieplan_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het nieuwe plan.")] invoer: ActieplanAanmakenInvoer,
    ) -> Result<Actieplan> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let n = PlanInvoer {
            thema_id: ids::decode(&invoer.thema, Soort::Thema, "thema").extend()?,
            sleutel: invoer.sleutel,
            titel: invoer.titel,
            soort: invoer.soort.into(),
            periode_van: invoer.periode_van,
            periode_tot: invoer.periode_tot,
            vastgesteld_door: invoer.vastgesteld_door,
            vastgesteld_op: invoer.vastgesteld_op,
            status: invoer.status.into(),
            bron: invoer.bron,
        };
        Ok(Actieplan::nu(
            ctx.data::<Services>()?.actieplan_aanmaken(k, n).await.extend()?,
        ))
    }

    /// Wijzigt een plan: titel, soort, looptijd, vaststelling, stand (AFGEROND sluit het), bron, thema, opvolger.
    async fn actieplan_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het plan, zijn versie en de nieuwe waarden.")] invoer: ActieplanWijzigenInvoer,
    ) -> Result<Actieplan> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let w = PlanWijziging {
            id: ids::decode(&invoer.id, Soort::Actieplan, "id").extend()?,
            versie: invoer.versie,
            thema_id: invoer
                .thema
                .map(|t| ids::decode(&t, Soort::Thema, "thema"))
                .transpose()
                .extend()?,
            titel: invoer.titel,
            soort: invoer.soort.map(Into::into),
            periode_van: invoer.periode_van,
            periode_tot: invoer.periode_tot,
            vastgesteld_door: maybe(invoer.vastgesteld_door),
            vastgesteld_op: maybe(invoer.vastgesteld_op),
            status: invoer.status.map(Into::into),
            bron: invoer.bron,
            opvolger_id: maybe(invoer.opvolger)
                .map(|o| {
                    o.map(|o| ids::decode(&o, Soort::Actieplan, "opvolger"))
                        .transpose()
                })
                .transpose()
                .extend()?,
            toelichting: invoer.toelichting,
        };
        Ok(Actieplan::nu(
            ctx.data::<Services>()?.actieplan_wijzigen(k, w).await.extend()?,
        ))
    }

    /// Verplaatst de open acties van een plan naar zijn opvolger, in één keer; elke actie houdt haar historie.
    /// Geweigerd (er verandert niets) als een actie geen opgave heeft om heen te gaan.
    async fn acties_naar_opvolger(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het plan dat afloopt.")] actieplan: ID,
        #[graphql(desc = "Opgave van het opvolgende plan voor acties zonder opgave met dezelfde titel.")]
        naar_opgave: Option<ID>,
    ) -> Result<VerplaatsingGql> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let plan = ids::decode(&actieplan, Soort::Actieplan, "actieplan").extend()?;
        let naar = naar_opgave
            .map(|o| ids::decode(&o, Soort::Opgave, "naarOpgave"))
            .transpose()
            .extend()?;
        let v = ctx
            .data::<Services>()?
            .acties_naar_opvolger(k, plan, naar)
            .await
            .extend()?;
        Ok(VerplaatsingGql(v))
    }

    /// Maakt een opgave aan, achteraan in haar plan.
    async fn opgave_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De nieuwe opgave.")] invoer: OpgaveAanmakenInvoer,
    ) -> Result<Opgave> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let n = OpgaveInvoer {
            actieplan_id: ids::decode(&invoer.actieplan, Soort::Actieplan, "actieplan").extend()?,
            sleutel: invoer.sleutel,
            titel: invoer.titel,
            beschrijving: invoer.beschrijving,
            bron: invoer.bron,
        };
        Ok(Opgave::nu(
            ctx.data::<Services>()?.opgave_aanmaken(k, n).await.extend()?,
        ))
    }

    /// Wijzigt een opgave, of laat haar vervallen (alleen als zij geen acties meer heeft).
    async fn opgave_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De opgave, haar versie en de nieuwe waarden.")] invoer: OpgaveWijzigenInvoer,
    ) -> Result<Opgave> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let w = OpgaveWijziging {
            id: ids::decode(&invoer.id, Soort::Opgave, "id").extend()?,
            versie: invoer.versie,
            titel: invoer.titel,
            beschrijving: invoer.beschrijving,
            bron: invoer.bron,
            vervallen: invoer.vervallen,
            toelichting: invoer.toelichting,
        };
        Ok(Opgave::nu(
            ctx.data::<Services>()?.opgave_wijzigen(k, w).await.extend()?,
        ))
    }

    /// Zet de opgaven van een plan in deze volgorde (elke opgave van het plan precies één keer).
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::OPGAVEN_PER_PLAN, child_complexity)"
    )]
    async fn opgaven_ordenen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het plan.")] actieplan: ID,
        #[graphql(desc = "De opgaven in hun nieuwe volgorde, elk met de versie die u las.")] opgaven: Vec<
            OpgavePlaats,
        >,
    ) -> Result<Vec<Opgave>> {
        let k = schrijver(ctx)?;
        mag_plannen_beheren(k).extend()?;
        let plan = ids::decode(&actieplan, Soort::Actieplan, "actieplan").extend()?;
        let volgorde = opgaven
            .iter()
            .map(|o| Ok((ids::decode(&o.id, Soort::Opgave, "opgaven")?, o.versie)))
            .collect::<Result<Vec<_>, ServiceError>>()
            .extend()?;
        let uit = ctx
            .data::<Services>()?
            .opgaven_ordenen(k, plan, &volgorde)
            .await
            .extend()?;
        Ok(uit.into_iter().map(Opgave::nu).collect())
    }
}
