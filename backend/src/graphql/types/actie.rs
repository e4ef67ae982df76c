//! Actie with its organisations and history, and the other leaves of the model.

use super::plan::Opgave;
use super::{GezondheidGql, OrganisatieSoortGql, StatusGql, parse_stored};
use crate::entities::{actie, actie_organisatie, opgave, organisatie, rvo_vergadering, voortgangsupdate};
use crate::graphql::ids::{Soort, encode};
use crate::graphql::loaders::{ById, HistoriePerActie, OrganisatiesPerActie, one};
use crate::graphql::voorraad::Voorraad;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use koers_shared::{Gezondheid, OrganisatieSoort, Status};

/// Een actie onder een opgave: eigenaars, periode, status, gezondheid en historie.
#[derive(Clone)]
pub struct Actie(pub actie::Model);

impl Actie {
    async fn organisaties(&self, ctx: &Context<'_>, rol: &str) -> Result<Vec<Organisatie>> {
        let keep = |all: &[(String, organisatie::Model)]| -> Vec<Organisatie> {
            all.iter()
                .filter(|(r, _)| r == rol)
                .map(|(_, o)| Organisatie(o.clone()))
                .collect()
        };
        if let Some(all) = Voorraad::van(ctx).and_then(|v| v.organisaties(self.0.id)) {
            return Ok(keep(&all));
        }
        let all = one::<OrganisatiesPerActie>(ctx, self.0.id)
            .await?
            .unwrap_or_default();
        Ok(keep(&all))
    }
}

// The fields that wait on a loader box their look-up: async-graphql boxes every selected field's future at
// the size of the largest one, so an unboxed loader call made each field of each actie in a long list cost
// kilobytes, also `id`.
/// Een actie onder een opgave: eigenaars, periode, status, gezondheid en historie.
#[Object]
impl Actie {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::Actie, self.0.id)
    }

    /// Vaste sleutel voor acties uit de bronnen; leeg voor acties die in Koers zijn ingevoerd.
    async fn sleutel(&self) -> Option<&str> {
        self.0.sleutel.as_deref()
    }

    /// Titel van de actie.
    async fn titel(&self) -> &str {
        &self.0.titel
    }

    /// Beschrijving.
    async fn beschrijving(&self) -> &str {
        &self.0.beschrijving
    }

    /// De opgave waar de actie onder valt.
    async fn opgave(&self, ctx: &Context<'_>) -> Result<Option<Opgave>> {
        Ok(Box::pin(one::<ById<opgave::Entity>>(ctx, self.0.opgave_id))
            .await?
            .map(Opgave::nu))
    }

    /// Waar: de bron plaatst de actie niet zelf onder deze opgave; Koers koos de best passende.
    async fn opgave_afgeleid(&self) -> bool {
        self.0.opgave_afgeleid
    }

    /// De trekkende organisaties.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::ORGANISATIES_PER_ACTIE, child_complexity)"
    )]
    async fn trekkers(&self, ctx: &Context<'_>) -> Result<Vec<Organisatie>> {
        Box::pin(self.organisaties(ctx, actie_organisatie::TREKKER)).await
    }

    /// De deelnemende partnerorganisaties.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::ORGANISATIES_PER_ACTIE, child_complexity)"
    )]
    async fn partners(&self, ctx: &Context<'_>) -> Result<Vec<Organisatie>> {
        Box::pin(self.organisaties(ctx, actie_organisatie::PARTNER)).await
    }

    /// Jaar waarin de actie gepland of gerapporteerd is.
    async fn jaar(&self) -> i32 {
        self.0.jaar
    }

    /// Kwartaal (1–4), als bekend.
    async fn kwartaal(&self) -> Option<i32> {
        self.0.kwartaal
    }

    /// Datum, als bekend.
    async fn datum(&self) -> Option<NaiveDate> {
        self.0.datum
    }

    /// Levensfase.
    async fn status(&self) -> Result<StatusGql> {
        Ok(parse_stored::<Status>(&self.0.status, "status")?.into())
    }

    /// Gezondheid tijdens de uitvoering, als gemeld.
    async fn gezondheid(&self) -> Result<Option<GezondheidGql>> {
        self.0
            .gezondheid
            .as_deref()
            .map(|g| Ok(parse_stored::<Gezondheid>(g, "gezondheid")?.into()))
            .transpose()
    }

    /// Waarom de gezondheid aandacht of risico is.
    async fn gezondheid_reden(&self) -> Option<&str> {
        self.0.gezondheid_reden.as_deref()
    }

    /// Voortgang in procenten (0–100), als gemeld.
    async fn voortgang(&self) -> Option<i32> {
        self.0.voortgang
    }

    /// Vertrouwelijk werk: nooit tonen in de presentatiemodus.
    async fn vertrouwelijk(&self) -> bool {
        self.0.vertrouwelijk
    }

    /// Bron: document en sectie, of wie de actie in Koers invoerde.
    async fn bron(&self) -> &str {
        &self.0.bron
    }

    /// Versie voor optimistische gelijktijdigheid: stuur haar mee bij elke wijziging.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Wanneer de actie in Koers kwam.
    async fn aangemaakt_op(&self) -> DateTime<Utc> {
        self.0.aangemaakt_op
    }

    /// Laatste wijziging.
    async fn gewijzigd_op(&self) -> DateTime<Utc> {
        self.0.gewijzigd_op
    }

    /// Alle wijzigingen, oudste eerst.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::HISTORIE_PER_ACTIE, child_complexity)"
    )]
    async fn historie(&self, ctx: &Context<'_>) -> Result<Vec<Voortgangsupdate>> {
        Ok(Box::pin(one::<HistoriePerActie>(ctx, self.0.id))
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Voortgangsupdate)
            .collect())
    }
}

