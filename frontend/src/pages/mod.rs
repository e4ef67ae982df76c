//! The routes of the app.

pub mod niet_gevonden;
pub mod overzicht;

pub use niet_gevonden::NietGevonden;
pub use overzicht::OverzichtPagina;
