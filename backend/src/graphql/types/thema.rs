//! Thema: the top of the tree a dashboard walks, with its plans and its roll-up.

use super::Actieplan;
use super::RollupGql;
use super::plan::rollup;
use crate::entities::thema;
use crate::graphql::ids::{Soort, encode};
use crate::graphql::loaders::{PlannenPerThema, RollupPerThema, one};
use crate::graphql::peil::RollupPerThemaOp;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};

/// Een VAR-portefeuille, zoals Mensenhandel of Digitale Veiligheid.
#[derive(Clone)]
pub struct Thema(pub thema::Model);

/// Een VAR-portefeuille, zoals Mensenhandel of Digitale Veiligheid.
#[Object]
impl Thema {
    /// Globaal id.
    pub async fn id(&self) -> ID {
        encode(Soort::Thema, self.0.id)
    }

    /// Vaste sleutel uit de bron, bijvoorbeeld `mensenhandel`.
    async fn sleutel(&self) -> &str {
        &self.0.sleutel
    }

    /// Naam van het thema.
    async fn naam(&self) -> &str {
        &self.0.naam
    }

    /// Bestuurlijk portefeuillehouder, als een bron die noemt.
    async fn portefeuillehouder(&self) -> Option<&str> {
        self.0.portefeuillehouder.as_deref()
    }

    /// Volgorde in overzichten.
    async fn volgorde(&self) -> i32 {
        self.0.volgorde
    }

    /// Versie, voor optimistische gelijktijdigheid bij `themaWijzigen`.
    async fn versie(&self) -> i32 {
        self.0.versie
    }

    /// Bron: document en sectie.
    async fn bron(&self) -> &str {
        &self.0.bron
    }

    /// De plannen van dit thema, oudste eerst.
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::PLANNEN_PER_THEMA, child_complexity)"
    )]
    async fn actieplannen(&self, ctx: &Context<'_>) -> Result<Vec<Actieplan>> {
        Ok(one::<PlannenPerThema>(ctx, self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Actieplan::nu)
            .collect())
    }

    /// Samenvatting van de acties in de plannen van dit thema die u mag zien.
    async fn rollup(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Waar: tel vertrouwelijke acties niet mee, ook als u ze mag zien (de presentatiemodus vraagt dit); ze tellen dan in `aantalVerborgen`."
        )]
        zonder_vertrouwelijk: Option<bool>,
        #[graphql(
            desc = "De stand op dit moment, herleid uit de historie (zonder: nu); niet in de toekomst."
        )]
        peilmoment: Option<DateTime<Utc>>,
    ) -> Result<RollupGql> {
        rollup::<RollupPerThema, RollupPerThemaOp>(ctx, self.0.id, zonder_vertrouwelijk, peilmoment).await
    }
}
