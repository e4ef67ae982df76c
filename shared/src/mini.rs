//! miniserde encodings of the shared domain values, for the wasm front end: the same JSON as their serde
//! encodings (enums as their GraphQL names, `IN_UITVOERING`; progress as a number), checked by the tests below.

use crate::domain::{Gezondheid, OrganisatieSoort, PlanSoort, PlanStatus, Status, Voortgang};
use miniserde::de::Visitor;
use miniserde::ser::Fragment;
use miniserde::{Deserialize, Error, Result, Serialize, make_place};
use std::borrow::Cow;

make_place!(Plek);

/// Implements both traits for an enum with `ALL` and `as_str` (the GraphQL name is `as_str` in capitals).
macro_rules! mini_enum {
    ($($name:ident),+) => {$(
        impl Visitor for Plek<$name> {
            fn string(&mut self, s: &str) -> Result<()> {
                let waarde = $name::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(s));
                self.out = Some(waarde.ok_or(Error)?);
                Ok(())
            }
        }

        impl Deserialize for $name {
            fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
                Plek::new(out)
            }
        }

        impl Serialize for $name {
            fn begin(&self) -> Fragment<'_> {
                Fragment::Str(Cow::Owned(self.as_str().to_ascii_uppercase()))
            }
        }
    )+};
}

mini_enum!(Status, Gezondheid, PlanSoort, PlanStatus, OrganisatieSoort);

impl Visitor for Plek<Voortgang> {
    fn nonnegative(&mut self, n: u64) -> Result<()> {
        let n = i64::try_from(n).map_err(|_| Error)?;
        self.out = Some(Voortgang::try_from(n).map_err(|_| Error)?);
        Ok(())
    }
}

impl Deserialize for Voortgang {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Plek::new(out)
    }
}

impl Serialize for Voortgang {
    fn begin(&self) -> Fragment<'_> {
        Fragment::U64(u64::from(self.procent()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value encodes to the same JSON with miniserde as with serde, and decodes back.
    fn zelfde_json<T>(waarden: &[T])
    where
        T: Serialize + Deserialize + serde::Serialize + PartialEq + std::fmt::Debug,
    {
        for w in waarden {
            let mini = miniserde::json::to_string(w);
            assert_eq!(Some(mini.clone()), serde_json::to_string(w).ok(), "{w:?}");
            assert_eq!(miniserde::json::from_str::<T>(&mini).ok().as_ref(), Some(w));
        }
    }

    #[test]
    fn enums_encode_as_with_serde() {
        zelfde_json(Status::ALL);
        zelfde_json(Gezondheid::ALL);
        zelfde_json(PlanSoort::ALL);
        zelfde_json(PlanStatus::ALL);
        zelfde_json(OrganisatieSoort::ALL);
    }

    #[test]
    fn progress_encodes_as_a_number_within_0_to_100() {
        zelfde_json(&[
            Voortgang::NUL,
            Voortgang::VOLLEDIG,
            Voortgang::try_from(42).unwrap(),
        ]);
        assert!(miniserde::json::from_str::<Voortgang>("101").is_err());
        assert!(miniserde::json::from_str::<Voortgang>("-1").is_err());
        assert!(miniserde::json::from_str::<Voortgang>("\"50\"").is_err());
    }

    #[test]
    fn unknown_enum_names_are_refused() {
        assert!(miniserde::json::from_str::<Status>("\"KLAAR\"").is_err());
        assert_eq!(
            miniserde::json::from_str::<Status>("\"IN_UITVOERING\"").ok(),
            Some(Status::InUitvoering)
        );
    }
}
