//! The root mutation: resources and verbs (actieAanmaken, actieWijzigen, actieVoortgangRapporteren).

use super::beheer::schrijver;
use super::inputs::{ActieAanmakenInvoer, ActieWijzigenInvoer, VoortgangRapporterenInvoer};
use super::types::Actie;
use crate::service::Services;
use crate::service::rechten::mag_iets_wijzigen;
use async_graphql::{Context, Object, Result, ResultExt};

/// Schrijfoperaties. Fouten hebben een vaste `extensions.code`: BAD_USER_INPUT (met `field`), NOT_FOUND of
/// CONFLICT (met `huidigeVersie`), UNAUTHENTICATED, FORBIDDEN of CSRF_REQUIRED; een geweigerde wijziging verandert niets.
#[derive(Default)]
pub struct Mutation;

/// Schrijfoperaties. Fouten hebben een vaste `extensions.code`: BAD_USER_INPUT (met `field`), NOT_FOUND of
/// CONFLICT (met `huidigeVersie`), UNAUTHENTICATED, FORBIDDEN of CSRF_REQUIRED; een geweigerde wijziging verandert niets.
#[Object(name = "DomeinMutation")]
impl Mutation {
    /// Maakt een actie aan; de historie krijgt versie 1.
    async fn actie_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De nieuwe actie.")] invoer: ActieAanmakenInvoer,
    ) -> Result<Actie> {
        let k = schrijver(ctx)?;
        mag_iets_wijzigen(k).extend()?;
        let invoer = invoer.parse().extend()?;
        Ok(Actie(
            ctx.data::<Services>()?.actie_aanmaken(k, invoer).await.extend()?,
        ))
    }

    /// Wijzigt de beschrijvende velden van een actie (titel, opgave, eigenaars, periode, …).
    async fn actie_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De actie, haar versie en de nieuwe waarden.")] invoer: ActieWijzigenInvoer,
    ) -> Result<Actie> {
        let k = schrijver(ctx)?;
        mag_iets_wijzigen(k).extend()?;
        let invoer = invoer.parse().extend()?;
        Ok(Actie(
            ctx.data::<Services>()?.actie_wijzigen(k, invoer).await.extend()?,
        ))
    }

    /// Meldt voortgang: status, gezondheid met reden, voortgang en een toelichting.
    async fn actie_voortgang_rapporteren(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De actie, haar versie en de gemelde voortgang.")]
        invoer: VoortgangRapporterenInvoer,
    ) -> Result<Actie> {
        let k = schrijver(ctx)?;
        mag_iets_wijzigen(k).extend()?;
        let invoer = invoer.parse().extend()?;
        Ok(Actie(
            ctx.data::<Services>()?
                .voortgang_rapporteren(k, invoer)
                .await
                .extend()?,
        ))
    }
}
