//! Koers' domain rules that the backend and the wasm front end share: the lifecycle status and health of an
//! actie, the progress newtype, validation of a reported state, and the roll-up from acties to opgave, plan and thema.
//! Serde only (and, with the `miniserde` feature the front end turns on, miniserde), so it builds for wasm32.

pub mod beheer;
pub mod domain;
pub mod export;
pub mod melding;
#[cfg(feature = "miniserde")]
mod mini;
pub mod peil;
pub mod rollup;
pub mod te_laat;
pub mod tekst;
pub mod validation;
pub mod webhook;

pub use domain::{
    Gezondheid, OnbekendeWaarde, OrganisatieSoort, PlanSoort, PlanStatus, Status, Voortgang, VoortgangError,
};
pub use melding::Melding;
pub use rollup::{ActieStand, Rollup, procent_tekst, rollup};
pub use validation::{ActieToestand, FieldError, GeldigeToestand, valideer_toestand};
