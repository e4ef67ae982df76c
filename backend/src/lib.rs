//! Koers' backend: the GraphQL API over the VAR's action plans, its storage and its web server.

pub mod backup;
pub mod beheer;
pub mod cli;
pub mod config;
pub mod db;
pub mod entities;
pub mod error;
pub mod graphql;
pub mod http;
pub mod seed;
pub mod server;
pub mod service;
pub mod slot;
pub mod startup;
pub mod telemetry;
pub mod toegang;
