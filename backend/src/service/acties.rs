//! Searching acties: filters and keyset pagination (by id) for the Relay connection.

use super::zicht::{Zicht, opgaven_in_themas};
use crate::entities::{actie, actie_organisatie, opgave};
use crate::error::ServiceResult;
use koers_shared::{Gezondheid, Status};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

/// Largest page.
pub const MAX_PAGE: u64 = 100;

/// Which acties to find; every set field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct ActieFilter {
    pub thema_id: Option<i32>,
    pub actieplan_id: Option<i32>,
    pub opgave_id: Option<i32>,
    pub status: Vec<Status>,
    pub gezondheid: Vec<Gezondheid>,
    pub organisatie_id: Option<i32>,
    pub jaar: Option<i32>,
    pub tekst: Option<String>,
    pub gewijzigd_sinds: Option<chrono::DateTime<chrono::Utc>>,
    /// Only confidential (`true`) or only open (`false`) acties.
    pub vertrouwelijk: Option<bool>,
}

/// Which page: forward (`first` after a cursor id) or backward (`last` before one).
#[derive(Debug, Clone, Copy)]
pub enum Pagina {
    /// The first `n` after `after`.
    Vooruit { n: u64, after: Option<i32> },
    /// The last `n` before `before`.
    Achteruit { n: u64, before: Option<i32> },
}

/// What a caller wants besides the page itself; each costs a statement, so only what is asked is counted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Vragen {
    /// The number of matches over all pages.
    pub totaal: bool,
    /// Whether there are matches on the side the page does not walk towards (`hasPreviousPage` going
    /// forward, `hasNextPage` going backward).
    pub achter: bool,
}

/// A page of acties.
#[derive(Debug, Clone)]
pub struct ActiePagina {
    pub acties: Vec<actie::Model>,
    /// Matches before the page (false when not asked going forward).
    pub has_previous: bool,
    /// Matches after the page (false when not asked going backward).
    pub has_next: bool,
    /// Matches over all pages, when asked.
    pub totaal: Option<u64>,
}

