//! Thema's and organisaties (beheerders only): create and change; merge two organisaties (every actie link
//! moves, each actie keeps its history).

use super::{
    Beheerd, aangemaakt, alleen_beheerder, bewaar, bijgesneden, fouten, huidig, invoegen, vrije_sleutel,
};
use crate::entities::{actie, actie_organisatie, organisatie, thema};
use crate::error::{ServiceError, ServiceResult};
use crate::service::{Services, audit};
use crate::toegang::Kijker;
use koers_shared::Melding;
use koers_shared::OrganisatieSoort;
use koers_shared::beheer::{Fouten, MAX_KORT, MAX_TEKST, MAX_TITEL};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, ModelTrait, QueryFilter, QueryOrder};
use serde_json::json;
use std::collections::BTreeSet;

/// A new thema.
#[derive(Debug, Clone)]
pub struct ThemaInvoer {
    pub sleutel: Option<String>,
    pub naam: String,
    pub portefeuillehouder: Option<String>,
    pub volgorde: Option<i32>,
    pub bron: Option<String>,
}

/// A change of a thema.
#[derive(Debug, Clone, Default)]
pub struct ThemaWijziging {
    pub id: i32,
    pub versie: i32,
    pub naam: Option<String>,
    pub portefeuillehouder: Option<Option<String>>,
    pub volgorde: Option<i32>,
    pub bron: Option<String>,
}

/// A new organisatie.
#[derive(Debug, Clone)]
pub struct OrganisatieInvoer {
    pub sleutel: Option<String>,
    pub naam: String,
    pub afkorting: Option<String>,
    pub soort: OrganisatieSoort,
    pub bron: Option<String>,
}

/// A change of an organisatie.
#[derive(Debug, Clone, Default)]
pub struct OrganisatieWijziging {
    pub id: i32,
    pub versie: i32,
    pub naam: Option<String>,
    pub afkorting: Option<Option<String>>,
    pub soort: Option<OrganisatieSoort>,
    pub bron: Option<String>,
}

pub(super) fn eigen_bron(bron: Option<&str>, door: &str) -> String {
    bijgesneden(bron).unwrap_or_else(|| format!("Ingevoerd in Koers door {door}"))
}

fn check_thema(t: &thema::Model) -> ServiceResult<()> {
    let mut f = Fouten::default();
    f.verplicht("naam", &t.naam, MAX_TITEL);
    f.tekst("portefeuillehouder", t.portefeuillehouder.as_deref(), MAX_KORT);
    f.eis(
        (0..=10_000).contains(&t.volgorde),
        "volgorde",
        Melding::BuitenBereik { min: 0, max: 10_000 },
    );
    f.verplicht("bron", &t.bron, MAX_TEKST);
    fouten(f.klaar())
}

fn check_organisatie(o: &organisatie::Model) -> ServiceResult<()> {
    let mut f = Fouten::default();
    f.verplicht("naam", &o.naam, MAX_TITEL);
    f.tekst("afkorting", o.afkorting.as_deref(), MAX_KORT);
    f.verplicht("bron", &o.bron, MAX_TEKST);
    fouten(f.klaar())
}

pub(super) async fn log<M: Beheerd>(
    txn: &DatabaseTransaction,
    kijker: &Kijker,
    handeling: &str,
    m: &M,
    details: serde_json::Value,
) -> ServiceResult<()> {
    audit::schrijf(
        txn,
        kijker,
        handeling,
        Some(format!("{}/{}", M::SOORT, m.id())),
        details,
    )
    .await?;
    Ok(())
}

