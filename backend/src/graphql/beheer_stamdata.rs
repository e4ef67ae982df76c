//! Beheer of thema's, organisaties and RVO meetings in the schema (beheerders only).

use super::beheer::schrijver;
use super::ids::{self, Soort};
use super::types::{Organisatie, OrganisatieSoortGql, RvoVergadering, Thema};
use crate::service::Services;
use crate::service::beheer::{
    OrganisatieInvoer, OrganisatieWijziging, RvoInvoer, RvoWijziging, ThemaInvoer, ThemaWijziging,
    alleen_beheerder,
};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, ResultExt};
use chrono::NaiveDate;

fn maybe<T>(m: MaybeUndefined<T>) -> Option<Option<T>> {
    match m {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

/// Een nieuw thema (portefeuille).
#[derive(InputObject)]
pub struct ThemaAanmakenInvoer {
    /// Vaste sleutel; weglaten maakt er een uit de naam.
    sleutel: Option<String>,
    /// Naam (1–300 tekens).
    naam: String,
    /// Bestuurlijk portefeuillehouder.
    portefeuillehouder: Option<String>,
    /// Volgorde in overzichten; weglaten zet het achteraan.
    volgorde: Option<i32>,
    /// Bron; weglaten zegt wie het invoerde.
    bron: Option<String>,
}

/// Een wijziging van een thema; weggelaten velden blijven, `null` wist de portefeuillehouder.
#[derive(InputObject)]
pub struct ThemaWijzigenInvoer {
    /// Het thema.
    id: ID,
    /// De versie die u las.
    versie: i32,
    /// Naam.
    naam: Option<String>,
    /// Bestuurlijk portefeuillehouder.
    portefeuillehouder: MaybeUndefined<String>,
    /// Volgorde in overzichten.
    volgorde: Option<i32>,
    /// Bron.
    bron: Option<String>,
}

/// Een nieuwe organisatie.
#[derive(InputObject)]
pub struct OrganisatieAanmakenInvoer {
    /// Vaste sleutel; weglaten maakt er een uit de naam.
    sleutel: Option<String>,
    /// Naam (1–300 tekens).
    naam: String,
    /// Afkorting.
    afkorting: Option<String>,
    /// Soort organisatie.
    soort: OrganisatieSoortGql,
    /// Bron; weglaten zegt wie het invoerde.
    bron: Option<String>,
}

/// Een wijziging van een organisatie.
#[derive(InputObject)]
pub struct OrganisatieWijzigenInvoer {
    /// De organisatie.
    id: ID,
    /// De versie die u las.
    versie: i32,
    /// Naam.
    naam: Option<String>,
    /// Afkorting; `null` wist haar.
    afkorting: MaybeUndefined<String>,
    /// Soort organisatie.
    soort: Option<OrganisatieSoortGql>,
    /// Bron.
    bron: Option<String>,
}

/// Een organisatie met de versie die u las.
#[derive(InputObject)]
pub struct OrganisatieVersie {
    /// De organisatie.
    id: ID,
    /// De versie die u las.
    versie: i32,
}

/// Een nieuwe RVO-vergadering.
#[derive(InputObject)]
pub struct RvoVergaderingAanmakenInvoer {
    /// Datum.
    datum: NaiveDate,
    /// Omschrijving (1–300 tekens).
    omschrijving: String,
    /// Bron; weglaten zegt wie het invoerde.
    bron: Option<String>,
}

/// Een wijziging van een RVO-vergadering (verplaatsen is een nieuwe datum).
#[derive(InputObject)]
pub struct RvoVergaderingWijzigenInvoer {
    /// De vergadering.
    id: ID,
    /// De versie die u las.
    versie: i32,
    /// Nieuwe datum.
    datum: Option<NaiveDate>,
    /// Omschrijving.
    omschrijving: Option<String>,
    /// Bron.
    bron: Option<String>,
}

/// Schrijfoperaties van het beheer van thema's, organisaties en RVO-vergaderingen (alleen beheerders).
#[derive(Default)]
pub struct BeheerStamMutation;

#[Object]
impl BeheerStamMutation {
    /// Maakt een thema aan, als het RVO een portefeuille toevoegt.
    async fn thema_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het nieuwe thema.")] invoer: ThemaAanmakenInvoer,
    ) -> Result<Thema> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "maakt thema's aan").extend()?;
        let n = ThemaInvoer {
            sleutel: invoer.sleutel,
            naam: invoer.naam,
            portefeuillehouder: invoer.portefeuillehouder,
            volgorde: invoer.volgorde,
            bron: invoer.bron,
        };
        Ok(Thema(
            ctx.data::<Services>()?.thema_aanmaken(k, n).await.extend()?,
        ))
    }

    /// Wijzigt naam, volgorde, portefeuillehouder of bron van een thema.
    async fn thema_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Het thema, zijn versie en de nieuwe waarden.")] invoer: ThemaWijzigenInvoer,
    ) -> Result<Thema> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "wijzigt thema's").extend()?;
        let w = ThemaWijziging {
            id: ids::decode(&invoer.id, Soort::Thema, "id").extend()?,
            versie: invoer.versie,
            naam: invoer.naam,
            portefeuillehouder: maybe(invoer.portefeuillehouder),
            volgorde: invoer.volgorde,
            bron: invoer.bron,
        };
        Ok(Thema(
            ctx.data::<Services>()?.thema_wijzigen(k, w).await.extend()?,
        ))
    }

    /// Voegt een organisatie toe.
    async fn organisatie_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De nieuwe organisatie.")] invoer: OrganisatieAanmakenInvoer,
    ) -> Result<Organisatie> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "voegt organisaties toe").extend()?;
        let n = OrganisatieInvoer {
            sleutel: invoer.sleutel,
            naam: invoer.naam,
            afkorting: invoer.afkorting,
            soort: invoer.soort.into(),
            bron: invoer.bron,
        };
        Ok(Organisatie(
            ctx.data::<Services>()?
                .organisatie_aanmaken(k, n)
                .await
                .extend()?,
        ))
    }

    /// Wijzigt een organisatie.
    async fn organisatie_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De organisatie, haar versie en de nieuwe waarden.")]
        invoer: OrganisatieWijzigenInvoer,
    ) -> Result<Organisatie> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "wijzigt organisaties").extend()?;
        let w = OrganisatieWijziging {
            id: ids::decode(&invoer.id, Soort::Organisatie, "id").extend()?,
            versie: invoer.versie,
            naam: invoer.naam,
            afkorting: maybe(invoer.afkorting),
            soort: invoer.soort.map(Into::into),
            bron: invoer.bron,
        };
        Ok(Organisatie(
            ctx.data::<Services>()?
                .organisatie_wijzigen(k, w)
                .await
                .extend()?,
        ))
    }

    /// Voegt organisatie `van` samen in `naar`: elke koppeling met een actie gaat over; `van` blijft als
    /// samengevoegd bewaard. Geeft `naar` terug.
    async fn organisaties_samenvoegen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De organisatie die opgaat in de andere.")] van: OrganisatieVersie,
        #[graphql(desc = "De organisatie die blijft.")] naar: OrganisatieVersie,
    ) -> Result<Organisatie> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "voegt organisaties samen").extend()?;
        let v = (
            ids::decode(&van.id, Soort::Organisatie, "van").extend()?,
            van.versie,
        );
        let n = (
            ids::decode(&naar.id, Soort::Organisatie, "naar").extend()?,
            naar.versie,
        );
        Ok(Organisatie(
            ctx.data::<Services>()?
                .organisaties_samenvoegen(k, v, n)
                .await
                .extend()?,
        ))
    }

    /// Plant een RVO-vergadering; "Sinds vorige RVO" en de controle op verouderde updates volgen haar.
    async fn rvo_vergadering_aanmaken(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De nieuwe vergadering.")] invoer: RvoVergaderingAanmakenInvoer,
    ) -> Result<RvoVergadering> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "plant RVO-vergaderingen").extend()?;
        let n = RvoInvoer {
            datum: invoer.datum,
            omschrijving: invoer.omschrijving,
            bron: invoer.bron,
        };
        Ok(RvoVergadering(
            ctx.data::<Services>()?
                .rvo_vergadering_aanmaken(k, n)
                .await
                .extend()?,
        ))
    }

    /// Verplaatst of hernoemt een RVO-vergadering.
    async fn rvo_vergadering_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De vergadering, haar versie en de nieuwe waarden.")]
        invoer: RvoVergaderingWijzigenInvoer,
    ) -> Result<RvoVergadering> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "wijzigt RVO-vergaderingen").extend()?;
        let w = RvoWijziging {
            id: ids::decode(&invoer.id, Soort::RvoVergadering, "id").extend()?,
            versie: invoer.versie,
            datum: invoer.datum,
            omschrijving: invoer.omschrijving,
            bron: invoer.bron,
        };
        Ok(RvoVergadering(
            ctx.data::<Services>()?
                .rvo_vergadering_wijzigen(k, w)
                .await
                .extend()?,
        ))
    }

    /// Verwijdert een RVO-vergadering (niets verwijst ernaar); de historie bewaart haar. Geeft haar laatste stand.
    async fn rvo_vergadering_verwijderen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De vergadering.")] id: ID,
        #[graphql(desc = "De versie die u las.")] versie: i32,
    ) -> Result<RvoVergadering> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "verwijdert RVO-vergaderingen").extend()?;
        let id = ids::decode(&id, Soort::RvoVergadering, "id").extend()?;
        Ok(RvoVergadering(
            ctx.data::<Services>()?
                .rvo_vergadering_verwijderen(k, id, versie)
                .await
                .extend()?,
        ))
    }
}
