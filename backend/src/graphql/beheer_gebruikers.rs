//! People in the schema: the user list and changes for beheerders; one's own password for everyone.

use super::beheer::schrijver;
use super::ids::{self, Soort};
use super::types::RolGql;
use super::types::beheer::Gebruiker;
use super::zicht::kijker;
use crate::service::Services;
use crate::service::beheer::{GebruikerMetThemas, GebruikerWijziging, alleen_beheerder};
use async_graphql::{Context, ID, InputObject, Object, Result, ResultExt};

/// Een wijziging van een gebruiker; weggelaten velden blijven zoals zij zijn.
#[derive(InputObject)]
pub struct GebruikerWijzigenInvoer {
    /// De gebruiker.
    id: ID,
    /// De versie die u las.
    versie: i32,
    /// Naam zoals historie en auditlog die tonen.
    naam: Option<String>,
    /// Rol; de laatste actieve beheerder blijft beheerder.
    rol: Option<RolGql>,
    /// De thema's van een redacteur (vervangt de huidige).
    themas: Option<Vec<ID>>,
    /// Onwaar: de gebruiker kan zich niet meer aanmelden en haar sessies eindigen.
    actief: Option<bool>,
}

/// Leesoperaties rond gebruikers.
#[derive(Default)]
pub struct GebruikersQuery;

#[Object]
impl GebruikersQuery {
    /// Alle gebruikers op inlognaam (alleen beheerders).
    #[graphql(
        complexity = "crate::graphql::cost::list(crate::graphql::cost::BEHEER_LIJST, child_complexity)"
    )]
    async fn gebruikers(&self, ctx: &Context<'_>) -> Result<Vec<Gebruiker>> {
        let list = ctx.data::<Services>()?.gebruikers(kijker(ctx)).await.extend()?;
        Ok(list.into_iter().map(Gebruiker).collect())
    }
}

/// Schrijfoperaties rond gebruikers.
#[derive(Default)]
pub struct GebruikersMutation;

#[Object]
impl GebruikersMutation {
    /// Wijzigt naam, rol, thema's of of een gebruiker actief is (alleen beheerders).
    async fn gebruiker_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De gebruiker, haar versie en de nieuwe waarden.")] invoer: GebruikerWijzigenInvoer,
    ) -> Result<Gebruiker> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "wijzigt gebruikers").extend()?;
        let w = GebruikerWijziging {
            id: ids::decode(&invoer.id, Soort::Gebruiker, "id").extend()?,
            versie: invoer.versie,
            naam: invoer.naam,
            rol: invoer.rol.map(Into::into),
            themas: invoer
                .themas
                .map(|t| ids::decode_all(&t, Soort::Thema, "themas"))
                .transpose()
                .extend()?,
            actief: invoer.actief,
        };
        Ok(Gebruiker(
            ctx.data::<Services>()?.gebruiker_wijzigen(k, w).await.extend()?,
        ))
    }

    /// Geeft een gebruiker een nieuw wachtwoord (alleen beheerders); haar sessies eindigen.
    async fn wachtwoord_herstellen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "De gebruiker.")] id: ID,
        #[graphql(desc = "De versie die u las.")] versie: i32,
        #[graphql(desc = "Het nieuwe wachtwoord (12–256 tekens).")] wachtwoord: String,
    ) -> Result<Gebruiker> {
        let k = schrijver(ctx)?;
        alleen_beheerder(k, "herstelt wachtwoorden").extend()?;
        let id = ids::decode(&id, Soort::Gebruiker, "id").extend()?;
        let g = ctx
            .data::<Services>()?
            .wachtwoord_herstellen(k, id, versie, wachtwoord)
            .await
            .extend()?;
        Ok(Gebruiker(GebruikerMetThemas {
            gebruiker: g,
            themas: Vec::new(),
        }))
    }

    /// Wijzigt uw eigen wachtwoord; uw andere sessies eindigen. Geeft `true`.
    async fn wachtwoord_wijzigen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Uw huidige wachtwoord.")] huidig_wachtwoord: String,
        #[graphql(desc = "Het nieuwe wachtwoord (12–256 tekens).")] nieuw_wachtwoord: String,
    ) -> Result<bool> {
        let k = schrijver(ctx)?;
        ctx.data::<Services>()?
            .wachtwoord_wijzigen(k, huidig_wachtwoord, nieuw_wachtwoord)
            .await
            .extend()?;
        Ok(true)
    }
}
