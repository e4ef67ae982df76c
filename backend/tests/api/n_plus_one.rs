//! Loading a plan with its opgaven, acties, owners and roll-ups costs the same number of SQL statements
//! whatever the number of acties.

use crate::helpers::fresh_database;
use koers_backend::config::GraphqlLimits;
use koers_backend::db::Db;
use koers_backend::graphql::build_schema;
use koers_backend::seed;
use koers_backend::service::Services;
use koers_backend::service::invoer::ActieInvoer;
use koers_backend::toegang::Kijker;
use koers_shared::{ActieToestand, Status};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const TREE: &str = "{ themas { naam rollup { totaal } actieplannen { titel rollup { totaal gemiddeldeVoortgang }
    opgaven { titel rollup { totaal aandeelAfgerond } acties { titel status trekkers { naam } partners { naam }
    historie { versie } } } } } }";

#[tokio::test]
async fn a_whole_tree_costs_a_constant_number_of_statements() {
    let (url, _dir) = fresh_database().await;
    let mut db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    seed::load(&db, &seed::parse(seed::BUILTIN).unwrap())
        .await
        .unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let c = counter.clone();
    db.reader.set_metric_callback(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
    });
    let services = Services::new(db);
    let schema = build_schema(
        services.clone(),
        GraphqlLimits {
            complexity: 100_000,
            ..Default::default()
        },
    );

    let run = || async {
        counter.store(0, Ordering::SeqCst);
        let r = schema
            .execute(async_graphql::Request::new(TREE).data(Kijker::systeem("test")))
            .await;
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        counter.load(Ordering::SeqCst)
    };
    let small = run().await;

    let opgave = koers_backend::service::lezen::themas(&services.db.reader, &crate::helpers::alles_zicht())
        .await
        .unwrap();
    assert!(!opgave.is_empty());
    let opgave_ids: Vec<i32> = {
        use sea_orm::EntityTrait;
        koers_backend::entities::opgave::Entity::find()
            .all(&services.db.reader)
            .await
            .unwrap()
            .iter()
            .map(|o| o.id)
            .collect()
    };
    for (i, o) in opgave_ids.iter().cycle().take(60).enumerate() {
        services
            .actie_aanmaken(
                &Kijker::systeem("test"),
                ActieInvoer {
                    opgave_id: *o,
                    titel: format!("Extra actie {i}"),
                    jaar: 2026,
                    toestand: ActieToestand {
                        status: Some(Status::InUitvoering),
                        ..Default::default()
                    },
                    door: "test".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
    let large = run().await;
    assert_eq!(small, large, "statement count grows with the number of acties");
    assert!(small <= 20, "a tree takes {small} statements");
}

use crate::documenten::frontend;

/// The board's own query (each plan and opgave now, at the last RVO, its overdue count and its trend)
/// costs the same number of statements with more plans, opgaven and acties.
#[tokio::test]
async fn the_board_costs_a_constant_number_of_statements() {
    use koers_backend::entities::{actieplan, opgave};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let (url, _dir) = fresh_database().await;
    let mut db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    seed::load(&db, &seed::parse(seed::BUILTIN).unwrap())
        .await
        .unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let c = counter.clone();
    db.reader.set_metric_callback(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
    });
    let services = Services::new(db);
    let schema = build_schema(services.clone(), GraphqlLimits::default());
    let vorige = chrono::Utc::now() - chrono::TimeDelta::days(30);
    let vars = serde_json::json!({ "vorige": vorige, "peildatum": chrono::Utc::now().date_naive(), "weken": 4,
        "trendVan": chrono::Utc::now() - chrono::TimeDelta::days(365) });
    let run = || async {
        counter.store(0, Ordering::SeqCst);
        let r = schema
            .execute(
                async_graphql::Request::new(frontend::OVERZICHT_QUERY)
                    .variables(async_graphql::Variables::from_json(vars.clone()))
                    .data(Kijker::systeem("test")),
            )
            .await;
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        counter.load(Ordering::SeqCst)
    };
    let small = run().await;

    // Three more plans of five opgaven each, with an actie in progress in every opgave.
    let w = &services.db.writer;
    let seed_plan = actieplan::Entity::find().one(w).await.unwrap().unwrap();
    for p in 0..3 {
        let plan = actieplan::ActiveModel {
            sleutel: Set(format!("extra-{p}")),
            titel: Set(format!("Extra plan {p}")),
            ..actieplan::ActiveModel::from(seed_plan.clone())
        };
        let plan = actieplan::ActiveModel {
            id: sea_orm::ActiveValue::NotSet,
            ..plan
        };
        let plan = plan.insert(w).await.unwrap();
        for o in 0..5 {
            let opgave = opgave::ActiveModel {
                sleutel: Set(format!("extra-{p}-{o}")),
                actieplan_id: Set(plan.id),
                volgorde: Set(o + 1),
                titel: Set(format!("Extra opgave {o}")),
                beschrijving: Set(String::new()),
                bron: Set("test".into()),
                versie: Set(1),
                vervallen: Set(false),
                ..Default::default()
            }
            .insert(w)
            .await
            .unwrap();
            services
                .actie_aanmaken(
                    &Kijker::systeem("test"),
                    ActieInvoer {
                        opgave_id: opgave.id,
                        titel: format!("Extra actie {p}-{o}"),
                        jaar: 2026,
                        toestand: ActieToestand {
                            status: Some(Status::InUitvoering),
                            ..Default::default()
                        },
                        door: "test".into(),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
        }
    }
    let large = run().await;
    assert_eq!(
        small, large,
        "the board's statement count grows with the plans and opgaven"
    );
    // 20 before the opgaven's trends; their batch adds its own 3 (the kring, its opgaven's thema's, the history).
    assert!(small <= 23, "the board takes {small} statements");
}
