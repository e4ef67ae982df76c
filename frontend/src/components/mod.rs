//! Widgets shared by the pages.

pub mod bord;
pub mod conflict;
pub mod fout;
pub mod gezondheid;
pub mod laden;
pub mod rollup;
pub mod sessie_balk;
pub mod status;
pub mod titel;
pub mod trend;
pub mod veld_fouten;
pub mod verbinding_melding;
pub mod voortgangsbalk;

pub use conflict::ConflictMelding;
pub use fout::FoutMelding;
pub use gezondheid::GezondheidLabel;
pub use laden::Laden;
pub use rollup::RollupOverzicht;
pub use status::StatusLabel;
pub use titel::zet_titel;
pub use trend::{PlanTrend, Trend};
pub use veld_fouten::VeldFouten;
pub use voortgangsbalk::{BalkLegenda, Voortgangsbalk};
