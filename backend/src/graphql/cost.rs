//! What list fields cost in the complexity: a list is assumed to hold this many items, and costs that many
//! times its selection plus one. The sizes are generous averages for the VAR's plans (the seed has 5 themas,
//! 1 plan per thema, up to 6 opgaven per plan, 15 acties per opgave and 43 organisaties); the answer's size
//! ceiling catches what they underestimate.

/// Themas (`Query.themas`, a token's or a user's themas): the VAR has five portefeuilles.
pub const THEMAS: usize = 5;
/// Actieplannen of one thema.
pub const PLANNEN_PER_THEMA: usize = 2;
/// All actieplannen (`Query.actieplannen`).
pub const PLANNEN: usize = 16;
/// Opgaven of one actieplan.
pub const OPGAVEN_PER_PLAN: usize = 6;
/// Acties of one opgave.
pub const ACTIES_PER_OPGAVE: usize = 10;
/// Voortgangsupdates of one actie.
pub const HISTORIE_PER_ACTIE: usize = 10;
/// Trekkers or partners of one actie.
pub const ORGANISATIES_PER_ACTIE: usize = 4;
/// All organisaties.
pub const ORGANISATIES: usize = 60;
/// RVO-vergaderingen, API tokens.
pub const BEHEER_LIJST: usize = 30;
/// Counts per status or per gezondheid in a roll-up (one per enum value).
pub const PER_WAARDE: usize = 6;

/// The complexity of a list of `items` items whose selection costs `child` each.
pub const fn list(items: usize, child: usize) -> usize {
    items.saturating_mul(child).saturating_add(1)
}
