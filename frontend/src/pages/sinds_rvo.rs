//! The Sinds-vorige-RVO view (`/sinds-rvo?datum=JJJJ-MM-DD&weken=4`): per plan what changed since an RVO
//! meeting (status changes, new aandacht or risico, completed acties), and the acties in progress that went
//! too long without an update before the next meeting. When the meeting has a frozen snapshot the changes are
//! those against it (see [`super::sinds_rvo_stand`], `&met=ID` for a later snapshot instead of now); without
//! one they come from the history, and the page says which. The logic lives in [`crate::wijzigingen`].

use crate::api::ApiError;
use crate::components::{FoutMelding, GezondheidLabel, Laden, StatusLabel};
use crate::i18n::label;
use crate::i18n::{td, to};
use crate::model::actie_regel::ActieRegel;
use crate::model::organisatie::{
    ActieFilterInvoer, RvoVergadering, haal_alle_acties, haal_rvo_vergaderingen,
};
use crate::model::rvo_stand::{MET, StandKop, haal_standen, latere, stand_van};
use crate::pages::acties_tabel::{GezondheidMetReden, Kolomkoppen, TitelCel, namen, notitie};
use crate::pages::sinds_rvo_stand::{HistorieBasis, MetKeuze, StandVergelijking};
use crate::tijd::{datum_tekst, moment};
use crate::wijzigingen::{
    DATUM, SoortWijziging, WEKEN, Wijziging, is_datum, laatste_update, per_plan, volgende_vergadering,
    vorige_vergadering, weken_uit_query, wijzigingen, zonder_update,
};
use koers_shared::Status;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The route of this view.
pub const SINDS_RVO_PAD: &str = "/sinds-rvo";

/// The choices of the number of weeks without an update.
const WEKEN_KEUZES: [u32; 7] = [1, 2, 3, 4, 6, 8, 12];

/// Today's date in UTC (`JJJJ-MM-DD`), as the API's moments are in UTC.
fn vandaag() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_string()
}

/// Everything the view shows, for one chosen date.
#[derive(Debug, Clone)]
struct Gegevens {
    vergaderingen: Vec<RvoVergadering>,
    /// The chosen date; none when the URL gives none and no meeting lies in the past.
    datum: Option<String>,
    /// The next meeting on or after today.
    volgende: Option<String>,
    /// Every frozen snapshot.
    standen: Vec<StandKop>,
    /// The meeting of the chosen date whose snapshot the changes are against, if it has one.
    stand: Option<String>,
    /// Acties changed since the date (from the history; empty when there is a snapshot).
    gewijzigd: Vec<ActieRegel>,
    /// Acties in uitvoering or doorlopend.
    actief: Vec<ActieRegel>,
}

async fn haal(datum: Option<String>) -> Result<Gegevens, ApiError> {
    let vergaderingen = haal_rvo_vergaderingen().await?;
    let standen = haal_standen().await?;
    let datums: Vec<String> = vergaderingen.iter().map(|v| v.datum.clone()).collect();
    let vandaag = vandaag();
    let datum = datum
        .filter(|d| is_datum(d))
        .or_else(|| vorige_vergadering(&datums, &vandaag).map(str::to_string));
    let volgende = volgende_vergadering(&datums, &vandaag).map(str::to_string);
    let stand = datum.as_ref().and_then(|d| {
        vergaderingen
            .iter()
            .filter(|v| v.datum == *d)
            .find_map(|v| stand_van(&standen, &v.id).map(|_| v.id.clone()))
    });
    let gewijzigd = match &datum {
        Some(d) if stand.is_none() => {
            let filter = ActieFilterInvoer {
                gewijzigd_sinds: Some(format!("{d}T00:00:00Z")),
                ..ActieFilterInvoer::default()
            };
            haal_alle_acties(&filter).await?
        }
        _ => Vec::new(),
    };
    let filter = ActieFilterInvoer {
        status: Some(vec!["IN_UITVOERING".to_string(), "DOORLOPEND".to_string()]),
        ..ActieFilterInvoer::default()
    };
    let actief = haal_alle_acties(&filter).await?;
    Ok(Gegevens {
        vergaderingen,
        datum,
        volgende,
        standen,
        stand,
        gewijzigd,
        actief,
    })
}

