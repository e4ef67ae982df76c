//! What a viewer may read, as the one value every service read takes: derived from a [`Kijker`], never
//! "everyone" by default, and the SQL conditions that keep hidden rows out of every query.

use crate::entities::{actie, actieplan, opgave, organisatie, rvo_vergadering, thema, voortgangsupdate};
use crate::error::{ServiceError, ServiceResult};
use crate::toegang::{Kijker, Themas};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, EntityTrait};

/// The part of Koers a viewer may read. Only [`Zicht::van`] makes one, and only for a viewer that may read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Zicht {
    /// Thema's it may read (their plans, opgaven and open acties).
    lezen: Themas,
    /// Thema's whose confidential acties it may read, within `lezen`.
    vertrouwelijk: Themas,
}

impl Zicht {
    /// What `kijker` may read; UNAUTHENTICATED when it may not read at all.
    pub fn van(kijker: &Kijker) -> ServiceResult<Self> {
        let lezen = kijker.lezen.clone().ok_or(ServiceError::Unauthenticated)?;
        let vertrouwelijk = match (&lezen, &kijker.vertrouwelijk) {
            (Themas::Alle, v) => v.clone(),
            (l, Themas::Alle) => l.clone(),
            (Themas::Enkel(l), Themas::Enkel(v)) => Themas::Enkel(l.intersection(v).copied().collect()),
        };
        Ok(Zicht { lezen, vertrouwelijk })
    }

    /// The same view without any confidential work, as the presentation mode shows it.
    pub fn zonder_vertrouwelijk(&self) -> Self {
        Zicht {
            lezen: self.lezen.clone(),
            vertrouwelijk: Themas::geen(),
        }
    }

    /// Whether it may see thema `thema` (its plans and opgaven).
    pub fn ziet_thema(&self, thema: i32) -> bool {
        self.lezen.bevat(thema)
    }

    /// Whether it may see an actie in `thema`.
    pub fn ziet_actie(&self, thema: i32, vertrouwelijk: bool) -> bool {
        self.ziet_thema(thema) && (!vertrouwelijk || self.vertrouwelijk.bevat(thema))
    }

    /// The acties it may see, as a condition on `actie`.
    pub fn acties(&self) -> Condition {
        self.acties_in(|opgaven| Condition::all().add(actie::Column::OpgaveId.in_subquery(opgaven)))
    }

    /// The acties it may see when each is placed where `in_opgaven` says (a condition on `actie` that its
    /// opgave is one of those selected), as a condition on `actie`.
    pub(crate) fn acties_in(&self, in_opgaven: impl Fn(SelectStatement) -> Condition) -> Condition {
        let mut c = Condition::all();
        if let Themas::Enkel(set) = &self.lezen {
            c = c.add(in_opgaven(opgaven_in_themas(set.iter().copied())));
        }
        if let Themas::Enkel(set) = &self.vertrouwelijk {
            c = c.add(
                Condition::any()
                    .add(actie::Column::Vertrouwelijk.eq(false))
                    .add(in_opgaven(opgaven_in_themas(set.iter().copied()))),
            );
        }
        c
    }

    /// The plans it may see, as a condition on `actieplan`.
    fn plannen(&self) -> Condition {
        match &self.lezen {
            Themas::Alle => Condition::all(),
            Themas::Enkel(set) => Condition::all().add(actieplan::Column::ThemaId.is_in(set.iter().copied())),
        }
    }
}

/// `SELECT opgave.id` of the opgaven in the plans of `themas`.
pub(crate) fn opgaven_in_themas(themas: impl IntoIterator<Item = i32>) -> SelectStatement {
    Query::select()
        .column(opgave::Column::Id)
        .from(opgave::Entity)
        .and_where(
            opgave::Column::ActieplanId.in_subquery(
                Query::select()
                    .column(actieplan::Column::Id)
                    .from(actieplan::Entity)
                    .and_where(actieplan::Column::ThemaId.is_in(themas))
                    .to_owned(),
            ),
        )
        .to_owned()
}

/// Entities whose rows a [`Zicht`] may hide.
pub trait Zichtbaar: EntityTrait {
    /// The rows `zicht` may see, as a condition on this entity.
    fn zichtbaar(zicht: &Zicht) -> Condition;
}

impl Zichtbaar for thema::Entity {
    fn zichtbaar(z: &Zicht) -> Condition {
        match &z.lezen {
            Themas::Alle => Condition::all(),
            Themas::Enkel(set) => Condition::all().add(thema::Column::Id.is_in(set.iter().copied())),
        }
    }
}

impl Zichtbaar for actieplan::Entity {
    fn zichtbaar(z: &Zicht) -> Condition {
        z.plannen()
    }
}

impl Zichtbaar for opgave::Entity {
    fn zichtbaar(z: &Zicht) -> Condition {
        match &z.lezen {
            Themas::Alle => Condition::all(),
            Themas::Enkel(_) => Condition::all().add(
                opgave::Column::ActieplanId.in_subquery(
                    Query::select()
                        .column(actieplan::Column::Id)
                        .from(actieplan::Entity)
                        .cond_where(z.plannen())
                        .to_owned(),
                ),
            ),
        }
    }
}

impl Zichtbaar for actie::Entity {
    fn zichtbaar(z: &Zicht) -> Condition {
        z.acties()
    }
}

impl Zichtbaar for voortgangsupdate::Entity {
    /// A history row is as visible as its actie.
    fn zichtbaar(z: &Zicht) -> Condition {
        van_zichtbare_acties(voortgangsupdate::Column::ActieId, z)
    }
}

impl Zichtbaar for organisatie::Entity {
    /// Organisations are public to every reader.
    fn zichtbaar(_: &Zicht) -> Condition {
        Condition::all()
    }
}

impl Zichtbaar for rvo_vergadering::Entity {
    /// Meetings are public to every reader.
    fn zichtbaar(_: &Zicht) -> Condition {
        Condition::all()
    }
}

/// Rows whose actie `zicht` may see, as a condition on their `actie_id` column `col`: a correlated `EXISTS`
/// (one primary-key look-up per row), not `IN (every visible actie)`, which the database would build whole
/// for every statement and so cost every page of a cursor walk the size of the table.
pub(crate) fn van_zichtbare_acties(col: impl ColumnTrait, zicht: &Zicht) -> Condition {
    if zicht.lezen == Themas::Alle && zicht.vertrouwelijk == Themas::Alle {
        return Condition::all();
    }
    let eigen = Query::select()
        .expr(Expr::val(1))
        .from(actie::Entity)
        .and_where(Expr::col((actie::Entity, actie::Column::Id)).equals((col.entity_name(), col)))
        .cond_where(zicht.acties())
        .to_owned();
    Condition::all().add(Expr::exists(eigen))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn a_viewer_that_may_not_read_gets_no_zicht() {
        assert!(matches!(
            Zicht::van(&Kijker::anoniem(false)),
            Err(ServiceError::Unauthenticated)
        ));
    }

    #[test]
    fn confidential_rights_stay_inside_the_readable_themas() {
        let t = Kijker::token(1, "t".into(), Themas::Enkel(BTreeSet::from([4])), false, true);
        let z = Zicht::van(&t).unwrap();
        assert!(z.ziet_actie(4, true) && !z.ziet_actie(5, false));
        assert!(!z.zonder_vertrouwelijk().ziet_actie(4, true));
        let a = Zicht::van(&Kijker::anoniem(true)).unwrap();
        assert!(a.ziet_actie(9, false) && !a.ziet_actie(9, true));
    }
}
