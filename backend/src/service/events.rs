//! Change notifications: published after a write commits, delivered to GraphQL subscriptions.

/// An actie changed (created, edited or its progress reported).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActieEvent {
    /// The actie.
    pub actie_id: i32,
    /// Its opgave after the change.
    pub opgave_id: i32,
    /// The plan of that opgave.
    pub actieplan_id: i32,
    /// The thema of that plan.
    pub thema_id: i32,
    /// Whether the actie is confidential after the change.
    pub vertrouwelijk: bool,
    /// Whether it was confidential before (a new actie: as now).
    pub was_vertrouwelijk: bool,
    /// Its version after the change.
    pub versie: i32,
}

/// A record above acties changed (beheer): a thema, plan, opgave, organisatie or RVO meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeheerEvent {
    /// Its kind, as in the history (`actieplan`, `opgave`, …).
    pub soort: &'static str,
    /// Its id.
    pub id: i32,
    /// The thema it belongs to; none for organisaties and RVO meetings (public to every reader).
    pub thema_id: Option<i32>,
    /// Its version after the change (0: removed).
    pub versie: i32,
}
