//! The rule "overdue with an update", the same on the board, in the Sinds-vorige-RVO view and in the API: an
//! actie in uitvoering or doorlopend whose last update (its UTC day) lies more than `weken` weeks before the
//! peildatum (the next RVO meeting, or today). Dates are day numbers (days since 1970-01-01), so both sides
//! can feed it from their own date types.

use crate::Status;

/// The number of weeks without an update when none is given.
pub const STANDAARD_WEKEN: u32 = 4;
/// The fewest weeks one may ask for.
pub const MIN_WEKEN: u32 = 1;
/// The most weeks one may ask for.
pub const MAX_WEKEN: u32 = 52;

/// Whether `weken` lies within [`MIN_WEKEN`]–[`MAX_WEKEN`].
pub fn geldige_weken(weken: u32) -> bool {
    (MIN_WEKEN..=MAX_WEKEN).contains(&weken)
}

/// The first day whose update is recent enough: `peildatum` minus `weken` weeks (day numbers).
pub fn grens(peildatum: i64, weken: u32) -> i64 {
    peildatum - 7 * i64::from(weken)
}

/// Whether an actie with `status`, last updated on day `laatste_update`, is overdue against [`grens`].
pub fn te_laat(status: Status, laatste_update: i64, grens: i64) -> bool {
    status.is_actief() && laatste_update < grens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_acties_in_progress_older_than_the_limit_are_overdue() {
        let g = grens(100, 4);
        assert_eq!(g, 72);
        assert!(te_laat(Status::InUitvoering, 71, g));
        assert!(te_laat(Status::Doorlopend, 71, g));
        // An update on the limit's own day is recent enough.
        assert!(!te_laat(Status::InUitvoering, 72, g));
        for s in [Status::Gepland, Status::Afgerond, Status::Gestopt] {
            assert!(!te_laat(s, 0, g), "{s}");
        }
        assert!(geldige_weken(1) && geldige_weken(52));
        assert!(!geldige_weken(0) && !geldige_weken(53));
    }
}
