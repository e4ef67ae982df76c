//! The run log of scheduled jobs: one row per job and period, claimed by one instance until its lease ends.

use sea_orm::entity::prelude::*;

/// A row of `taak_run`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "taak_run")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The job.
    pub naam: String,
    /// The period: whole intervals since 1970 (unique with `naam`).
    pub periode: i64,
    /// The instance that claimed the run (last).
    pub instantie: String,
    pub begonnen_op: DateTimeUtc,
    /// Until when the claim holds; an unfinished run past it may be taken over.
    pub geclaimd_tot: DateTimeUtc,
    pub klaar_op: Option<DateTimeUtc>,
    /// How many times it was claimed (more than 1: taken over from an instance that died).
    pub pogingen: i32,
    /// What the run did, or why it failed.
    pub resultaat: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
