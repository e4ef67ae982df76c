//! The committed SDL matches the served schema, and every type, field and argument is documented.

use serde_json::Value;

#[test]
fn committed_sdl_matches_the_schema() {
    let sdl = koers_backend::graphql::sdl();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    if std::env::var("KOERS_UPDATE_SCHEMA").is_ok() {
        std::fs::write(path, &sdl).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == sdl,
        "backend/schema.graphql is out of date: run `KOERS_UPDATE_SCHEMA=1 cargo test -p koers-backend --test api schema` and commit it"
    );
}

const INTROSPECTION: &str = "{ __schema { types { name kind description
    fields(includeDeprecated: true) { name description args { name description } }
    inputFields { name description } enumValues(includeDeprecated: true) { name description } } } }";

#[tokio::test]
async fn every_type_field_and_argument_is_documented() {
    let (url, _dir) = crate::helpers::fresh_database().await;
    let db = koers_backend::db::Db::connect(&url).await.unwrap();
    let schema =
        koers_backend::graphql::build_schema(koers_backend::service::Services::new(db), Default::default());
    let r = schema.execute(INTROSPECTION).await;
    let data: Value = r.data.into_json().unwrap();
    let builtin = ["Int", "Float", "String", "Boolean", "ID"];
    // async-graphql generates the connection type and offers no hook for its description.
    let generated = [
        "ActieConnection",
        "AuditRegelConnection",
        "WebhookLeveringConnection",
    ];
    let mut missing = Vec::new();
    for t in data["__schema"]["types"].as_array().unwrap() {
        let name = t["name"].as_str().unwrap();
        if name.starts_with("__") || builtin.contains(&name) {
            continue;
        }
        if !generated.contains(&name) && t["description"].as_str().is_none_or(str::is_empty) {
            missing.push(name.to_string());
        }
        for list in ["fields", "inputFields", "enumValues"] {
            for f in t[list].as_array().into_iter().flatten() {
                let field = format!("{name}.{}", f["name"].as_str().unwrap());
                if f["description"].as_str().is_none_or(str::is_empty) {
                    missing.push(field.clone());
                }
                for a in f["args"].as_array().into_iter().flatten() {
                    if a["description"].as_str().is_none_or(str::is_empty) {
                        missing.push(format!("{field}({})", a["name"].as_str().unwrap()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:?}");
}

/// The introspection query GraphiQL and graphql-js send: `TypeRef` nests `ofType` nine levels deep.
pub(crate) fn full_introspection_query() -> String {
    let mut type_ref = String::from("kind name");
    for _ in 0..9 {
        type_ref = format!("kind name ofType {{ {type_ref} }}");
    }
    format!(
        "query IntrospectionQuery {{ __schema {{ queryType {{ name }} mutationType {{ name }}
           subscriptionType {{ name }} types {{ kind name description specifiedByURL
             fields(includeDeprecated: true) {{ name description args {{ name description type {{ {t} }} defaultValue }}
               type {{ {t} }} isDeprecated deprecationReason }}
             inputFields {{ name description type {{ {t} }} defaultValue }}
             interfaces {{ {t} }} enumValues(includeDeprecated: true) {{ name description isDeprecated deprecationReason }}
             possibleTypes {{ {t} }} }}
           directives {{ name description isRepeatable locations args {{ name description type {{ {t} }} defaultValue }} }} }} }}",
        t = type_ref
    )
}

#[tokio::test]
async fn the_explorers_introspection_query_passes_the_guard_rails() {
    let app = crate::helpers::TestApp::spawn().await;
    let d = app.data(&full_introspection_query(), serde_json::json!({})).await;
    assert_eq!(d["__schema"]["queryType"]["name"], "Query");
    assert_eq!(d["__schema"]["subscriptionType"]["name"], "Subscription");
}