fn escape_like(s: &str) -> String {
    koers_shared::tekst::zoekvorm(s)
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Acties whose [`zoektekst`](koers_shared::tekst::zoektekst) contains `t` (both sides in the same Unicode
/// search form: case-insensitive for all of Unicode, on SQLite too). On SQLite the FTS5 trigram table
/// `actie_zoek` finds them (a phrase of trigrams is exactly a substring) for terms of three characters or more;
/// shorter ones, and PostgreSQL (where a `pg_trgm` index serves `LIKE`), use `LIKE '%…%'`.
fn tekst_bevat(t: &str, backend: DbBackend) -> Condition {
    let vorm = koers_shared::tekst::zoekvorm(t);
    if backend == DbBackend::Sqlite && vorm.chars().count() >= 3 {
        let phrase = format!("\"{}\"", vorm.replace('"', "\"\""));
        let treffers = Query::select()
            .expr(Expr::cust("rowid"))
            .from(Alias::new("actie_zoek"))
            .and_where(Expr::cust_with_values("actie_zoek MATCH ?", [phrase]))
            .to_owned();
        return Condition::all().add(Expr::col((actie::Entity, actie::Column::Id)).in_subquery(treffers));
    }
    let pattern = format!("%{}%", escape_like(t));
    Condition::all().add(
        Expr::col((actie::Entity, actie::Column::Zoektekst))
            .like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\')),
    )
}

/// The columns the state filters read: of `actie` for now, of a history row for a moment in the past.
#[derive(Debug, Clone)]
pub(crate) struct Toestandkolommen {
    pub opgave: Expr,
    pub status: Expr,
    pub gezondheid: Expr,
    pub gewijzigd: Expr,
}

impl Toestandkolommen {
    /// Those of `actie` itself.
    fn nu() -> Self {
        let c = |c: actie::Column| Expr::col((actie::Entity, c));
        Toestandkolommen {
            opgave: c(actie::Column::OpgaveId),
            status: c(actie::Column::Status),
            gezondheid: c(actie::Column::Gezondheid),
            gewijzigd: c(actie::Column::GewijzigdOp),
        }
    }
}

impl ActieFilter {
    fn condition(&self, backend: DbBackend) -> Condition {
        self.vast(backend).add(self.toestand(&Toestandkolommen::nu()))
    }

    /// What the filter asks of an actie's state (opgave, plan, thema, status, health, when changed), on `k`.
    pub(crate) fn toestand(&self, k: &Toestandkolommen) -> Condition {
        let mut c = Condition::all();
        if let Some(id) = self.opgave_id {
            c = c.add(k.opgave.clone().eq(id));
        }
        if let Some(id) = self.actieplan_id {
            c = c.add(
                k.opgave.clone().in_subquery(
                    Query::select()
                        .column(opgave::Column::Id)
                        .from(opgave::Entity)
                        .and_where(opgave::Column::ActieplanId.eq(id))
                        .to_owned(),
                ),
            );
        }
        if let Some(id) = self.thema_id {
            c = c.add(k.opgave.clone().in_subquery(opgaven_in_themas([id])));
        }
        if !self.status.is_empty() {
            c = c.add(k.status.clone().is_in(self.status.iter().map(|s| s.as_str())));
        }
        if !self.gezondheid.is_empty() {
            c = c.add(
                k.gezondheid
                    .clone()
                    .is_in(self.gezondheid.iter().map(|g| g.as_str())),
            );
        }
        if let Some(t) = self.gewijzigd_sinds {
            c = c.add(k.gewijzigd.clone().gte(t));
        }
        c
    }

    /// What the filter asks of what the history does not record (as now): confidentiality, organisation,
    /// year, text.
    pub(crate) fn vast(&self, backend: DbBackend) -> Condition {
        let mut c = Condition::all();
        if let Some(v) = self.vertrouwelijk {
            c = c.add(actie::Column::Vertrouwelijk.eq(v));
        }
        if let Some(id) = self.organisatie_id {
            c = c.add(
                actie::Column::Id.in_subquery(
                    Query::select()
                        .column(actie_organisatie::Column::ActieId)
                        .from(actie_organisatie::Entity)
                        .and_where(actie_organisatie::Column::OrganisatieId.eq(id))
                        .to_owned(),
                ),
            );
        }
        if let Some(j) = self.jaar {
            c = c.add(actie::Column::Jaar.eq(j));
        }
        if let Some(t) = self.tekst.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            c = c.add(tekst_bevat(t, backend));
        }
        c
    }
}

/// Whether any acties match `cond`.
async fn bestaat(db: &DatabaseConnection, cond: Condition) -> ServiceResult<bool> {
    let one: Option<i32> = actie::Entity::find()
        .select_only()
        .column(actie::Column::Id)
        .filter(cond)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(one.is_some())
}

/// A page of the acties matching `filter` that `zicht` may see, ordered by id, with what `vragen` asks.
pub async fn zoek(
    db: &DatabaseConnection,
    zicht: &Zicht,
    filter: &ActieFilter,
    pagina: Pagina,
    vragen: Vragen,
) -> ServiceResult<ActiePagina> {
    let cond = filter.condition(db.get_database_backend()).add(zicht.acties());
    pagina_van(db, cond, pagina, vragen).await
}

/// A page of the acties matching `cond`, ordered by id, with what `vragen` asks.
pub(crate) async fn pagina_van(
    db: &DatabaseConnection,
    cond: Condition,
    pagina: Pagina,
    vragen: Vragen,
) -> ServiceResult<ActiePagina> {
    let totaal = match vragen.totaal {
        true => Some(actie::Entity::find().filter(cond.clone()).count(db).await?),
        false => None,
    };
    let (acties, has_previous, has_next) = match pagina {
        Pagina::Vooruit { n, after } => {
            let mut q = actie::Entity::find().filter(cond.clone());
            if let Some(a) = after {
                q = q.filter(actie::Column::Id.gt(a));
            }
            let mut rows = q.order_by_asc(actie::Column::Id).limit(n + 1).all(db).await?;
            let has_next = rows.len() as u64 > n;
            rows.truncate(n as usize);
            let has_previous = match after {
                Some(a) if vragen.achter => bestaat(db, cond.add(actie::Column::Id.lte(a))).await?,
                _ => false,
            };
            (rows, has_previous, has_next)
        }
        Pagina::Achteruit { n, before } => {
            let mut q = actie::Entity::find().filter(cond.clone());
            if let Some(b) = before {
                q = q.filter(actie::Column::Id.lt(b));
            }
            let mut rows = q.order_by_desc(actie::Column::Id).limit(n + 1).all(db).await?;
            let has_previous = rows.len() as u64 > n;
            rows.truncate(n as usize);
            rows.reverse();
            let has_next = match before {
                Some(b) if vragen.achter => bestaat(db, cond.add(actie::Column::Id.gte(b))).await?,
                _ => false,
            };
            (rows, has_previous, has_next)
        }
    };
    Ok(ActiePagina {
        acties,
        has_previous,
        has_next,
        totaal,
    })
}
