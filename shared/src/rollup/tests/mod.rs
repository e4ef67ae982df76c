//! Unit and property tests of the roll-up.

mod props;
mod unit;

use super::*;

pub(super) fn vg(p: i64) -> Voortgang {
    Voortgang::try_from(p).unwrap()
}

pub(super) fn stand(status: Status, gezondheid: Option<Gezondheid>, voortgang: Option<i64>) -> ActieStand {
    ActieStand {
        status,
        gezondheid,
        voortgang: voortgang.map(vg),
    }
}

pub(super) fn is_percentage(x: f64) -> bool {
    (0.0..=100.0).contains(&x)
}
