//! Opgaven on the beheer page: a change (title, description, source), retiring or restoring one, and the
//! order within a plan (a move up or down sends every opgave of the plan with the version read).
//!
//! The query texts are in [`crate::model::documenten`], where a host test checks them against the schema.

use crate::api::{self, ApiError, InvoerVariabelen};
use crate::model::beheer_plannen::BeheerOpgave;
use miniserde::{Deserialize, Serialize};

pub use crate::model::documenten::{OPGAVE_WIJZIGEN, OPGAVEN_ORDENEN};

/// A change of an opgave; `vervallen: None` leaves retirement as it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpgaveWijziging {
    /// Opgave id.
    pub id: String,
    /// The version read.
    pub versie: i32,
    /// Title; `None` leaves it.
    pub titel: Option<String>,
    /// Description; `None` leaves it.
    pub beschrijving: Option<String>,
    /// Source; `None` leaves it.
    pub bron: Option<String>,
    /// `Some(true)` retires it (only without acties), `Some(false)` restores it.
    pub vervallen: Option<bool>,
}

/// An opgave at its new place, with the version read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpgavePlaats {
    /// Opgave id.
    pub id: String,
    /// The version read.
    pub versie: i32,
}

#[derive(Serialize)]
struct OrdenVariabelen {
    actieplan: String,
    opgaven: Vec<OpgavePlaats>,
}

#[derive(Deserialize)]
struct Versie {
    versie: i32,
}

#[derive(Deserialize)]
struct GewijzigdData {
    #[serde(rename = "opgaveWijzigen")]
    opgave: Versie,
}

#[derive(Deserialize)]
struct GeordendData {
    #[serde(rename = "opgavenOrdenen")]
    opgaven: Vec<Versie>,
}

/// The plan's opgaven (in their order) with the one at `plek` moved one place up (`omhoog`) or down; `None`
/// when it cannot move that way.
pub fn verschoven(opgaven: &[BeheerOpgave], plek: usize, omhoog: bool) -> Option<Vec<OpgavePlaats>> {
    let ander = if omhoog { plek.checked_sub(1)? } else { plek + 1 };
    if plek >= opgaven.len() || ander >= opgaven.len() {
        return None;
    }
    let mut v: Vec<OpgavePlaats> = opgaven
        .iter()
        .map(|o| OpgavePlaats {
            id: o.id.clone(),
            versie: o.versie,
        })
        .collect();
    v.swap(plek, ander);
    Some(v)
}

/// Changes an opgave; returns its new version.
pub async fn wijzig_opgave(invoer: OpgaveWijziging) -> Result<i32, ApiError> {
    let d: GewijzigdData =
        api::graphql(OPGAVE_WIJZIGEN, "OpgaveWijzigen", InvoerVariabelen { invoer }).await?;
    Ok(d.opgave.versie)
}

/// Puts plan `actieplan`'s opgaven in the order given; returns how many were placed.
pub async fn orden_opgaven(actieplan: &str, opgaven: Vec<OpgavePlaats>) -> Result<usize, ApiError> {
    let vars = OrdenVariabelen {
        actieplan: actieplan.to_string(),
        opgaven,
    };
    let d: GeordendData = api::graphql(OPGAVEN_ORDENEN, "OpgavenOrdenen", vars).await?;
    Ok(d.opgaven.iter().filter(|o| o.versie > 0).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opgave(id: &str, versie: i32) -> BeheerOpgave {
        BeheerOpgave {
            id: id.into(),
            volgorde: 0,
            titel: id.into(),
            beschrijving: String::new(),
            bron: String::new(),
            versie,
            vervallen: false,
        }
    }

    #[test]
    fn a_move_swaps_neighbours_and_keeps_every_version() {
        let o = [opgave("a", 1), opgave("b", 2), opgave("c", 3)];
        let v = verschoven(&o, 1, true).unwrap();
        let ids: Vec<_> = v.iter().map(|p| (p.id.as_str(), p.versie)).collect();
        assert_eq!(ids, [("b", 2), ("a", 1), ("c", 3)]);
        let v = verschoven(&o, 1, false).unwrap();
        assert_eq!(v[2].id, "b");
        assert!(verschoven(&o, 0, true).is_none());
        assert!(verschoven(&o, 2, false).is_none());
    }
}
