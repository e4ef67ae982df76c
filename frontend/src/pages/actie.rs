//! The Actie view (`/actie/:id`): every detail of one actie and its history as a timeline, newest first.

use crate::components::{FoutMelding, Laden, StatusLabel, zet_titel};
use crate::i18n::label;
use crate::i18n::{t, tb, td};
use crate::model::actie::haal_actie;
use crate::model::actie_regel::{ActieRegel, Voortgangsupdate};
use crate::pages::actieplan::NietGevondenMelding;
use crate::pages::acties_tabel::{GezondheidCel, VoortgangTekst, namen, vertrouwelijk_marker};
use crate::pages::melden::VoortgangFormulier;
use crate::sessie::Sessie;
use crate::tijd::{datum_tekst, moment};
use koers_shared::{Gezondheid, Voortgang, procent_tekst};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The route `/actie/:id`: loads the actie and shows it, or the loading, not-found or error state.
#[component]
pub fn ActiePagina() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let data = LocalResource::new(move || {
        crate::verbinding::volg();
        let id = id.get();
        async move { haal_actie(&id).await }
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(actie)) => view! { <Details actie geladen=opnieuw /> }.into_any(),
                    Ok(None) => view! { <NietGevondenMelding tekst=td().actie_niet_gevonden /> }.into_any(),
                    // The only input is the id from the address: a malformed one is an unknown page.
                    Err(fout) if fout.code() == Some("BAD_USER_INPUT") => {
                        view! { <NietGevondenMelding tekst=td().actie_niet_gevonden /> }.into_any()
                    }
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded actie (`data-testid="actie-pagina"`).
#[component]
fn Details(actie: ActieRegel, geladen: Callback<()>) -> impl IntoView {
    let t = t();
    zet_titel(&(tb().titel_actie)(&actie.titel));
    let td = td();
    let historie = actie.historie_nieuwste_eerst();
    // The last change comes from the source document: its date is the document's, not the seeding's.
    let laatst_uit_bron = historie.first().is_some_and(|u| u.uit_bron == Some(true));
    let thema = actie
        .opgave
        .as_ref()
        .and_then(|o| o.actieplan.as_ref())
        .and_then(|p| p.thema.as_ref())
        .map(|t| t.id.clone())
        .unwrap_or_default();
    let sessie = Sessie::van_context();
    let formulier_actie = actie.clone();
    let wijzig_href = format!("/actie/{}/wijzigen", actie.id);
    // Only who may change this actie sees the form; the server checks it again.
    let melden = move || {
        sessie
            .0
            .get()
            .filter(|ik| ik.mag_schrijven_in(&thema))
            .map(|_| {
                view! {
                    <p><a class="utrecht-link" href=wijzig_href.clone() data-testid="actie-wijzigen-link">{crate::i18n::tm().actie_wijzigen}</a></p>
                    <VoortgangFormulier actie=formulier_actie.clone() geladen />
                }
            })
    };
    let plan = actie.opgave.as_ref().and_then(|o| o.actieplan.clone());
    let kruimel_plan = plan.clone().map(|p| {
        view! { <li><a class="utrecht-link" href=format!("/actieplan/{}", p.id)>{p.titel}</a></li> }
    });
    let opgave = actie.opgave.clone().map(|o| {
        let href = o
            .actieplan
            .as_ref()
            .map(|p| format!("/actieplan/{}#opgave-{}", p.id, o.id));
        let afgeleid = actie
            .opgave_afgeleid
            .unwrap_or_default()
            .then(|| view! { " " <span class="meta">{td.opgave_afgeleid}</span> });
        view! {
            <dt>{td.opgave}</dt>
            <dd><a class="utrecht-link" href=href data-testid="actie-opgave">{o.titel}</a>{afgeleid}</dd>
        }
    });
    let plan_regel = plan.map(|p| {
        view! {
            <dt>{td.actieplan}</dt>
            <dd><a class="utrecht-link" href=format!("/actieplan/{}", p.id) data-testid="actie-actieplan">{p.titel}</a></dd>
        }
    });
    let datum = actie.datum.clone().map(|d| {
        view! {
            <dt>{td.datum}</dt>
            <dd><time datetime=d.clone()>{datum_tekst(&d)}</time></dd>
        }
    });
    let reden = actie
        .gezondheid_reden
        .clone()
        .filter(|r| !r.trim().is_empty())
        .map(|r| {
            view! { <p class="reden"><span class="meta-label">{td.reden}": "</span>{r}</p> }
        });
    let beschrijving = if actie.beschrijving().trim().is_empty() {
        view! { <p class="geen">{td.geen_beschrijving}</p> }.into_any()
    } else {
        view! { <p class="beschrijving">{actie.beschrijving.clone()}</p> }.into_any()
    };
    let gewijzigd = moment(actie.gewijzigd_op());
    let tijdlijn = if historie.is_empty() {
        view! { <p class="leeg">{td.historie_leeg}</p> }.into_any()
    } else {
        view! {
            <ol class="tijdlijn" data-testid="historie">
                {historie.into_iter().map(|update| view! { <HistorieItem update /> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <article class="actie-pagina" data-testid="actie-pagina" data-id=actie.id.clone()>
            <nav class="kruimelpad" aria-label=td.kruimelpad>
                <ol>
                    <li><a class="utrecht-link" href="/">{t.overzicht_titel}</a></li>
                    {kruimel_plan}
                </ol>
            </nav>
            <h1 class="utrecht-heading-1" data-testid="actie-titel">{actie.titel.clone()}</h1>
            {vertrouwelijk_marker(actie.vertrouwelijk)}
            <dl class="gegevens">
                {opgave}
                {plan_regel}
                <dt>{td.trekkers}</dt>
                <dd>{namen(&actie.trekkers)}</dd>
                <dt>{td.partners}</dt>
                <dd>{namen(&actie.partners)}</dd>
                <dt>{td.periode}</dt>
                <dd>{(td.jaar_kwartaal)(actie.jaar, actie.kwartaal)}</dd>
                {datum}
                <dt>{td.status}</dt>
                <dd><StatusLabel status=actie.status /></dd>
                <dt>{td.gezondheid}</dt>
                <dd><GezondheidCel status=actie.status gezondheid=actie.gezondheid />{reden}</dd>
                <dt>{td.voortgang}</dt>
                <dd><VoortgangTekst voortgang=actie.voortgang /></dd>
                <dt>{td.bron}</dt>
                <dd>{actie.bron.clone()}</dd>
                <dt>{td.versie}</dt>
                <dd data-testid="actie-versie">{actie.versie}</dd>
                <dt>{td.gewijzigd_op}</dt>
                <dd><time datetime=gewijzigd.iso>{gewijzigd.tekst}</time>{laatst_uit_bron.then(|| view! {
                    " "<span class="uit-bron" data-testid="gewijzigd-uit-bron">{format!("({})", td.uit_bron)}</span>
                })}</dd>
            </dl>
            <h2 class="utrecht-heading-2">{td.beschrijving}</h2>
            {beschrijving}
            {melden}
            <h2 class="utrecht-heading-2">{td.historie_kop}</h2>
            {tijdlijn}
        </article>
    }
}

fn gezondheid_tekst(g: Option<Gezondheid>) -> &'static str {
    g.map_or(td().leeg, Gezondheid::label)
}

fn voortgang_tekst(v: Option<Voortgang>) -> String {
    v.map_or_else(
        || td().leeg.to_string(),
        |v| procent_tekst(f64::from(v.procent())),
    )
}

/// One change (`data-testid="historie-item"`, its version in `data-versie`): who, when, from → to, note.
#[component]
fn HistorieItem(update: Voortgangsupdate) -> impl IntoView {
    let td = td();
    let wanneer = moment(&update.tijdstip);
    let mut wijzigingen: Vec<(&'static str, String)> = Vec::new();
    match update.status_van {
        None => wijzigingen.push((td.status, label(update.status_naar).to_string())),
        Some(van) if van != update.status_naar => {
            wijzigingen.push((td.status, (td.van_naar)(label(van), label(update.status_naar))));
        }
        Some(_) => {}
    }
    if update.gezondheid_van != update.gezondheid_naar {
        let (van, naar) = (
            gezondheid_tekst(update.gezondheid_van),
            gezondheid_tekst(update.gezondheid_naar),
        );
        wijzigingen.push((td.gezondheid, (td.van_naar)(van, naar)));
    }
    if update.gezondheid_reden_van != update.gezondheid_reden_naar {
        let tekst = |r: &Option<String>| {
            r.clone()
                .filter(|r| !r.trim().is_empty())
                .unwrap_or_else(|| td.leeg.to_string())
        };
        let (van, naar) = (
            tekst(&update.gezondheid_reden_van),
            tekst(&update.gezondheid_reden_naar),
        );
        wijzigingen.push((td.reden, (td.van_naar)(&van, &naar)));
    }
    if update.voortgang_van != update.voortgang_naar {
        let (van, naar) = (
            voortgang_tekst(update.voortgang_van),
            voortgang_tekst(update.voortgang_naar),
        );
        wijzigingen.push((td.voortgang, (td.van_naar)(&van, &naar)));
    }
    let soort = (td.historie_soort)(update.velden.as_deref().unwrap_or_default());
    let toelichting = update.toelichting.filter(|x| !x.trim().is_empty()).map(|x| {
        view! { <p class="toelichting"><span class="meta-label">{td.toelichting}": "</span>{x}</p> }
    });
    view! {
        <li class="historie-item" data-testid="historie-item" data-versie=update.versie>
            <h3 class="utrecht-heading-3">{(td.historie_item)(update.versie, &update.door)}</h3>
            <p class="meta">
                <time datetime=wanneer.iso>{wanneer.tekst}</time>
                <span class="scheiding" aria-hidden="true">" · "</span>
                <span data-testid="historie-soort">{soort}</span>
                {(update.uit_bron == Some(true)).then(|| view! {
                    <span class="scheiding" aria-hidden="true">" · "</span>
                    <span class="uit-bron" data-testid="historie-uit-bron">{td.uit_bron}</span>
                })}
            </p>
            <ul class="wijzigingen">
                {wijzigingen
                    .into_iter()
                    .map(|(wat, tekst)| view! { <li><span class="meta-label">{wat}": "</span>{tekst}</li> })
                    .collect_view()}
            </ul>
            {toelichting}
        </li>
    }
}
