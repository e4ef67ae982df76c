//! The built front end: content-hashed files under `/assets/` that browsers keep for a year, and everything
//! else (index.html for every app route, the explorer, the licences) revalidated on each visit.

use axum::Router;
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, Response};
use std::path::Path;
use tower::Layer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// Where the build puts the files with a content hash in their name (`.ci/build-frontend.sh`).
pub const ASSETS: &str = "/assets";

/// Cache-Control of a hashed file: its name changes with its content, so it never needs revalidating.
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// Cache-Control of the rest: a browser asks again each time and gets 304 Not Modified while it is unchanged.
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");

/// `router` with `/assets/` and the single-page-app fallback for everything else served from `dist`.
pub fn serve<S: Clone + Send + Sync + 'static>(router: Router<S>, dist: &Path) -> Router<S> {
    // The build writes a brotli and a gzip copy next to every text and wasm file; a browser that accepts one
    // gets it (a third of the wasm's size), anyone else the file itself.
    let assets = ServeDir::new(dist.join("assets"))
        .precompressed_br()
        .precompressed_gzip();
    // Only a file that exists is immutable; a 404 (a name from an older build) must not be kept.
    let assets = SetResponseHeaderLayer::overriding(CACHE_CONTROL, |r: &Response<_>| {
        Some(if r.status().is_success() {
            IMMUTABLE
        } else {
            NO_CACHE
        })
    })
    .layer(assets);
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let spa = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let spa = SetResponseHeaderLayer::overriding(CACHE_CONTROL, NO_CACHE).layer(spa);
    // The body depends on Accept-Encoding: a shared cache (a municipality's proxy) must key on it too.
    let vary = || SetResponseHeaderLayer::appending(VARY, HeaderValue::from_static("accept-encoding"));
    router
        .nest_service(ASSETS, vary().layer(assets))
        .fallback_service(vary().layer(spa))
}
