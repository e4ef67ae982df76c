//! Signing in and out (cookie flags, CSRF, expiry, brute-force limit), API tokens (shown once, stored hashed,
//! revocable, expiring, rate limited per token) and the audit log.

use crate::helpers::{Als, TestApp};
use koers_backend::entities::{api_token, audit, gebruiker};
use koers_backend::toegang::Rol;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::time::Duration;

const IK: &str = "{ ik { soort naam rol beheerder csrfToken schrijftOveral schrijfThemas { naam } } }";

async fn ik(app: &TestApp, als: &Als<'_>) -> Value {
    app.gql_as(als, IK, json!({})).await["data"]["ik"].clone()
}

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_cookie_and_signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let s = app.sign_in_new("ans", Rol::Redacteur, &["mensenhandel"]).await;
    let flags = s.set_cookie.to_ascii_lowercase();
    for f in ["httponly", "samesite=strict", "path=/", "max-age=43200"] {
        assert!(flags.contains(f), "{f} in {}", s.set_cookie);
    }
    assert!(
        !flags.contains("secure"),
        "plain http: no Secure flag ({})",
        s.set_cookie
    );
    let me = ik(&app, &Als::Sessie(&s)).await;
    assert_eq!(me["soort"], "gebruiker");
    assert_eq!(me["naam"], "Naam ans");
    assert_eq!(me["rol"], "REDACTEUR");
    assert_eq!(me["csrfToken"], s.csrf.as_str());
    assert_eq!(me["schrijfThemas"], json!([{ "naam": "Mensenhandel" }]));
    assert_eq!(ik(&app, &Als::Anoniem).await["soort"], "anoniem");

    // The password is stored as argon2id, never as itself.
    let g = gebruiker::Entity::find()
        .filter(gebruiker::Column::Gebruikersnaam.eq("ans"))
        .one(&app.services.db.reader)
        .await
        .unwrap()
        .unwrap();
    assert!(
        g.wachtwoord_hash.starts_with("$argon2id$"),
        "{}",
        g.wachtwoord_hash
    );
    assert!(!g.wachtwoord_hash.contains("wachtwoord-van-ans"));

    // Signing out needs the CSRF token, then the cookie is cleared and no longer works.
    let uit = |csrf: Option<&str>| {
        let mut r = app
            .client
            .post(app.url("/auth/afmelden"))
            .header("Cookie", &s.cookie);
        if let Some(c) = csrf {
            r = r.header("X-CSRF-Token", c);
        }
        r.send()
    };
    let r = uit(None).await.unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        ik(&app, &Als::Sessie(&s)).await["soort"],
        "gebruiker",
        "a forged sign-out changes nothing"
    );
    let r = uit(Some(&s.csrf)).await.unwrap();
    assert_eq!(r.status(), 204);
    let clear = r.headers()["set-cookie"].to_str().unwrap().to_ascii_lowercase();
    assert!(clear.contains("max-age=0"), "{clear}");
    assert_eq!(
        ik(&app, &Als::Sessie(&s)).await["soort"],
        "anoniem",
        "the old cookie is dead"
    );
}

#[tokio::test]
async fn behind_https_the_cookie_is_secure() {
    let app = TestApp::spawn().await;
    app.sign_in_new("bea", Rol::Lezer, &[]).await;
    let r = app
        .client
        .post(app.url("/auth/aanmelden"))
        .header("X-Forwarded-Proto", "https")
        .json(&json!({ "gebruikersnaam": "bea", "wachtwoord": "wachtwoord-van-bea" }))
        .send()
        .await
        .unwrap();
    let c = r.headers()["set-cookie"].to_str().unwrap().to_ascii_lowercase();
    assert!(c.contains("; secure"), "{c}");
}

