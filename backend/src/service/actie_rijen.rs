//! The rows of an actie write: the actie itself, its organisation links and its history row (with the opgave it
//! is in), shared by the write path (`schrijven`), the seed, the import and the bench's generator.

use crate::entities::{actie, actie_organisatie, voortgangsupdate};
use koers_shared::GeldigeToestand;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

/// A new actie with checked values.
#[derive(Debug, Clone)]
pub struct NieuweActie {
    pub sleutel: Option<String>,
    pub opgave_id: i32,
    pub opgave_afgeleid: bool,
    pub titel: String,
    pub beschrijving: String,
    pub jaar: i32,
    pub kwartaal: Option<i32>,
    pub datum: Option<chrono::NaiveDate>,
    pub toestand: GeldigeToestand,
    pub vertrouwelijk: bool,
    pub bron: String,
    pub trekkers: Vec<i32>,
    pub partners: Vec<i32>,
}

/// Inserts an actie, its organisations and its first history row (version 1).
pub async fn insert_actie<C: ConnectionTrait>(
    c: &C,
    n: NieuweActie,
    door: &str,
    toelichting: Option<String>,
) -> Result<actie::Model, DbErr> {
    let now = chrono::Utc::now();
    let t = &n.toestand;
    let model = actie::ActiveModel {
        sleutel: Set(n.sleutel),
        opgave_id: Set(n.opgave_id),
        opgave_afgeleid: Set(n.opgave_afgeleid),
        titel: Set(n.titel.clone()),
        beschrijving: Set(n.beschrijving.clone()),
        jaar: Set(n.jaar),
        kwartaal: Set(n.kwartaal),
        datum: Set(n.datum),
        status: Set(t.status.as_str().to_string()),
        gezondheid: Set(t.gezondheid.map(|g| g.as_str().to_string())),
        gezondheid_reden: Set(t.gezondheid_reden.clone()),
        voortgang: Set(t.voortgang.map(i32::from)),
        vertrouwelijk: Set(n.vertrouwelijk),
        bron: Set(n.bron),
        versie: Set(1),
        aangemaakt_op: Set(now),
        gewijzigd_op: Set(now),
        zoektekst: Set(koers_shared::tekst::zoektekst(&n.titel, &n.beschrijving)),
        ..Default::default()
    }
    .insert(c)
    .await?;
    link_organisaties(c, model.id, &n.trekkers, &n.partners).await?;
    history(c, None, &model, door, toelichting, "aangemaakt").await?;
    Ok(model)
}

pub(super) async fn link_organisaties<C: ConnectionTrait>(
    c: &C,
    actie_id: i32,
    trekkers: &[i32],
    partners: &[i32],
) -> Result<(), DbErr> {
    let rows = trekkers
        .iter()
        .map(|o| (o, actie_organisatie::TREKKER))
        .chain(partners.iter().map(|o| (o, actie_organisatie::PARTNER)))
        .map(|(o, rol)| actie_organisatie::ActiveModel {
            actie_id: Set(actie_id),
            organisatie_id: Set(*o),
            rol: Set(rol.to_string()),
        });
    let rows: Vec<_> = rows.collect();
    if !rows.is_empty() {
        actie_organisatie::Entity::insert_many(rows).exec(c).await?;
    }
    Ok(())
}

pub(super) async fn history<C: ConnectionTrait>(
    c: &C,
    voor: Option<&actie::Model>,
    na: &actie::Model,
    door: &str,
    toelichting: Option<String>,
    velden: &str,
) -> Result<(), DbErr> {
    voortgangsupdate::ActiveModel {
        actie_id: Set(na.id),
        versie: Set(na.versie),
        tijdstip: Set(na.gewijzigd_op),
        door: Set(door.to_string()),
        status_van: Set(voor.map(|v| v.status.clone())),
        status_naar: Set(na.status.clone()),
        gezondheid_van: Set(voor.and_then(|v| v.gezondheid.clone())),
        gezondheid_naar: Set(na.gezondheid.clone()),
        gezondheid_reden_van: Set(voor.and_then(|v| v.gezondheid_reden.clone())),
        gezondheid_reden_naar: Set(na.gezondheid_reden.clone()),
        voortgang_van: Set(voor.and_then(|v| v.voortgang)),
        voortgang_naar: Set(na.voortgang),
        toelichting: Set(toelichting),
        velden: Set(velden.to_string()),
        opgave_id: Set(Some(na.opgave_id)),
        ..Default::default()
    }
    .insert(c)
    .await?;
    Ok(())
}
