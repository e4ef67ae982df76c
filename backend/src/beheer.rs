//! The `koers user`, `koers token` and `koers import` commands: access and plans managed on the server itself, as
//! the system.

use crate::cli::{TokenCommand, UserCommand};
use crate::db::Db;
use crate::service::Services;
use crate::service::lezen;
use crate::service::toegang::NieuweGebruiker;
use crate::service::tokens::NieuwToken;
use crate::service::zicht::Zicht;
use crate::toegang::{Kijker, Rol};
use anyhow::{Context, bail};
use std::io::BufRead;

const SYSTEEM: &str = "koers (opdrachtregel)";

async fn services(database_url: &str) -> anyhow::Result<Services> {
    let db = Db::connect(database_url).await?;
    db.migrate().await?;
    Ok(Services::new(db))
}

/// Thema ids of thema keys, refusing unknown keys.
async fn thema_ids(s: &Services, sleutels: &[String]) -> anyhow::Result<Vec<i32>> {
    let alle = lezen::themas(&s.db.reader, &Zicht::van(&Kijker::systeem(SYSTEEM))?).await?;
    sleutels
        .iter()
        .map(|k| {
            alle.iter()
                .find(|t| &t.sleutel == k)
                .map(|t| t.id)
                .with_context(|| {
                    let bekend: Vec<&str> = alle.iter().map(|t| t.sleutel.as_str()).collect();
                    format!("onbekend thema `{k}`; bekend: {}", bekend.join(", "))
                })
        })
        .collect()
}

fn wachtwoord() -> anyhow::Result<String> {
    if let Ok(w) = std::env::var("KOERS_WACHTWOORD") {
        return Ok(w);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let w = line.trim_end_matches(['\r', '\n']).to_string();
    if w.is_empty() {
        bail!("geen wachtwoord: zet KOERS_WACHTWOORD of geef het op de eerste regel van standaardinvoer");
    }
    Ok(w)
}

/// Runs `koers user …`; returns what to print.
pub async fn user(database_url: &str, cmd: &UserCommand) -> anyhow::Result<String> {
    let s = services(database_url).await?;
    match cmd {
        UserCommand::Create {
            gebruikersnaam,
            naam,
            rol,
            themas,
        } => {
            let rol: Rol = rol.parse().map_err(anyhow::Error::msg)?;
            let n = NieuweGebruiker {
                gebruikersnaam: gebruikersnaam.clone(),
                naam: naam.clone(),
                wachtwoord: wachtwoord()?,
                rol,
                themas: thema_ids(&s, themas).await?,
            };
            let g = s.gebruiker_aanmaken(&Kijker::systeem(SYSTEEM), n).await?;
            Ok(format!("gebruiker {} aangemaakt ({})", g.gebruikersnaam, g.rol))
        }
    }
}

/// Runs `koers import FILE [--toepassen]`; returns what to print and whether the file had no problems.
pub async fn import(
    database_url: &str,
    file: &std::path::Path,
    toepassen: bool,
) -> anyhow::Result<(String, bool)> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("{} is niet te lezen", file.display()))?;
    let s = services(database_url).await?;
    let v = s
        .actieplan_importeren(&Kijker::systeem(SYSTEEM), &text, !toepassen)
        .await?;
    let mut out = String::new();
    for p in &v.problemen {
        match p.regel {
            Some(r) => out.push_str(&format!("regel {r}: {}\n", p.melding)),
            None => out.push_str(&format!("{}\n", p.melding)),
        }
    }
    for r in &v.te_maken {
        out.push_str(&format!(
            "{} {} (regel {}): {}\n",
            r.soort, r.sleutel, r.regel, r.titel
        ));
    }
    out.push_str(&match (&v.actieplan, v.problemen.len()) {
        (Some(p), _) => format!("plan {} aangemaakt met {} record(s)", p.sleutel, v.te_maken.len()),
        (None, 0) => format!(
            "droogoefening: {} record(s) zouden worden aangemaakt; voeg --toepassen toe",
            v.te_maken.len()
        ),
        (None, n) => format!("{n} probleem/problemen: er is niets aangemaakt"),
    });
    Ok((out, v.problemen.is_empty()))
}

/// Runs `koers token …`; returns what to print.
pub async fn token(database_url: &str, cmd: &TokenCommand) -> anyhow::Result<String> {
    let s = services(database_url).await?;
    let systeem = Kijker::systeem(SYSTEEM);
    match cmd {
        TokenCommand::Create {
            naam,
            schrijven,
            vertrouwelijk,
            themas,
            dagen,
        } => {
            let n = NieuwToken {
                naam: naam.clone(),
                schrijven: *schrijven,
                vertrouwelijk: *vertrouwelijk,
                themas: if themas.is_empty() {
                    None
                } else {
                    Some(thema_ids(&s, themas).await?)
                },
                geldig_dagen: *dagen,
            };
            let (geheim, (t, _)) = s.token_aanmaken(&systeem, n).await?;
            Ok(format!(
                "{geheim}\n\ntoken {} ({}) geldig tot {}; bewaar het nu: Koers toont het niet opnieuw",
                t.prefix, t.naam, t.verloopt_op
            ))
        }
        TokenCommand::Revoke { prefix } => {
            let (t, _) = s.token_intrekken(&systeem, None, Some(prefix)).await?;
            Ok(format!("token {} ({}) ingetrokken", t.prefix, t.naam))
        }
        TokenCommand::List => {
            let mut out = String::new();
            for (t, themas) in s.tokens(&systeem).await? {
                let stand = match t.ingetrokken_op {
                    Some(_) => "ingetrokken",
                    None if t.verloopt_op <= chrono::Utc::now() => "verlopen",
                    None => "actief",
                };
                let scope = if t.schrijven { "lezen+schrijven" } else { "lezen" };
                let th = if t.alle_themas {
                    "alle thema's".to_string()
                } else {
                    format!("thema-ids {themas:?}")
                };
                out.push_str(&format!(
                    "{}\t{}\t{stand}\t{scope}{}\t{th}\ttot {}\n",
                    t.prefix,
                    t.naam,
                    if t.vertrouwelijk { "+vertrouwelijk" } else { "" },
                    t.verloopt_op.format("%Y-%m-%d")
                ));
            }
            Ok(out)
        }
    }
}