#[tokio::test]
async fn wrong_credentials_are_one_answer_audited_and_rate_limited() {
    let app = TestApp::spawn_with(|s| s.toegang.aanmeldingen_per_minuut = 4).await;
    app.sign_in_new("cor", Rol::Lezer, &[]).await; // attempt 1
    let (status, body) = app.sign_in("cor", "fout-wachtwoord-123").await.unwrap_err(); // 2
    assert_eq!(status, 401);
    assert_eq!(body["errors"][0]["extensions"]["code"], "AANMELDEN_MISLUKT");
    let (status, body2) = app.sign_in("niemand", "fout-wachtwoord-123").await.unwrap_err(); // 3
    assert_eq!(status, 401);
    assert_eq!(
        body, body2,
        "an unknown name answers exactly like a wrong password"
    );
    app.sign_in("cor", "ook-fout-wachtwoord").await.unwrap_err(); // 4
    let (status, body) = app.sign_in("cor", "wachtwoord-van-cor").await.unwrap_err(); // 5: over the limit
    assert_eq!(status, 429, "{body:#}");
    assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    let mislukt = audit::Entity::find()
        .filter(audit::Column::Handeling.eq("aanmeldenMislukt"))
        .all(&app.services.db.reader)
        .await
        .unwrap();
    assert_eq!(mislukt.len(), 3);
    assert!(mislukt.iter().any(|a| a.details.contains("niemand")));
}

#[tokio::test]
async fn a_session_expires() {
    let app = TestApp::spawn_with(|s| s.toegang.sessie_duur = Duration::from_secs(1)).await;
    let s = app.sign_in_new("dirk", Rol::Beheerder, &[]).await;
    assert_eq!(ik(&app, &Als::Sessie(&s)).await["soort"], "gebruiker");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(ik(&app, &Als::Sessie(&s)).await["soort"], "anoniem");
    let r = app
        .gql_as(&Als::Sessie(&s), "{ apiTokens { id } }", json!({}))
        .await;
    assert_eq!(r["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
}

const TOKEN_AANMAKEN: &str = "mutation($i: ApiTokenAanmakenInvoer!) { apiTokenAanmaken(invoer: $i) {
    geheim token { id prefix schrijven vertrouwelijk alleThemas themas { naam } verlooptOp actief } } }";

#[tokio::test]
async fn a_token_is_shown_once_stored_hashed_scoped_and_revocable() {
    let app = TestApp::spawn().await;
    let beheer = app.sign_in_new("eva", Rol::Beheerder, &[]).await;
    let mh_id = app.data("{ themas { id sleutel } }", json!({})).await["themas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["sleutel"] == "mensenhandel")
        .unwrap()["id"]
        .clone();
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            TOKEN_AANMAKEN,
            json!({ "i": { "naam": "Politie-koppeling", "themas": [mh_id], "geldigDagen": 30 } }),
        )
        .await;
    let nieuw = &r["data"]["apiTokenAanmaken"];
    let geheim = nieuw["geheim"]
        .as_str()
        .unwrap_or_else(|| panic!("{r:#}"))
        .to_string();
    let t = &nieuw["token"];
    assert!(geheim.starts_with(t["prefix"].as_str().unwrap()));
    assert_eq!(t["schrijven"], false);
    assert_eq!(t["alleThemas"], false);
    assert_eq!(t["themas"], json!([{ "naam": "Mensenhandel" }]));
    assert_eq!(t["actief"], true);

    // Stored as a hash; the list never shows the secret.
    let rows = api_token::Entity::find()
        .all(&app.services.db.reader)
        .await
        .unwrap();
    for row in &rows {
        assert!(!format!("{row:?}").contains(&geheim), "the secret is not stored");
    }
    let lijst = app
        .gql_as(
            &Als::Sessie(&beheer),
            "{ apiTokens { id prefix naam } }",
            json!({}),
        )
        .await;
    assert!(!lijst.to_string().contains(&geheim));
    assert!(lijst.to_string().contains("Politie-koppeling"));

    // It reads its thema only, and may not write.
    let themas = app
        .gql_as(&Als::Token(&geheim), "{ themas { id } }", json!({}))
        .await;
    assert_eq!(themas["data"]["themas"], json!([{ "id": mh_id }]));

    // Revoked: refused with 401 from then on.
    let r = app
        .gql_as(
            &Als::Sessie(&beheer),
            "mutation($id: ID!) { apiTokenIntrekken(id: $id) { actief ingetrokkenOp } }",
            json!({ "id": t["id"] }),
        )
        .await;
    assert_eq!(r["data"]["apiTokenIntrekken"]["actief"], false, "{r:#}");
    let (status, r) = app
        .gql_status(&Als::Token(&geheim), "{ themas { id } }", json!({}))
        .await;
    assert_eq!(status, 401);
    assert_eq!(r["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    // A made-up token too.
    let (status, _) = app
        .gql_status(&Als::Token("koers_abc_def"), "{ themas { id } }", json!({}))
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.new_token("kort", false, false, None).await;
    assert_eq!(
        app.gql_status(&Als::Token(&token), "{ themas { id } }", json!({}))
            .await
            .0,
        200
    );
    use sea_orm::sea_query::Expr;
    api_token::Entity::update_many()
        .col_expr(
            api_token::Column::VerlooptOp,
            Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)),
        )
        .exec(&app.services.db.writer)
        .await
        .unwrap();
    assert_eq!(
        app.gql_status(&Als::Token(&token), "{ themas { id } }", json!({}))
            .await
            .0,
        401
    );
}