impl Services {
    /// Creates a thema (the RVO added a portefeuille).
    pub async fn thema_aanmaken(&self, kijker: &Kijker, n: ThemaInvoer) -> ServiceResult<thema::Model> {
        alleen_beheerder(kijker, "maakt thema's aan")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let laatste = thema::Entity::find()
            .order_by_desc(thema::Column::Volgorde)
            .one(&txn)
            .await?
            .map_or(0, |t| t.volgorde);
        let mut t = thema::Model {
            id: 0,
            sleutel: String::new(),
            naam: koers_shared::tekst::bijgesneden(&n.naam).to_string(),
            portefeuillehouder: bijgesneden(n.portefeuillehouder.as_deref()),
            volgorde: n.volgorde.unwrap_or(laatste + 1),
            bron: eigen_bron(n.bron.as_deref(), &door),
            versie: 1,
        };
        check_thema(&t)?;
        t.sleutel =
            vrije_sleutel::<thema::Entity>(&txn, thema::Column::Sleutel, n.sleutel.as_deref(), &t.naam)
                .await?;
        let m = invoegen(&txn, t).await?;
        aangemaakt(&txn, &m, &door).await?;
        log(
            &txn,
            kijker,
            "themaAanmaken",
            &m,
            json!({ "versie": 1, "naam": m.naam }),
        )
        .await?;
        self.db.commit(txn).await?;
        self.meld(&m, Some(m.id));
        Ok(m)
    }

    /// Changes a thema's name, order, portefeuillehouder or source.
    pub async fn thema_wijzigen(&self, kijker: &Kijker, w: ThemaWijziging) -> ServiceResult<thema::Model> {
        alleen_beheerder(kijker, "wijzigt thema's")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: thema::Model = huidig(&txn, w.id, w.versie).await?;
        let mut na = voor.clone();
        if let Some(n) = &w.naam {
            na.naam = koers_shared::tekst::bijgesneden(n).to_string();
        }
        if let Some(p) = &w.portefeuillehouder {
            na.portefeuillehouder = bijgesneden(p.as_deref());
        }
        na.volgorde = w.volgorde.unwrap_or(na.volgorde);
        if let Some(b) = &w.bron {
            na.bron = b.trim().to_string();
        }
        check_thema(&na)?;
        let (m, velden) = bewaar(&txn, &door, &voor, na, None).await?;
        if !velden.is_empty() {
            log(
                &txn,
                kijker,
                "themaWijzigen",
                &m,
                json!({ "versie": m.versie, "velden": velden }),
            )
            .await?;
        }
        self.db.commit(txn).await?;
        if !velden.is_empty() {
            self.meld(&m, Some(m.id));
        }
        Ok(m)
    }

    /// Adds an organisatie (a gemeente, a partner).
    pub async fn organisatie_aanmaken(
        &self,
        kijker: &Kijker,
        n: OrganisatieInvoer,
    ) -> ServiceResult<organisatie::Model> {
        alleen_beheerder(kijker, "voegt organisaties toe")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let mut o = organisatie::Model {
            id: 0,
            sleutel: String::new(),
            naam: koers_shared::tekst::bijgesneden(&n.naam).to_string(),
            afkorting: bijgesneden(n.afkorting.as_deref()),
            soort: n.soort.as_str().to_string(),
            bron: eigen_bron(n.bron.as_deref(), &door),
            versie: 1,
            samengevoegd_in: None,
        };
        check_organisatie(&o)?;
        o.sleutel = vrije_sleutel::<organisatie::Entity>(
            &txn,
            organisatie::Column::Sleutel,
            n.sleutel.as_deref(),
            &o.naam,
        )
        .await?;
        let m = invoegen(&txn, o).await?;
        aangemaakt(&txn, &m, &door).await?;
        log(
            &txn,
            kijker,
            "organisatieAanmaken",
            &m,
            json!({ "versie": 1, "naam": m.naam }),
        )
        .await?;
        self.db.commit(txn).await?;
        self.meld(&m, None);
        Ok(m)
    }

    /// Changes an organisatie.
    pub async fn organisatie_wijzigen(
        &self,
        kijker: &Kijker,
        w: OrganisatieWijziging,
    ) -> ServiceResult<organisatie::Model> {
        alleen_beheerder(kijker, "wijzigt organisaties")?;
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let voor: organisatie::Model = huidig(&txn, w.id, w.versie).await?;
        let mut na = voor.clone();
        if let Some(n) = &w.naam {
            na.naam = koers_shared::tekst::bijgesneden(n).to_string();
        }
        if let Some(a) = &w.afkorting {
            na.afkorting = bijgesneden(a.as_deref());
        }
        if let Some(s) = w.soort {
            na.soort = s.as_str().to_string();
        }
        if let Some(b) = &w.bron {
            na.bron = b.trim().to_string();
        }
        check_organisatie(&na)?;
        let (m, velden) = bewaar(&txn, &door, &voor, na, None).await?;
        if !velden.is_empty() {
            log(
                &txn,
                kijker,
                "organisatieWijzigen",
                &m,
                json!({ "versie": m.versie, "velden": velden }),
            )
            .await?;
        }
        self.db.commit(txn).await?;
        if !velden.is_empty() {
            self.meld(&m, None);
        }
        Ok(m)
    }

