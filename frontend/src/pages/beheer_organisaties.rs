//! The organisaties section of the beheer page: every organisatie (merged ones marked), a change of one (with
//! its versie), a new one, and the merge of two — first a confirmation saying how many acties' links move.

use crate::api::graphql_naam;
use crate::components::fout::uitleg;
use crate::i18n::{label, tsd};
use crate::model::beheer_stamdata::{
    OrganisatieVelden, OrganisatieVersie, StamOrganisatie, bewaar_organisatie, haal_stamdata, tel_acties,
    voeg_samen,
};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_historie::Historie;
use crate::pages::beheer_themas::of_leeg;
use crate::pages::beheer_veld::{Veld, fout_tekst};
use koers_shared::OrganisatieSoort;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn soort_van(s: &str) -> OrganisatieSoort {
    OrganisatieSoort::ALL
        .iter()
        .copied()
        .find(|x| graphql_naam(x) == s)
        .unwrap_or(OrganisatieSoort::Partner)
}

/// The section "Organisaties".
#[component]
pub fn Organisaties() -> impl IntoView {
    let t = tsd();
    let lijst = RwSignal::new(Vec::<StamOrganisatie>::new());
    let bewerkt = RwSignal::new(None::<StamOrganisatie>);
    let fout = RwSignal::new(None::<String>);
    let melding = RwSignal::new(None::<String>);
    let laad = move || {
        spawn_local(async move {
            match haal_stamdata().await {
                Ok(mut d) => {
                    d.organisaties.sort_by_key(|o| o.naam.to_lowercase());
                    fout.set(None);
                    lijst.set(d.organisaties);
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    laad();
    let klaar = Callback::new(move |m: String| {
        bewerkt.set(None);
        melding.set(Some(m));
        laad();
    });
    let rijen =
        move || {
            let alle = lijst.get();
            alle.iter()
            .map(|o| {
                let keuze = o.clone();
                let stand = match &o.samengevoegd_in {
                    Some(id) => {
                        let naar = alle.iter().find(|x| &x.id == id).map(|x| x.naam.as_str()).unwrap_or("?");
                        (tsd().samengevoegd_in)(naar)
                    }
                    None => tsd().in_gebruik.to_string(),
                };
                let knop = o.samengevoegd_in.is_none().then(|| view! {
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        data-testid="organisatie-wijzigen" on:click=move |_| {
                            melding.set(None);
                            bewerkt.set(Some(keuze.clone()));
                        }>{(tsd().wijzigen)(&keuze.naam)}</button>
                });
                view! {
                    <tr class="utrecht-table__row" data-testid="organisatie-regel" data-naam=o.naam.clone()>
                        <td class="utrecht-table__cell">{o.naam.clone()}</td>
                        <td class="utrecht-table__cell">{o.afkorting.clone()}</td>
                        <td class="utrecht-table__cell">{label(o.soort)}</td>
                        <td class="utrecht-table__cell" data-testid="organisatie-stand">{stand}</td>
                        <td class="utrecht-table__cell">{knop}</td>
                    </tr>
                }
            })
            .collect_view()
        };
    view! {
        <section aria-labelledby="organisaties-kop" data-testid="organisaties-beheer">
            <h2 class="utrecht-heading-2" id="organisaties-kop">{t.organisaties_titel}</h2>
            <p class="utrecht-paragraph">{t.organisaties_intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
            {move || melding.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="organisatie-opgeslagen">{m}</p> })}
            <div class="tabel-houder">
                <table class="utrecht-table tabel" data-testid="organisatie-tabel">
                    <caption class="utrecht-table__caption">{t.organisaties_titel}</caption>
                    <thead class="utrecht-table__header">
                        <tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{t.naam}</th>
                            <th class="utrecht-table__header-cell" scope="col">{t.afkorting}</th>
                            <th class="utrecht-table__header-cell" scope="col">{t.soort}</th>
                            <th class="utrecht-table__header-cell" scope="col">{t.stand}</th>
                            <td class="utrecht-table__header-cell"></td>
                        </tr>
                    </thead>
                    <tbody class="utrecht-table__body">{rijen}</tbody>
                </table>
            </div>
            <For each=move || bewerkt.get().into_iter() key=|o| (o.id.clone(), o.versie) let:o>
                <OrganisatieFormulier bestaand=Some(o) bewerkt klaar />
            </For>
            <OrganisatieFormulier bestaand=None bewerkt klaar />
            <Samenvoegen lijst klaar />
        </section>
    }
}

#[component]
fn OrganisatieFormulier(
    bestaand: Option<StamOrganisatie>,
    bewerkt: RwSignal<Option<StamOrganisatie>>,
    klaar: Callback<String>,
) -> impl IntoView {
    let t = tsd();
    let nieuw = bestaand.is_none();
    let naam = RwSignal::new(bestaand.as_ref().map(|b| b.naam.clone()).unwrap_or_default());
    let afkorting = RwSignal::new(
        bestaand
            .as_ref()
            .and_then(|b| b.afkorting.clone())
            .unwrap_or_default(),
    );
    let huidig = bestaand
        .as_ref()
        .map(|b| b.soort)
        .unwrap_or(OrganisatieSoort::Gemeente);
    let soort = RwSignal::new(graphql_naam(&huidig));
    let opslag = Opslag::<(Option<(String, i32)>, OrganisatieVelden)>::new();
    let Opslag { velden, fout, .. } = opslag;
    let sleutel = bestaand.as_ref().map(|b| (b.id.clone(), b.versie));
    let historie = bestaand
        .as_ref()
        .map(|b| view! { <Historie id=b.id.clone() naam=b.naam.clone() /> });
    let kop = match &bestaand {
        Some(b) => (t.wijzigen_kop)(&b.naam),
        None => t.nieuwe_organisatie.to_string(),
    };
    let stuur = move |sleutel: Option<(String, i32)>, v: OrganisatieVelden| {
        let gelukt = move || {
            if nieuw {
                naam.set(String::new());
                afkorting.set(String::new());
            }
            klaar.run(tsd().opgeslagen.to_string());
        };
        opslag.stuur((sleutel, v), |(s, v)| bewaar_organisatie(s, v), gelukt);
    };
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let v = OrganisatieVelden {
            naam: naam.get_untracked().trim().to_string(),
            afkorting: of_leeg(&afkorting.get_untracked()),
            soort: soort_van(&soort.get_untracked()),
        };
        stuur(sleutel.clone(), v);
    };
    let paneel = opslag.paneel(
        |(sleutel, v)| {
            let (id, versie) = sleutel.clone()?;
            let mijn = vec![
                ("naam", v.naam.clone()),
                ("afkorting", v.afkorting.clone().unwrap_or_default()),
                ("soort", graphql_naam(&v.soort)),
            ];
            Some((id, versie, mijn))
        },
        move |(sleutel, v), nu| stuur(sleutel.map(|(id, _)| (id, nu)), v),
        Callback::new(move |()| klaar.run(String::new())),
        4,
    );
    let (id_naam, id_afkorting, id_soort, testid) = if nieuw {
        (
            "organisatie-nieuw-naam",
            "organisatie-nieuw-afkorting",
            "organisatie-nieuw-soort",
            "organisatie-nieuw",
        )
    } else {
        (
            "organisatie-naam",
            "organisatie-afkorting",
            "organisatie-soort",
            "organisatie-formulier",
        )
    };
    let soorten = OrganisatieSoort::ALL
        .iter()
        .map(|s| view! { <option value=graphql_naam(s) selected=*s == huidig>{label(*s)}</option> })
        .collect_view();
    let knop = if nieuw { t.organisatie_maken } else { t.opslaan };
    view! {
        <form class="formulier" on:submit=verstuur data-testid=testid>
            <h3 class="utrecht-heading-3">{kop}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="organisatie-fout">{f}</p> })}
            <Veld id=id_naam veld="naam" label=t.naam waarde=naam velden soort="text" />
            <Veld id=id_afkorting veld="afkorting" label=t.afkorting waarde=afkorting velden soort="text" vrij=true />
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for=id_soort>{t.soort}</label>
                <select class="utrecht-select utrecht-select--html-select" id=id_soort data-testid=id_soort
                    on:change=move |ev| soort.set(event_target_value(&ev))>{soorten}</select>
            </div>
            {paneel}
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid=format!("{testid}-opslaan")>{knop}</button>
            {(!nieuw).then(|| view! {
                <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                    on:click=move |_| bewerkt.set(None)>{t.annuleren}</button>
            })}
            {historie}
        </form>
    }
}