/// The route `/sinds-rvo` (`data-testid="sinds-rvo-pagina"`).
#[component]
pub fn SindsRvoPagina() -> impl IntoView {
    let to = to();
    crate::components::zet_titel(to.sinds_rvo_menu);
    let query = use_query_map();
    let datum = Memo::new(move |_| query.read().get(DATUM).filter(|d| !d.is_empty()));
    let weken = Memo::new(move |_| weken_uit_query(query.read().get(WEKEN).as_deref()));
    let data = LocalResource::new(move || {
        crate::verbinding::volg();
        haal(datum.get())
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <div class="sinds-rvo-pagina" data-testid="sinds-rvo-pagina">
            <h1 class="utrecht-heading-1">{to.sinds_rvo_titel}</h1>
            <p>{to.sinds_rvo_intro}</p>
            <Suspense fallback=|| view! { <Laden /> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(gegevens) => view! { <Geladen gegevens weken /> }.into_any(),
                        Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The choices, the changes per plan and the acties without an update.
#[component]
fn Geladen(gegevens: Gegevens, weken: Memo<u32>) -> impl IntoView {
    let to = to();
    let navigate = use_navigate();
    let query = use_query_map();
    let met = move || query.read_untracked().get(MET).unwrap_or_default();
    let gekozen = gegevens.datum.clone().unwrap_or_default();
    let ga = move |datum: &str, weken: u32, met: &str| {
        let mut q = format!("{SINDS_RVO_PAD}?{WEKEN}={weken}");
        if !datum.is_empty() {
            q = format!("{SINDS_RVO_PAD}?{DATUM}={datum}&{WEKEN}={weken}");
        }
        if !met.is_empty() {
            q = format!("{q}&{MET}={met}");
        }
        navigate(
            &q,
            NavigateOptions {
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let ga_weken = ga.clone();
    let gekozen_weken = gekozen.clone();
    let met_keuze = gegevens.stand.as_ref().map(|_| {
        let ga_met = ga.clone();
        let gekozen_met = gekozen.clone();
        let kies = move |m: String| ga_met(&gekozen_met, weken.get_untracked(), &m);
        view! { <MetKeuze latere=latere(&gegevens.standen, &gekozen) gekozen=met() kies /> }
    });
    let mut datums: Vec<(String, String)> = gegevens
        .vergaderingen
        .iter()
        .map(|v| (v.datum.clone(), v.omschrijving.clone()))
        .collect();
    if !gekozen.is_empty() && !datums.iter().any(|(d, _)| *d == gekozen) {
        datums.push((gekozen.clone(), String::new()));
    }
    crate::sorteer::sorteer_op(&mut datums, |a, b| b.0.cmp(&a.0));
    let opties = datums
        .into_iter()
        .map(|(d, omschrijving)| {
            let tekst = if omschrijving.is_empty() {
                datum_tekst(&d)
            } else {
                format!("{} — {omschrijving}", datum_tekst(&d))
            };
            let geselecteerd = d == gekozen;
            view! { <option value=d.clone() selected=geselecteerd>{tekst}</option> }
        })
        .collect_view();
    let weken_opties = move || {
        let huidig = weken.get();
        let mut keuzes = WEKEN_KEUZES.to_vec();
        if !keuzes.contains(&huidig) {
            keuzes.push(huidig);
            crate::sorteer::sorteer_op_sleutel(&mut keuzes, |k| *k);
        }
        keuzes
            .into_iter()
            .map(|w| view! { <option value=w.to_string() selected=w == huidig>{w}</option> })
            .collect_view()
    };
    let keuze = if gegevens.vergaderingen.is_empty() && gekozen.is_empty() {
        view! { <p class="leeg">{to.geen_vergaderingen}</p> }.into_any()
    } else {
        view! {
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="filter-velden">
                    <div class="utrecht-form-field utrecht-form-field--text veld veld-breed">
                        <label class="utrecht-form-label" for="rvo-datum">{to.rvo_datum}</label>
                        <select class="utrecht-select utrecht-select--html-select"
                            id="rvo-datum"
                            data-testid="rvo-datum"
                            on:change=move |ev| ga(&event_target_value(&ev), weken.get_untracked(), "")
                        >
                            {opties}
                        </select>
                    </div>
                    <div class="utrecht-form-field utrecht-form-field--text veld">
                        <label class="utrecht-form-label" for="rvo-weken">{to.weken}</label>
                        <select class="utrecht-select utrecht-select--html-select"
                            id="rvo-weken"
                            data-testid="rvo-weken"
                            on:change=move |ev| {
                                let w = weken_uit_query(Some(&event_target_value(&ev)));
                                ga_weken(&gekozen_weken, w, &met())
                            }
                        >
                            {weken_opties}
                        </select>
                    </div>
                    {met_keuze}
                </div>
            </form>
        }
        .into_any()
    };
    let stand = gegevens.stand.clone();
    let wijzigingen_sectie = gegevens.datum.clone().map(|d| {
        if let Some(van) = stand {
            return view! { <StandVergelijking van /> }.into_any();
        }
        let plannen = per_plan(wijzigingen(&gegevens.gewijzigd, &d));
        let inhoud = if plannen.is_empty() {
            view! { <p class="leeg" data-testid="geen-wijzigingen">{to.geen_wijzigingen}</p> }.into_any()
        } else {
            plannen
                .into_iter()
                .map(|(id, titel, wijzigingen)| view! { <PlanWijzigingen id titel wijzigingen /> })
                .collect_view()
                .into_any()
        };
        view! {
            <section class="opgave-sectie" data-testid="wijzigingen-sectie" data-basis="historie" aria-labelledby="wijzigingen-kop">
                <h2 class="utrecht-heading-2" id="wijzigingen-kop">{(to.wijzigingen_kop)(&datum_tekst(&d))}</h2>
                <HistorieBasis />
                {inhoud}
            </section>
        }
        .into_any()
    });
    let peildatum = gegevens.volgende.clone().unwrap_or_else(vandaag);
    let peildatum_tekst = (to.peildatum)(gegevens.volgende.as_deref().map(datum_tekst).as_deref());
    let actief = gegevens.actief.clone();
    let zonder = move || {
        let w = weken.get();
        let lijst = zonder_update(&actief, &peildatum, w);
        let kop = (to.zonder_update_kop)(w, &peildatum_tekst);
        let inhoud = if lijst.is_empty() {
            view! { <p class="leeg" data-testid="geen-zonder-update">{to.geen_zonder_update}</p> }.into_any()
        } else {
            view! { <ZonderUpdateTabel acties=lijst /> }.into_any()
        };
        view! {
            <h2 class="utrecht-heading-2" id="zonder-update-kop">{kop}</h2>
            <p>{to.zonder_update_uitleg}</p>
            {inhoud}
        }
    };
    view! {
        <div data-testid="sinds-rvo-geladen" data-datum=gekozen.clone()>
            {keuze}
            {wijzigingen_sectie}
            <section class="opgave-sectie" data-testid="zonder-update-sectie" aria-labelledby="zonder-update-kop">
                {zonder}
            </section>
        </div>
    }
}

/// The changes of one plan, as a table.
#[component]
fn PlanWijzigingen(id: String, titel: String, wijzigingen: Vec<Wijziging>) -> impl IntoView {
    let to = to();
    let td = td();
    let kop = if id.is_empty() {
        td.actieplan.to_string()
    } else {
        titel.clone()
    };
    view! {
        <div class="plan-wijzigingen" data-testid="wijzigingen-plan" data-id=id.clone()>
            <h3 class="utrecht-heading-3">{kop}</h3>
            <div class="tabel-houder">
                <table class="utrecht-table acties">
                    <caption class="visueel-verborgen">{titel}</caption>
                    <Kolomkoppen koppen=vec![td.kolom_actie, to.kolom_wijziging, td.status, td.kolom_gezondheid, to.kolom_wanneer] />
                    <tbody class="utrecht-table__body">{wijzigingen.into_iter().map(|w| view! { <WijzigingRij w /> }).collect_view()}</tbody>
                </table>
            </div>
        </div>
    }
}

fn status_tekst(status: Option<Status>) -> &'static str {
    status.map_or(td().leeg, Status::label)
}

/// One change (`data-testid="wijziging"`, the actie's id in `data-id`, the kind in `data-soort`).
#[component]
fn WijzigingRij(w: Wijziging) -> impl IntoView {
    let to = to();
    let td = td();
    let Wijziging { actie, soort, regel } = w;
    let van_naar = match soort {
        SoortWijziging::Afgerond | SoortWijziging::Status => {
            (td.van_naar)(status_tekst(regel.status_van), label(regel.status_naar))
        }
        SoortWijziging::Gezondheid => (td.van_naar)(
            regel.gezondheid_van.map_or(td.leeg, |g| label(g)),
            regel.gezondheid_naar.map_or(td.leeg, |g| label(g)),
        ),
    };
    let reden = (soort == SoortWijziging::Gezondheid)
        .then(|| actie.gezondheid_reden.clone())
        .flatten();
    let toelichting = notitie(td.toelichting, regel.toelichting.clone());
    let wanneer = moment(&regel.tijdstip);
    view! {
        <tr class="utrecht-table__row" data-testid="wijziging" data-id=actie.id.clone() data-soort=soort.as_str()>
            <TitelCel id=actie.id.clone() titel=actie.titel.clone() vertrouwelijk=actie.vertrouwelijk />
            <td class="utrecht-table__cell">
                <strong>{(to.soort_wijziging)(soort.as_str())}</strong>
                <br />
                {van_naar}
                {toelichting}
            </td>
            <td class="utrecht-table__cell">
                <StatusLabel status=actie.status />
            </td>
            <GezondheidMetReden status=actie.status gezondheid=actie.gezondheid reden />
            <td class="utrecht-table__cell">
                <time datetime=wanneer.iso>{wanneer.tekst}</time>
                <br />
                {to.door}" "{regel.door.clone()}
            </td>
        </tr>
    }
}

/// The acties without a recent update, oldest update first.
#[component]
fn ZonderUpdateTabel(acties: Vec<ActieRegel>) -> impl IntoView {
    let to = to();
    let td = td();
    view! {
        <div class="tabel-houder">
            <table class="utrecht-table acties" data-testid="zonder-update-tabel">
                <Kolomkoppen koppen=vec![td.kolom_actie, td.actieplan, td.status, td.trekkers, to.laatste_update] />
                <tbody class="utrecht-table__body">
                    {acties
                        .into_iter()
                        .map(|actie| {
                            let (_, plan) = actie.plan();
                            let laatste = moment(laatste_update(&actie));
                            view! {
                                <tr class="utrecht-table__row" data-testid="zonder-update" data-id=actie.id.clone()>
                                    <TitelCel id=actie.id.clone() titel=actie.titel.clone() vertrouwelijk=actie.vertrouwelijk />
                                    <td class="utrecht-table__cell">{plan}</td>
                                    <td class="utrecht-table__cell">
                                        <StatusLabel status=actie.status />
                                        <br />
                                        <GezondheidLabel gezondheid=actie.gezondheid />
                                    </td>
                                    <td class="utrecht-table__cell">{namen(&actie.trekkers)}</td>
                                    <td class="utrecht-table__cell">
                                        <time datetime=laatste.iso>{laatste.tekst}</time>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