    /// Merges organisatie `van` into `naar`: every actie link of `van` moves to `naar` (each actie gets a new
    /// version and a history row), and `van` is kept as merged into `naar`.
    pub async fn organisaties_samenvoegen(
        &self,
        kijker: &Kijker,
        (van_id, van_versie): (i32, i32),
        (naar_id, naar_versie): (i32, i32),
    ) -> ServiceResult<organisatie::Model> {
        alleen_beheerder(kijker, "voegt organisaties samen")?;
        if van_id == naar_id {
            return Err(ServiceError::melding("naar", Melding::InZichzelf));
        }
        let door = kijker.naam();
        let txn = self.db.begin_write().await?;
        let van: organisatie::Model = huidig(&txn, van_id, van_versie).await?;
        let naar: organisatie::Model = huidig(&txn, naar_id, naar_versie).await?;
        if van.samengevoegd_in.is_some() {
            return Err(ServiceError::melding("van", Melding::AlSamengevoegd));
        }
        if naar.samengevoegd_in.is_some() {
            return Err(ServiceError::melding("naar", Melding::ZelfSamengevoegd));
        }
        let links = actie_organisatie::Entity::find()
            .filter(actie_organisatie::Column::OrganisatieId.eq(van.id))
            .all(&txn)
            .await?;
        let acties: BTreeSet<i32> = links.iter().map(|l| l.actie_id).collect();
        let toelichting = format!("{} samengevoegd in {}", van.naam, naar.naam);
        let mut gewijzigd = Vec::new();
        for a in acties {
            let Some(huidige) = actie::Entity::find_by_id(a).one(&txn).await? else {
                continue;
            };
            let mut velden = BTreeSet::new();
            for l in links.iter().filter(|l| l.actie_id == a) {
                let dubbel = actie_organisatie::Entity::find_by_id((a, naar.id, l.rol.clone()))
                    .one(&txn)
                    .await?
                    .is_some();
                l.clone().delete(&txn).await?;
                if !dubbel {
                    actie_organisatie::Entity::insert(actie_organisatie::ActiveModel {
                        actie_id: sea_orm::ActiveValue::Set(a),
                        organisatie_id: sea_orm::ActiveValue::Set(naar.id),
                        rol: sea_orm::ActiveValue::Set(l.rol.clone()),
                    })
                    .exec(&txn)
                    .await?;
                }
                velden.insert(if l.rol == actie_organisatie::TREKKER {
                    "trekkers"
                } else {
                    "partners"
                });
            }
            let velden: Vec<&str> = velden.into_iter().collect();
            let saved = Self::save(
                &txn,
                &huidige,
                huidige.clone(),
                &door,
                Some(toelichting.clone()),
                &velden.join(","),
            )
            .await?;
            gewijzigd.push((saved, huidige.vertrouwelijk));
        }
        let mut na = van.clone();
        na.samengevoegd_in = Some(naar.id);
        let (m, _) = bewaar(&txn, &door, &van, na, Some(toelichting)).await?;
        log(
            &txn,
            kijker,
            "organisatiesSamenvoegen",
            &m,
            json!({ "naar": naar.id, "acties": gewijzigd.iter().map(|(a, _)| a.id).collect::<Vec<_>>() }),
        )
        .await?;
        let mut events = Vec::new();
        for (a, was) in &gewijzigd {
            let plaats = crate::service::rechten::plan_en_thema(&txn, a.opgave_id).await?;
            crate::service::webhooks::aankondigen(
                &txn,
                crate::entities::webhook_levering::Gebeurtenis::ActieGewijzigd,
                a,
                plaats,
            )
            .await?;
            events.push(self.aankondigen(&txn, a, *was, plaats).await?);
        }
        self.db.commit(txn).await?;
        self.meld(&m, None);
        for e in events {
            self.verspreid(e);
        }
        Ok(naar)
    }
}
