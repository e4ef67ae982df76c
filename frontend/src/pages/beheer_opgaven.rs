//! The opgaven of one plan on the beheer page: the list in its order with up/down buttons (each move sends every
//! opgave with its versie), a change form (title, description, source), and retiring or restoring one — the
//! API refuses to retire an opgave that still has acties, and that message is shown as it comes.

use crate::api::ApiError;
use crate::i18n::{tpl, tpo};
use crate::model::beheer_opgaven::{OpgaveWijziging, orden_opgaven, verschoven, wijzig_opgave};
use crate::model::beheer_plannen::{BeheerOpgave, BeheerPlan};
use crate::pages::beheer_conflict::Opslag;
use crate::pages::beheer_historie::Historie;
use crate::pages::beheer_veld::{Veld, fout_tekst};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The server's field messages of `e`, or the error in words.
fn fout_woorden(e: &ApiError) -> String {
    let velden = e.veld_fouten();
    if velden.is_empty() {
        fout_tekst(e)
    } else {
        velden
            .into_iter()
            .map(|f| f.melding)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The opgaven table of plan `plan`, with the change form of the one chosen.
#[component]
pub fn Opgaven(
    plan: BeheerPlan,
    melding: RwSignal<Option<String>>,
    verversen: Callback<()>,
) -> impl IntoView {
    let tp = tpl();
    let to = tpo();
    let opgaven = plan.opgaven_op_volgorde();
    if opgaven.is_empty() {
        return view! { <p class="utrecht-paragraph leeg">{tp.geen_opgaven}</p> }.into_any();
    }
    let fout = RwSignal::new(None::<String>);
    let bewerkt = RwSignal::new(None::<BeheerOpgave>);
    let lijst = StoredValue::new(opgaven.clone());
    let plan_id = StoredValue::new(plan.id.clone());
    let klaar = move |tekst: &'static str| {
        fout.set(None);
        melding.set(Some(tekst.to_string()));
        verversen.run(());
    };
    let verschuif = move |plek: usize, omhoog: bool| {
        let Some(nieuw) = lijst.with_value(|l| verschoven(l, plek, omhoog)) else {
            return;
        };
        let id = plan_id.get_value();
        spawn_local(async move {
            match orden_opgaven(&id, nieuw).await {
                Ok(_) => klaar(tpo().geordend),
                Err(e) => {
                    melding.set(None);
                    fout.set(Some(fout_woorden(&e)));
                }
            }
        });
    };
    let vervallen = move |o: &BeheerOpgave, weg: bool| {
        let invoer = OpgaveWijziging {
            id: o.id.clone(),
            versie: o.versie,
            titel: None,
            beschrijving: None,
            bron: None,
            vervallen: Some(weg),
        };
        spawn_local(async move {
            match wijzig_opgave(invoer).await {
                Ok(_) => klaar(if weg {
                    tpo().is_vervallen
                } else {
                    tpo().teruggehaald
                }),
                Err(e) => {
                    melding.set(None);
                    fout.set(Some(fout_woorden(&e)));
                }
            }
        });
    };
    let laatste = opgaven.len() - 1;
    let rijen = opgaven
        .into_iter()
        .enumerate()
        .map(|(plek, o)| {
            let stand = if o.vervallen { to.vervallen } else { to.in_gebruik };
            let (o1, o2) = (o.clone(), o.clone());
            let weg = !o.vervallen;
            let knop_stand = if weg { (to.laten_vervallen)(&o.titel) } else { (to.terughalen)(&o.titel) };
            view! {
                <tr class="utrecht-table__row" data-testid="opgave-regel" data-titel=o.titel.clone() data-id=o.id.clone()
                    data-vervallen=o.vervallen.to_string()>
                    <td class="utrecht-table__cell">{plek + 1}</td>
                    <td class="utrecht-table__cell" data-testid="opgave-regel-titel">{o.titel.clone()}</td>
                    <td class="utrecht-table__cell" data-testid="opgave-stand">{stand}</td>
                    <td class="utrecht-table__cell knoppen">
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            data-testid="opgave-omhoog" aria-label=(to.omhoog_naam)(&o.titel) disabled=plek == 0
                            on:click=move |_| verschuif(plek, true)>{to.omhoog}</button>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            data-testid="opgave-omlaag" aria-label=(to.omlaag_naam)(&o.titel) disabled=plek == laatste
                            on:click=move |_| verschuif(plek, false)>{to.omlaag}</button>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            data-testid="opgave-wijzigen" on:click=move |_| bewerkt.set(Some(o1.clone()))>
                            {(to.wijzigen)(&o.titel)}</button>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            data-testid="opgave-vervallen" on:click=move |_| vervallen(&o2, weg)>{knop_stand}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {move || fout.get().map(|f| view! {
            <div role="alert" data-testid="opgave-fout">
                <p class="utrecht-form-field-error-message fout-melding">{f}</p>
                <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                    on:click=move |_| verversen.run(())>{tpl().herladen}</button>
            </div>
        })}
        <div class="tabel-houder">
            <table class="utrecht-table tabel" data-testid="opgaven">
                <caption class="utrecht-table__caption">{tp.opgaven}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{to.plek}</th>
                        <th class="utrecht-table__header-cell" scope="col">{to.titel}</th>
                        <th class="utrecht-table__header-cell" scope="col">{to.stand}</th>
                        <th class="utrecht-table__header-cell" scope="col">{to.handelingen}</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rijen}</tbody>
            </table>
        </div>
        {move || bewerkt.get().map(|o| view! { <OpgaveBewerken opgave=o bewerkt melding verversen /> })}
    }
    .into_any()
}

#[component]
fn OpgaveBewerken(
    opgave: BeheerOpgave,
    bewerkt: RwSignal<Option<BeheerOpgave>>,
    melding: RwSignal<Option<String>>,
    verversen: Callback<()>,
) -> impl IntoView {
    let to = tpo();
    let titel = RwSignal::new(opgave.titel.clone());
    let beschrijving = RwSignal::new(opgave.beschrijving.clone());
    let bron = RwSignal::new(opgave.bron.clone());
    let opslag = Opslag::<OpgaveWijziging>::new();
    let Opslag { velden, fout, .. } = opslag;
    let (id, versie) = (opgave.id.clone(), opgave.versie);
    let stuur = move |invoer: OpgaveWijziging| {
        melding.set(None);
        opslag.stuur(invoer, wijzig_opgave, move || {
            melding.set(Some(tpo().opgeslagen.to_string()));
            verversen.run(());
        });
    };
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        stuur(OpgaveWijziging {
            id: id.clone(),
            versie,
            titel: Some(titel.get_untracked().trim().to_string()),
            beschrijving: Some(beschrijving.get_untracked().trim().to_string()),
            bron: Some(bron.get_untracked().trim().to_string()),
            vervallen: None,
        });
    };
    let paneel = opslag.paneel(
        |w| {
            let mijn = vec![
                ("titel", w.titel.clone().unwrap_or_default()),
                ("beschrijving", w.beschrijving.clone().unwrap_or_default()),
                ("bron", w.bron.clone().unwrap_or_default()),
            ];
            Some((w.id.clone(), w.versie, mijn))
        },
        move |w, nu| stuur(OpgaveWijziging { versie: nu, ..w }),
        verversen,
        6,
    );
    view! {
        <form class="formulier" on:submit=verstuur data-testid="opgave-wijzigen-formulier">
            <h5 class="utrecht-heading-5">{(to.wijzigen_kop)(&opgave.titel)}</h5>
            {move || fout.get().map(|f| view! {
                <div role="alert" data-testid="opgave-wijzig-fout">
                    <p class="utrecht-form-field-error-message fout-melding">{f}</p>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        on:click=move |_| verversen.run(())>{tpl().herladen}</button>
                </div>
            })}
            <Veld id="opgave-wijzig-titel" veld="titel" label=to.titel_veld waarde=titel velden soort="text" />
            <Veld id="opgave-wijzig-beschrijving" veld="beschrijving" label=to.beschrijving waarde=beschrijving velden
                soort="text" vrij=true />
            <Veld id="opgave-wijzig-bron" veld="bron" label=to.bron waarde=bron velden soort="text" vrij=true />
            {paneel}
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="opgave-opslaan">{to.opslaan}</button>
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop"
                on:click=move |_| bewerkt.set(None)>{to.annuleren}</button>
            <Historie id=opgave.id.clone() naam=opgave.titel.clone() />
        </form>
    }
}
