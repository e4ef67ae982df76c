//! GraphQL enums mirroring the domain enums of `koers-shared`.

use async_graphql::Enum;
use koers_shared::{Gezondheid, OrganisatieSoort, PlanSoort, PlanStatus, Status};

/// Levensfase van een actie.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "Status", remote = "Status")]
pub enum StatusGql {
    /// Gepland, nog niet begonnen.
    Gepland,
    /// In uitvoering, met een einde in zicht.
    InUitvoering,
    /// Doorlopend werk zonder einddatum (netwerken, terugkerend overleg).
    Doorlopend,
    /// Afgerond.
    Afgerond,
    /// Gestopt voordat het af was.
    Gestopt,
}

/// Gezondheid van een actie tijdens de uitvoering, van goed naar slecht.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "Gezondheid", remote = "Gezondheid")]
pub enum GezondheidGql {
    /// Op koers.
    OpKoers,
    /// Vraagt aandacht; een reden is verplicht.
    Aandacht,
    /// Risico; een reden is verplicht.
    Risico,
}

/// Soort plan.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "PlanSoort", remote = "PlanSoort")]
pub enum PlanSoortGql {
    /// Actieplan.
    Actieplan,
    /// Uitvoeringsprogramma.
    Uitvoeringsprogramma,
    /// Uitvoeringsagenda.
    Uitvoeringsagenda,
    /// Jaarplan.
    Jaarplan,
    /// Werkagenda.
    Werkagenda,
}

/// Stand van een plan.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "PlanStatus", remote = "PlanStatus")]
pub enum PlanStatusGql {
    /// Vastgesteld, nog niet in uitvoering.
    Vastgesteld,
    /// In uitvoering.
    InUitvoering,
    /// Afgerond.
    Afgerond,
}

/// Soort organisatie.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "OrganisatieSoort", remote = "OrganisatieSoort")]
pub enum OrganisatieSoortGql {
    /// De VAR zelf of een ander samenwerkingsverband.
    Samenwerkingsverband,
    /// Een gemeente in de eenheid Rotterdam.
    Gemeente,
    /// Politie.
    Politie,
    /// Openbaar Ministerie of een andere justitiepartner.
    Justitie,
    /// Een andere partner.
    Partner,
}
