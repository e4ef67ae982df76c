//! sea-orm models of Koers' tables (the schema itself lives in the `koers-migrations` crate).

pub mod actie;
pub mod actie_organisatie;
pub mod actie_stand;
pub mod actieplan;
pub mod api_token;
pub mod api_token_thema;
pub mod audit;
pub mod beheer_historie;
pub mod gebruiker;
pub mod gebruiker_thema;
pub mod opgave;
pub mod organisatie;
pub mod rvo_stand;
pub mod rvo_vergadering;
pub mod sessie;
pub mod taak_run;
pub mod thema;
pub mod voortgangsupdate;
pub mod webhook;
pub mod webhook_levering;
pub mod webhook_thema;
