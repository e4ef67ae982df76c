//! Beheer on the wire: users, the history of records above acties, and the move of a plan's open acties.

use super::{Actie, Actieplan, Opgave, RolGql, Thema};
use crate::entities::{gebruiker, thema};
use crate::graphql::ids::{Soort, encode};
use crate::graphql::loaders::{ById, one};
use crate::service::beheer::{GebruikerMetThemas, HistorieRegel, Verplaatsing, VerplaatsingRegel};
use crate::toegang::Rol;
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

/// Een gebruiker die zich aanmeldt (alleen beheerders zien gebruikers).
pub struct Gebruiker(pub GebruikerMetThemas);

/// Een gebruiker die zich aanmeldt (alleen beheerders zien gebruikers).
#[Object]
impl Gebruiker {
    /// Globaal id.
    async fn id(&self) -> ID {
        encode(Soort::Gebruiker, self.0.gebruiker.id)
    }

    /// Inlognaam.
    async fn gebruikersnaam(&self) -> &str {
        &self.0.gebruiker.gebruikersnaam
    }

    /// Naam zoals historie en auditlog die tonen.
    async fn naam(&self) -> &str {
        &self.0.gebruiker.naam
    }

    /// Rol.
    async fn rol(&self) -> Result<RolGql> {
        let r: Rol = super::parse_stored(&self.0.gebruiker.rol, "rol")?;
        Ok(r.into())
    }

    /// De thema's van een redacteur.
    async fn themas(&self, ctx: &Context<'_>) -> Result<Vec<Thema>> {
        let mut uit = Vec::new();
        for t in &self.0.themas {
            if let Some(m) = one::<ById<thema::Entity>>(ctx, *t).await? {
                uit.push(Thema(m));
            }
        }
        Ok(uit)
    }

    /// Of de gebruiker zich kan aanmelden.
    async fn actief(&self) -> bool {
        self.0.gebruiker.actief
    }

    /// Versie, voor optimistische gelijktijdigheid.
    async fn versie(&self) -> i32 {
        self.0.gebruiker.versie
    }

    /// Wanneer aangemaakt.
    async fn aangemaakt_op(&self) -> DateTime<Utc> {
        self.0.gebruiker.aangemaakt_op
    }
}

impl From<gebruiker::Model> for Gebruiker {
    fn from(g: gebruiker::Model) -> Self {
        Gebruiker(GebruikerMetThemas {
            gebruiker: g,
            themas: Vec::new(),
        })
    }
}

/// Eén veld dat een wijziging raakte: de waarde ervoor en erna, als tekst.
#[derive(SimpleObject)]
pub struct VeldWijziging {
    /// Het veld (zoals in de invoer van de mutatie).
    pub veld: String,
    /// De waarde ervoor.
    pub van: Option<String>,
    /// De waarde erna.
    pub naar: Option<String>,
}

/// Eén geaccepteerde wijziging van een thema, plan, opgave, organisatie, RVO-vergadering of gebruiker.
pub struct BeheerWijziging(pub HistorieRegel);

/// Eén geaccepteerde wijziging van een thema, plan, opgave, organisatie, RVO-vergadering of gebruiker.
#[Object]
impl BeheerWijziging {
    /// Versie van het object na deze wijziging.
    async fn versie(&self) -> i32 {
        self.0.regel.versie
    }

    /// Wanneer.
    async fn tijdstip(&self) -> DateTime<Utc> {
        self.0.regel.tijdstip
    }

    /// Door wie.
    async fn door(&self) -> &str {
        &self.0.regel.door
    }

    /// Welke velden (`aangemaakt` of `verwijderd` voor het begin en einde).
    async fn velden(&self) -> Vec<&str> {
        self.0.regel.velden.split(',').filter(|v| !v.is_empty()).collect()
    }

    /// Per gewijzigd veld: ervoor → erna.
    async fn wijzigingen(&self) -> Vec<VeldWijziging> {
        self.0
            .wijzigingen
            .iter()
            .map(|(veld, van, naar)| VeldWijziging {
                veld: veld.clone(),
                van: van.clone(),
                naar: naar.clone(),
            })
            .collect()
    }

    /// Toelichting bij de wijziging.
    async fn toelichting(&self) -> Option<&str> {
        self.0.regel.toelichting.as_deref()
    }

    /// Waar: de stand komt uit het brondocument (het laden van de bronnen), niet uit een wijziging in Koers.
    async fn uit_bron(&self) -> bool {
        self.0.regel.uit_bron
    }
}

/// Eén open actie en de opgave van het opvolgende plan waar zij heen gaat.
pub struct VerplaatsingRegelGql(pub VerplaatsingRegel);

/// Eén open actie en de opgave van het opvolgende plan waar zij heen gaat.
#[Object(name = "VerplaatsingRegel")]
impl VerplaatsingRegelGql {
    /// De actie (na het verplaatsen: zoals zij nu is).
    async fn actie(&self) -> Actie {
        Actie(self.0.actie.clone())
    }

    /// Haar opgave in het oude plan.
    async fn van(&self) -> Opgave {
        Opgave::nu(self.0.van.clone())
    }

    /// De opgave in het opvolgende plan; leeg als geen opgave dezelfde titel heeft en er geen is gekozen.
    async fn naar(&self) -> Option<Opgave> {
        self.0.naar.clone().map(Opgave::nu)
    }
}

/// De open acties van een plan en waar zij in het opvolgende plan terechtkomen.
pub struct VerplaatsingGql(pub Verplaatsing);

/// De open acties van een plan en waar zij in het opvolgende plan terechtkomen.
#[Object(name = "Verplaatsing")]
impl VerplaatsingGql {
    /// Het plan dat afloopt.
    async fn actieplan(&self) -> Actieplan {
        Actieplan::nu(self.0.plan.clone())
    }

    /// Het opvolgende plan.
    async fn opvolger(&self) -> Actieplan {
        Actieplan::nu(self.0.opvolger.clone())
    }

    /// Elke open actie met haar nieuwe opgave.
    async fn regels(&self) -> Vec<VerplaatsingRegelGql> {
        self.0.regels.iter().cloned().map(VerplaatsingRegelGql).collect()
    }

    /// Hoeveel acties nog geen opgave hebben (dan weigert het verplaatsen).
    async fn zonder_opgave(&self) -> usize {
        self.0.regels.iter().filter(|r| r.naar.is_none()).count()
    }
}