#[tokio::test]
async fn each_token_has_its_own_rate_limit() {
    let app = TestApp::spawn_with(|s| {
        s.rate_limit = None;
        s.toegang.token_rate_limit = Some(koers_backend::config::RateLimit {
            per_second: 1,
            burst: 3,
        });
    })
    .await;
    let a = app.new_token("a", false, false, None).await;
    let b = app.new_token("b", false, false, None).await;
    for _ in 0..3 {
        assert_eq!(
            app.gql_status(&Als::Token(&a), "{ ik { naam } }", json!({}))
                .await
                .0,
            200
        );
    }
    let (status, r) = app
        .gql_status(&Als::Token(&a), "{ ik { naam } }", json!({}))
        .await;
    assert_eq!(status, 429);
    assert_eq!(r["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    assert_eq!(
        app.gql_status(&Als::Token(&b), "{ ik { naam } }", json!({}))
            .await
            .0,
        200,
        "b has its own bucket"
    );
    assert_eq!(
        app.gql_status(&Als::Anoniem, "{ ik { naam } }", json!({}))
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn a_beheerder_reads_the_audit_log_and_no_one_else_does() {
    let app = TestApp::spawn().await;
    let beheer = app.sign_in_new("fien", Rol::Beheerder, &[]).await;
    let lezer = app.sign_in_new("gijs", Rol::Lezer, &[]).await;
    let (_, opgaven) = crate::helpers::plan_ids(&app, "mh-2024-2026").await;
    crate::helpers::new_actie(&app, &opgaven[0], "Geaudit").await;
    let q = "query($h: String) { auditLog(handeling: $h, first: 10) { totalCount
        edges { node { actor handeling object token sessie tijdstip details } } pageInfo { hasNextPage } } }";
    let r = app
        .gql_as(&Als::Sessie(&beheer), q, json!({ "h": "actieAanmaken" }))
        .await;
    let log = &r["data"]["auditLog"];
    assert_eq!(log["totalCount"], 1, "{r:#}");
    let regel = &log["edges"][0]["node"];
    assert_eq!(regel["actor"], "Testbeheer (API-token)");
    assert!(regel["token"].is_string(), "which token: {regel:#}");
    assert!(regel["object"].as_str().unwrap().starts_with("actie/"));
    assert!(regel["details"].as_str().unwrap().contains("Geaudit"));
    let r = app
        .gql_as(&Als::Sessie(&beheer), q, json!({ "h": "aanmelden" }))
        .await;
    assert_eq!(r["data"]["auditLog"]["totalCount"], 2, "both sign-ins: {r:#}");
    assert!(r["data"]["auditLog"]["edges"][0]["node"]["sessie"].is_number());

    for (als, code) in [
        (Als::Sessie(&lezer), "FORBIDDEN"),
        (Als::Token(&app.token), "FORBIDDEN"),
        (Als::Anoniem, "UNAUTHENTICATED"),
    ] {
        let r = app.gql_as(&als, q, json!({})).await;
        assert_eq!(r["errors"][0]["extensions"]["code"], code, "{r:#}");
    }
}