/// The merge: two choices, then a confirmation with the number of acties whose links move.
#[component]
fn Samenvoegen(lijst: RwSignal<Vec<StamOrganisatie>>, klaar: Callback<String>) -> impl IntoView {
    let t = tsd();
    let van = RwSignal::new(String::new());
    let naar = RwSignal::new(String::new());
    // The confirmation: both organisaties as read, and the number of acties of `van`.
    let bevestiging = RwSignal::new(None::<(StamOrganisatie, StamOrganisatie, u64)>);
    let fout = RwSignal::new(None::<String>);
    let zoek = move |id: &str| lijst.with_untracked(|l| l.iter().find(|o| o.id == id).cloned());
    let voorbereiden = move |ev: SubmitEvent| {
        ev.prevent_default();
        bevestiging.set(None);
        let (a, b) = (van.get_untracked(), naar.get_untracked());
        let (Some(a), Some(b)) = (zoek(&a), zoek(&b)) else {
            fout.set(Some(tsd().twee_kiezen.to_string()));
            return;
        };
        if a.id == b.id {
            fout.set(Some(tsd().twee_kiezen.to_string()));
            return;
        }
        spawn_local(async move {
            match tel_acties(&a.id).await {
                Ok(n) => {
                    fout.set(None);
                    bevestiging.set(Some((a, b, n)));
                }
                Err(e) => fout.set(Some(fout_tekst(&e))),
            }
        });
    };
    let uitvoeren = move |_| {
        let Some((a, b, _)) = bevestiging.get_untracked() else {
            return;
        };
        let va = OrganisatieVersie {
            id: a.id.clone(),
            versie: a.versie,
        };
        let vb = OrganisatieVersie {
            id: b.id.clone(),
            versie: b.versie,
        };
        spawn_local(async move {
            match voeg_samen(va, vb).await {
                Ok(()) => {
                    fout.set(None);
                    bevestiging.set(None);
                    van.set(String::new());
                    naar.set(String::new());
                    klaar.run((tsd().samengevoegd)(&a.naam, &b.naam));
                }
                Err(e) => fout.set(Some(fout_tekst(&e))),
            }
        });
    };
    let opties = move |gekozen: RwSignal<String>| {
        move || {
            lijst
                .get()
                .into_iter()
                .filter(|o| o.samengevoegd_in.is_none())
                .map(|o| {
                    let zelfde = o.id == gekozen.get_untracked();
                    view! { <option value=o.id.clone() selected=zelfde>{o.naam}</option> }
                })
                .collect_view()
        }
    };
    view! {
        <form class="formulier" on:submit=voorbereiden data-testid="samenvoegen">
            <h3 class="utrecht-heading-3">{t.samenvoegen_titel}</h3>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert" data-testid="samenvoegen-fout">{f}</p> })}
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="samenvoegen-van">{t.samenvoegen_van}</label>
                <select class="utrecht-select utrecht-select--html-select" id="samenvoegen-van" data-testid="samenvoegen-van"
                    on:change=move |ev| { van.set(event_target_value(&ev)); bevestiging.set(None); }>
                    <option value="">{t.kies}</option>
                    {opties(van)}
                </select>
            </div>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="samenvoegen-naar">{t.samenvoegen_naar}</label>
                <select class="utrecht-select utrecht-select--html-select" id="samenvoegen-naar" data-testid="samenvoegen-naar"
                    on:change=move |ev| { naar.set(event_target_value(&ev)); bevestiging.set(None); }>
                    <option value="">{t.kies}</option>
                    {opties(naar)}
                </select>
            </div>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action knop" data-testid="samenvoegen-voorbereiden">{t.samenvoegen}</button>
            {move || bevestiging.get().map(|(a, b, n)| view! {
                <div class="bevestiging" role="alert" data-testid="samenvoegen-bevestiging" data-aantal=n.to_string()>
                    <p class="utrecht-paragraph">{(tsd().bevestig)(n, &a.naam, &b.naam)}</p>
                    <button type="button" class="utrecht-button utrecht-button--primary-action knop"
                        data-testid="samenvoegen-bevestigen" on:click=uitvoeren>{tsd().ja_samenvoegen}</button>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                        on:click=move |_| bevestiging.set(None)>{tsd().annuleren}</button>
                </div>
            })}
        </form>
    }
}
