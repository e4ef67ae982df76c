//! GraphQL object types: the wire shape of Koers, apart from the database models they wrap.

mod actie;
pub mod beheer;
mod enums;
mod plan;
mod rollup;
mod thema;
pub mod toegang;
pub mod webhook;

pub use actie::{Actie, Organisatie, RvoVergadering, Voortgangsupdate};
pub use enums::{GezondheidGql, OrganisatieSoortGql, PlanSoortGql, PlanStatusGql, StatusGql};
pub use plan::{Actieplan, Opgave};
pub use rollup::RollupGql;
pub use thema::Thema;
pub use toegang::RolGql;

use async_graphql::{ErrorExtensions, ID, Interface};

/// Any object with a global id.
#[derive(Interface)]
#[graphql(
    name = "Node",
    field(
        name = "id",
        ty = "ID",
        desc = "Het globale, ondoorzichtige id van het object."
    )
)]
pub enum Node {
    Thema(Thema),
    Actieplan(Actieplan),
    Opgave(Opgave),
    Actie(Actie),
    Organisatie(Organisatie),
    Voortgangsupdate(Voortgangsupdate),
    RvoVergadering(RvoVergadering),
}

/// Parses a stored enum text, reporting a broken row as an internal error.
pub(crate) fn parse_stored<T: std::str::FromStr>(text: &str, what: &str) -> async_graphql::Result<T> {
    text.parse::<T>().map_err(|_| {
        crate::error::ServiceError::Internal(format!("ongeldige {what} '{text}' in database")).extend()
    })
}
