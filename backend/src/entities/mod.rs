//! sea-orm models of Koers' tables (the schema itself lives in the `koers-migrations` crate).

pub mod actie;
pub mod actie_organisatie;
pub mod actieplan;
pub mod opgave;
pub mod organisatie;
pub mod rvo_vergadering;
pub mod thema;
pub mod voortgangsupdate;