/// Een organisatie: de VAR, een gemeente, politie, OM of een partner.
#[derive(Clone)]
pub struct Organisatie(pub organisatie::Model);

/// Een organisatie: de VAR, een gemeente, politie, OM of een partner.
#[Object]
impl Organisatie {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::Organisatie, self.0.id)
    }

    /// Vaste sleutel, bijvoorbeeld `politie`.
    async fn sleutel(&self) -> &str {
        &self.0.sleutel
    }

    /// Naam.
    async fn naam(&self) -> &str {
        &self.0.naam
    }

    /// Afkorting, als gangbaar.
    async fn afkorting(&self) -> Option<&str> {
        self.0.afkorting.as_deref()
    }

    /// Versie, voor optimistische gelijktijdigheid bij `organisatieWijzigen`.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Het id van de organisatie waarin deze is opgegaan (`organisatiesSamenvoegen`).
    async fn samengevoegd_in(&self) -> Option<ID> {
        self.0.samengevoegd_in.map(|o| encode(Soort::Organisatie, o))
    }

    /// Soort organisatie.
    async fn soort(&self) -> Result<OrganisatieSoortGql> {
        Ok(parse_stored::<OrganisatieSoort>(&self.0.soort, "organisatiesoort")?.into())
    }

    /// Bron: document en sectie.
    async fn bron(&self) -> &str {
        &self.0.bron
    }
}

/// Eén geaccepteerde wijziging van een actie: wanneer, door wie, van → naar, waarom. Onveranderlijk.
#[derive(Clone)]
pub struct Voortgangsupdate(pub voortgangsupdate::Model);

fn status_opt(s: Option<&str>) -> Result<Option<StatusGql>> {
    s.map(|s| Ok(parse_stored::<Status>(s, "status")?.into()))
        .transpose()
}

fn gezondheid_opt(s: Option<&str>) -> Result<Option<GezondheidGql>> {
    s.map(|s| Ok(parse_stored::<Gezondheid>(s, "gezondheid")?.into()))
        .transpose()
}

/// Eén geaccepteerde wijziging van een actie: wanneer, door wie, van → naar, waarom. Onveranderlijk.
#[Object]
impl Voortgangsupdate {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::Voortgangsupdate, self.0.id)
    }

    /// Versie van de actie na deze wijziging; de historie telt zonder gaten op vanaf 1.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Wanneer.
    async fn tijdstip(&self) -> DateTime<Utc> {
        self.0.tijdstip
    }

    /// Door wie.
    async fn door(&self) -> &str {
        &self.0.door
    }

    /// Status ervoor; leeg bij het aanmaken.
    async fn status_van(&self) -> Result<Option<StatusGql>> {
        status_opt(self.0.status_van.as_deref())
    }

    /// Status erna.
    async fn status_naar(&self) -> Result<StatusGql> {
        Ok(parse_stored::<Status>(&self.0.status_naar, "status")?.into())
    }

    /// Gezondheid ervoor.
    async fn gezondheid_van(&self) -> Result<Option<GezondheidGql>> {
        gezondheid_opt(self.0.gezondheid_van.as_deref())
    }

    /// Gezondheid erna.
    async fn gezondheid_naar(&self) -> Result<Option<GezondheidGql>> {
        gezondheid_opt(self.0.gezondheid_naar.as_deref())
    }

    /// Reden van de gezondheid ervoor (bij aandacht of risico).
    async fn gezondheid_reden_van(&self) -> Option<&str> {
        self.0.gezondheid_reden_van.as_deref()
    }

    /// Reden van de gezondheid erna.
    async fn gezondheid_reden_naar(&self) -> Option<&str> {
        self.0.gezondheid_reden_naar.as_deref()
    }

    /// Voortgang ervoor.
    async fn voortgang_van(&self) -> Option<i32> {
        self.0.voortgang_van
    }

    /// Voortgang erna.
    async fn voortgang_naar(&self) -> Option<i32> {
        self.0.voortgang_naar
    }

    /// Toelichting bij de wijziging.
    async fn toelichting(&self) -> Option<&str> {
        self.0.toelichting.as_deref()
    }

    /// De opgave waarin de actie na deze wijziging stond; leeg als u die opgave niet mag zien.
    async fn opgave(&self, ctx: &Context<'_>) -> Result<Option<Opgave>> {
        let Some(id) = self.0.opgave_id else {
            return Ok(None);
        };
        Ok(Box::pin(one::<ById<opgave::Entity>>(ctx, id))
            .await?
            .map(Opgave::nu))
    }

    /// Waar: deze stand komt uit het brondocument (het laden van de bronnen) en is gedateerd op dat document,
    /// niet op het moment van laden.
    async fn uit_bron(&self) -> bool {
        self.0.uit_bron
    }

    /// Welke velden deze wijziging raakte (`aangemaakt`, `voortgang`, of de namen van gewijzigde velden).
    async fn velden(&self) -> Vec<&str> {
        self.0.velden.split(',').filter(|v| !v.is_empty()).collect()
    }
}

/// Een vergadering van het Regionaal Veiligheidsoverleg.
#[derive(Clone)]
pub struct RvoVergadering(pub rvo_vergadering::Model);

/// Een vergadering van het Regionaal Veiligheidsoverleg.
#[Object]
impl RvoVergadering {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::RvoVergadering, self.0.id)
    }

    /// Datum van de vergadering.
    async fn datum(&self) -> NaiveDate {
        self.0.datum
    }

    /// Omschrijving.
    async fn omschrijving(&self) -> &str {
        &self.0.omschrijving
    }

    /// Versie, voor optimistische gelijktijdigheid bij `rvoVergaderingWijzigen`.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Bron: document en sectie.
    async fn bron(&self) -> &str {
        &self.0.bron
    }
}
