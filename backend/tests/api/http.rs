//! The plain HTTP routes: health checks, the explorer and the single-page-app fallback.

use crate::helpers::TestApp;
use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};

const INDEX: &str = "<!doctype html><title>Koers</title>";
const EXPLORER: &str = "<!doctype html><title>GraphiQL</title>";

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.client.get(app.url(path)).send().await.expect("request")
}

/// `GET` as a browser does: asking for HTML.
async fn get_html(app: &TestApp, path: &str) -> reqwest::Response {
    let r = app
        .client
        .get(app.url(path))
        .header(reqwest::header::ACCEPT, "text/html");
    r.send().await.expect("request")
}

#[tokio::test]
async fn healthz_says_ok() {
    let app = TestApp::spawn().await;
    let r = get(&app, "/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap(), json!({ "status": "ok" }));
}

#[tokio::test]
async fn readyz_says_ready_when_the_database_answers() {
    let app = TestApp::spawn().await;
    let r = get(&app, "/readyz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap(), json!({ "status": "ready" }));
}

#[tokio::test]
async fn unknown_routes_fall_back_to_the_app_with_200() {
    let app = TestApp::spawn().await;
    for path in ["/plan/abc", "/thema/mensenhandel/plannen", "/"] {
        let r = get(&app, path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let ct = r.headers()[CONTENT_TYPE].to_str().unwrap().to_string();
        assert!(ct.starts_with("text/html"), "{path}: {ct}");
        assert_eq!(r.text().await.unwrap(), INDEX, "{path}");
    }
    // Real files in the static dir are served as they are.
    std::fs::write(app.static_dir.path().join("app.js"), "console.log(1)").unwrap();
    let r = get(&app, "/app.js").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "console.log(1)");
}

#[tokio::test]
async fn get_graphql_serves_the_explorer_page() {
    let app = TestApp::spawn().await;
    let r = get_html(&app, "/graphql").await;
    assert_eq!(r.status(), StatusCode::OK);
    let ct = r.headers()[CONTENT_TYPE].to_str().unwrap().to_string();
    assert!(ct.starts_with("text/html"), "{ct}");
    assert_eq!(r.text().await.unwrap(), EXPLORER);
}

#[tokio::test]
async fn get_graphql_without_a_built_explorer_says_how_to_build_it() {
    let app = TestApp::spawn().await;
    std::fs::remove_file(app.static_dir.path().join("explorer/index.html")).unwrap();
    let r = get_html(&app, "/graphql").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let text = r.text().await.unwrap();
    assert!(text.contains("build-frontend"), "{text}");
}

#[tokio::test]
async fn static_files_come_precompressed_when_the_browser_accepts_it() {
    let app = TestApp::spawn().await;
    let dir = app.static_dir.path();
    std::fs::write(dir.join("app.wasm"), b"\0asm raw").unwrap();
    std::fs::write(dir.join("app.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dir.join("app.wasm.gz"), b"gzip bytes").unwrap();
    let vraag = |codering: &'static str| {
        app.client
            .get(app.url("/app.wasm"))
            .header("Accept-Encoding", codering)
            .send()
    };

    let br = vraag("gzip, br").await.unwrap();
    assert_eq!(br.status(), 200);
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["content-type"], "application/wasm");
    assert_eq!(br.headers()["vary"], "accept-encoding");
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"brotli bytes");

    let gz = vraag("gzip").await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    assert_eq!(gz.bytes().await.unwrap().as_ref(), b"gzip bytes");

    let kaal = vraag("identity").await.unwrap();
    assert!(kaal.headers().get("content-encoding").is_none());
    assert_eq!(kaal.bytes().await.unwrap().as_ref(), b"\0asm raw");
}

#[tokio::test]
async fn hashed_assets_are_kept_a_year_and_the_rest_revalidated() {
    let app = TestApp::spawn().await;
    let dir = app.static_dir.path();
    std::fs::create_dir(dir.join("assets")).unwrap();
    std::fs::write(dir.join("assets/koers_bg-0123456789abcdef.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("assets/split_x-0123456789abcdef.wasm.br"), b"br").unwrap();
    std::fs::write(dir.join("assets/split_x-0123456789abcdef.wasm"), b"\0asm x").unwrap();
    std::fs::write(dir.join("assets/koers-0123456789abcdef.js"), "export {}").unwrap();
    std::fs::write(dir.join("LICENSE.md"), "EUPL").unwrap();
    let cache = |r: &reqwest::Response| r.headers()["cache-control"].to_str().unwrap().to_string();

    for (path, soort) in [
        ("/assets/koers_bg-0123456789abcdef.wasm", "application/wasm"),
        ("/assets/koers-0123456789abcdef.js", "text/javascript"),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(cache(&r), "public, max-age=31536000, immutable", "{path}");
        assert_eq!(r.headers()[CONTENT_TYPE], soort, "{path}");
    }
    let br = app
        .client
        .get(app.url("/assets/split_x-0123456789abcdef.wasm"))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["vary"], "accept-encoding");
    assert_eq!(cache(&br), "public, max-age=31536000, immutable");

    // A name from another build is a 404 that nobody keeps, not the app's index.html.
    let weg = get(&app, "/assets/koers_bg-ffffffffffffffff.wasm").await;
    assert_eq!(weg.status(), StatusCode::NOT_FOUND);
    assert_eq!(cache(&weg), "no-cache");

    // index.html (for every app route) and the unhashed files are revalidated on each visit.
    for path in ["/", "/actieplan/abc", "/index.html", "/LICENSE.md"] {
        let r = get(&app, path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(cache(&r), "no-cache", "{path}");
    }
}
