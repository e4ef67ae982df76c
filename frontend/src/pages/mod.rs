//! The routes of the app.

pub mod aanmelden;
pub mod actie;
pub mod actie_form;
pub mod actieplan;
pub mod acties_filter;
pub mod acties_tabel;
pub mod beheer;
pub mod beheer_gebruikers;
pub mod beheer_leveringen;
pub mod beheer_opvolger;
pub mod beheer_plannen;
pub mod beheer_rvo;
pub mod beheer_veld;
pub mod beheer_webhooks;
pub mod export;
pub mod melden;
pub mod niet_gevonden;
pub mod organisatie;
pub mod overzicht;
pub mod presentatie;
pub mod sinds_rvo;
pub mod wachtwoord;

pub use aanmelden::AanmeldenPagina;
pub use actie::ActiePagina;
pub use actie_form::{NieuweActiePagina, WijzigActiePagina};
pub use actieplan::ActieplanPagina;
pub use beheer::BeheerPagina;
pub use niet_gevonden::NietGevonden;
pub use organisatie::{OrganisatiePagina, OrganisatiesPagina};
pub use overzicht::OverzichtPagina;
pub use presentatie::PresentatiePagina;
pub use sinds_rvo::SindsRvoPagina;
pub use wachtwoord::WachtwoordPagina;
