//! Koers' WebAssembly dashboard: a Leptos app rendered in the browser that reads the GraphQL API of the same
//! origin. `main.rs` mounts [`App`]; the modules are public so that every part can be documented and tested.

pub mod api;
pub mod app;
pub mod bord;
pub mod components;
pub mod concept;
pub mod filter;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod routes;
pub mod sessie;
pub mod sorteer;
pub mod tijd;
pub mod verbinding;
pub mod wijzigingen;

pub use app::App;
