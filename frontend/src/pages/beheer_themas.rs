//! The thema's section of the beheer page: every thema with name, portefeuillehouder and order, a change of
//! one (with its versie; on CONFLICT the panel with theirs next to mine) and a new thema.

use crate::components::fout::uitleg;
use crate::i18n::tsd;
use crate::model::beheer_stamdata::{StamThema, ThemaVelden, bewaar_thema, haal_stamdata};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_historie::Historie;
use crate::pages::beheer_veld::Veld;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A trimmed text, `None` when empty (which clears the field).
pub fn of_leeg(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The section "Thema's".
#[component]
pub fn Themas() -> impl IntoView {
    let t = tsd();
    let lijst = RwSignal::new(Vec::<StamThema>::new());
    let bewerkt = RwSignal::new(None::<StamThema>);
    let fout = RwSignal::new(None::<String>);
    let melding = RwSignal::new(None::<String>);
    let laad = move || {
        spawn_local(async move {
            match haal_stamdata().await {
                Ok(mut d) => {
                    d.themas.sort_by_key(|t| t.volgorde);
                    fout.set(None);
                    lijst.set(d.themas);
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    laad();
    let klaar = Callback::new(move |()| {
        bewerkt.set(None);
        melding.set(Some(tsd().opgeslagen.to_string()));
        laad();
    });
    let rijen = move || {
        lijst
            .get()
            .into_iter()
            .map(|th| {
                let keuze = th.clone();
                view! {
                    <tr class="utrecht-table__row" data-testid="thema-regel" data-naam=th.naam.clone()>
                        <td class="utrecht-table__cell">{th.volgorde}</td>
                        <td class="utrecht-table__cell">{th.naam.clone()}</td>
                        <td class="utrecht-table__cell">{th.portefeuillehouder.clone()}</td>
                        <td class="utrecht-table__cell">
                            <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                                data-testid="thema-wijzigen" on:click=move |_| {
                                    melding.set(None);
                                    bewerkt.set(Some(keuze.clone()));
                                }>{(tsd().wijzigen)(&th.naam)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="themas-kop" data-testid="themas-beheer">
            <h2 class="utrecht-heading-2" id="themas-kop">{t.themas_titel}</h2>
            <p class="utrecht-paragraph">{t.themas_intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
            {move || melding.get().map(|m| view! { <p class="utrecht-paragraph" role="status" data-testid="thema-opgeslagen">{m}</p> })}
            <div class="tabel-houder">
                <table class="utrecht-table tabel" data-testid="thema-tabel">
                    <caption class="utrecht-table__caption">{t.themas_titel}</caption>
                    <thead class="utrecht-table__header">
                        <tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{t.volgorde}</th>
                            <th class="utrecht-table__header-cell" scope="col">{t.naam}</th>
                            <th class="utrecht-table__header-cell" scope="col">{t.portefeuillehouder}</th>
                            <td class="utrecht-table__header-cell"></td>
                        </tr>
                    </thead>
                    <tbody class="utrecht-table__body">{rijen}</tbody>
                </table>
            </div>
            // Keyed by id and versie: a reloaded thema gets a fresh form.
            <For each=move || bewerkt.get().into_iter() key=|t| (t.id.clone(), t.versie) let:th>
                <ThemaFormulier bestaand=Some(th) bewerkt klaar />
            </For>
            <ThemaFormulier bestaand=None bewerkt klaar />
        </section>
    }
}

#[component]
fn ThemaFormulier(
    bestaand: Option<StamThema>,
    bewerkt: RwSignal<Option<StamThema>>,
    klaar: Callback<()>,
) -> impl IntoView {
    let t = tsd();
    let nieuw = bestaand.is_none();
    let naam = RwSignal::new(bestaand.as_ref().map(|b| b.naam.clone()).unwrap_or_default());
    let houder = RwSignal::new(
        bestaand
            .as_ref()
            .and_then(|b| b.portefeuillehouder.clone())
            .unwrap_or_default(),
    );
    let volgorde = RwSignal::new(
        bestaand
            .as_ref()
            .map(|b| b.volgorde.to_string())
            .unwrap_or_default(),
    );
    let opslag = Opslag::<(Option<(String, i32)>, ThemaVelden)>::new();
    let Opslag { velden, fout, .. } = opslag;
    let sleutel = bestaand.as_ref().map(|b| (b.id.clone(), b.versie));
    let historie = bestaand
        .as_ref()
        .map(|b| view! { <Historie id=b.id.clone() naam=b.naam.clone() /> });
    let kop = match &bestaand {
        Some(b) => (t.wijzigen_kop)(&b.naam),
        None => t.nieuw_thema.to_string(),
    };
    let stuur = move |sleutel: Option<(String, i32)>, v: ThemaVelden| {
        let gelukt = move || {
            if nieuw {
                for s in [naam, houder, volgorde] {
                    s.set(String::new());
                }
            }
            klaar.run(());
        };
        opslag.stuur((sleutel, v), |(s, v)| bewaar_thema(s, v), gelukt);
    };
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let v = ThemaVelden {
            naam: naam.get_untracked().trim().to_string(),
            portefeuillehouder: of_leeg(&houder.get_untracked()),
            volgorde: volgorde.get_untracked().trim().parse().ok(),
        };
        stuur(sleutel.clone(), v);
    };
    let paneel = opslag.paneel(
        |(sleutel, v)| {
            let (id, versie) = sleutel.clone()?;
            let mijn = vec![
                ("naam", v.naam.clone()),
                (
                    "portefeuillehouder",
                    v.portefeuillehouder.clone().unwrap_or_default(),
                ),
                ("volgorde", v.volgorde.map(|n| n.to_string()).unwrap_or_default()),
            ];
            Some((id, versie, mijn))
        },
        move |(sleutel, v), nu| stuur(sleutel.map(|(id, _)| (id, nu)), v),
        klaar,
        4,
    );
    let (id_naam, id_houder, id_volgorde, testid) = if nieuw {
        (
            "thema-nieuw-naam",
            "thema-nieuw-houder",
            "thema-nieuw-volgorde",
            "thema-nieuw",
        )
    } else {
        ("thema-naam", "thema-houder", "thema-volgorde", "thema-formulier")
    };
    let knop = if nieuw { t.thema_maken } else { t.opslaan };
    view! {
        <form class="formulier" on:submit=verstuur data-testid=testid>
            <h3 class="utrecht-heading-3">{kop}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="thema-fout">{f}</p> })}
            <Veld id=id_naam veld="naam" label=t.naam waarde=naam velden soort="text" />
            <Veld id=id_houder veld="portefeuillehouder" label=t.portefeuillehouder waarde=houder velden soort="text" vrij=true />
            <Veld id=id_volgorde veld="volgorde" label=t.volgorde waarde=volgorde velden soort="number" vrij=true />
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
