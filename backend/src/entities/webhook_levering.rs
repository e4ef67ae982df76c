//! The webhook outbox: one row per event per webhook, delivered at least once by the delivery worker.

use sea_orm::entity::prelude::*;

/// What happened, as the `type` of a delivery's payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))")]
pub enum Gebeurtenis {
    /// An actie was created.
    #[sea_orm(string_value = "actie.aangemaakt")]
    ActieAangemaakt,
    /// An actie's descriptive fields changed.
    #[sea_orm(string_value = "actie.gewijzigd")]
    ActieGewijzigd,
    /// Progress was reported on an actie.
    #[sea_orm(string_value = "actie.voortgang")]
    ActieVoortgang,
    /// An actieplan changed.
    #[sea_orm(string_value = "actieplan.gewijzigd")]
    ActieplanGewijzigd,
}

impl Gebeurtenis {
    /// The text in payloads and storage (`actie.aangemaakt`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Gebeurtenis::ActieAangemaakt => "actie.aangemaakt",
            Gebeurtenis::ActieGewijzigd => "actie.gewijzigd",
            Gebeurtenis::ActieVoortgang => "actie.voortgang",
            Gebeurtenis::ActieplanGewijzigd => "actieplan.gewijzigd",
        }
    }

    /// The event of a stored text.
    pub fn from_text(s: &str) -> Option<Self> {
        <Self as sea_orm::Iterable>::iter().find(|g| g.as_str() == s)
    }
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))")]
pub enum Toestand {
    /// Still to be delivered (first try or a retry after `volgende_poging_op`).
    #[sea_orm(string_value = "wachtend")]
    Wachtend,
    /// The receiver answered 2xx.
    #[sea_orm(string_value = "bezorgd")]
    Bezorgd,
    /// Not delivered: the webhook was switched off (it resumes when the webhook is switched on again).
    #[sea_orm(string_value = "gestopt")]
    Gestopt,
}

/// A row of `webhook_levering`; `bericht_id` is the Standard Webhooks `webhook-id` (the same on every retry).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_levering")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub webhook_id: i32,
    pub gebeurtenis: Gebeurtenis,
    #[sea_orm(unique)]
    pub bericht_id: String,
    pub payload: String,
    pub toestand: Toestand,
    pub pogingen: i32,
    pub volgende_poging_op: DateTimeUtc,
    pub geclaimd_tot: Option<DateTimeUtc>,
    pub laatste_status: Option<i32>,
    pub laatste_antwoord: Option<String>,
    pub laatste_fout: Option<String>,
    pub aangemaakt_op: DateTimeUtc,
    pub laatste_poging_op: Option<DateTimeUtc>,
    pub bezorgd_op: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
