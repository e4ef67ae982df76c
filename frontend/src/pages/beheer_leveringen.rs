//! The delivery log of one webhook on the beheer page: the newest deliveries with their state, tries and last
//! answer, each with "send again".

use super::beheer_webhooks::veld_uitleg;
use crate::components::{FoutMelding, Laden};
use crate::i18n::{tt, tw};
use crate::model::webhooks::{Levering, haal_log, opnieuw};
use crate::tijd::moment;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The newest deliveries of one webhook, each with "send again".
#[component]
pub fn LeveringLog(id: String, naam: String) -> impl IntoView {
    let tw = tw();
    let tt = tt();
    let log_id = id.clone();
    let data = LocalResource::new(move || {
        let id = log_id.clone();
        async move { haal_log(&id).await }
    });
    let fout = RwSignal::new(None::<String>);
    let verversen = Callback::new(move |()| data.refetch());
    let stuur = Callback::new(move |levering: String| {
        spawn_local(async move {
            match opnieuw(&levering).await {
                Ok(_) => {
                    fout.set(None);
                    data.refetch();
                }
                Err(e) => fout.set(Some(veld_uitleg(&e))),
            }
        });
    });
    let kop = naam.clone();
    let regel = move |l: Levering| {
        let m = moment(&l.aangemaakt_op);
        let antwoord = match (l.laatste_status, &l.laatste_fout, &l.laatste_antwoord) {
            (_, Some(f), _) => f.clone(),
            (Some(s), None, a) => format!("HTTP {s} {}", a.clone().unwrap_or_default()),
            (None, None, _) => String::new(),
        };
        let volgende = (l.toestand == "WACHTEND").then(|| moment(&l.volgende_poging_op).tekst);
        let lid = l.id.clone();
        view! {
            <tr class="utrecht-table__row" data-testid="levering-rij" data-toestand=l.toestand.clone()>
                <td class="utrecht-table__cell"><time datetime=m.iso>{m.tekst}</time></td>
                <td class="utrecht-table__cell">{(tw.gebeurtenis_naam)(&l.gebeurtenis)}</td>
                <td class="utrecht-table__cell" data-testid="levering-toestand">{(tw.toestand_naam)(&l.toestand)}</td>
                <td class="utrecht-table__cell">{l.pogingen}</td>
                <td class="utrecht-table__cell"><code class="details">{antwoord}</code></td>
                <td class="utrecht-table__cell">{volgende.unwrap_or_default()}</td>
                <td class="utrecht-table__cell">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        data-testid="levering-opnieuw" on:click=move |_| stuur.run(lid.clone())>{tw.opnieuw}</button>
                </td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="levering-kop" data-testid="levering-log">
            <h3 class="utrecht-heading-3" id="levering-kop">{(tw.log_titel)(&kop)}</h3>
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                data-testid="levering-verversen" on:click=move |_| data.refetch()>{tw.verversen}</button>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
            <Suspense fallback=|| view! { <Laden /> }>
                {move || { let naam = naam.clone(); Suspend::new(async move {
                    match data.await {
                        Ok(log) if log.leveringen.is_empty() => view! {
                            <p class="utrecht-paragraph leeg" data-testid="geen-leveringen">{tw.geen_leveringen}</p>
                        }.into_any(),
                        Ok(log) => view! {
                            <p class="utrecht-paragraph meta" role="status">{(tw.aantal)(log.leveringen.len(), log.totaal)}</p>
                            <div class="tabel-houder">
                                <table class="utrecht-table tabel" data-testid="levering-tabel">
                                    <caption class="utrecht-table__caption">{(tw.log_titel)(&naam)}</caption>
                                    <thead class="utrecht-table__header">
                                        <tr class="utrecht-table__row">
                                            <th class="utrecht-table__header-cell" scope="col">{tt.tijdstip}</th>
                                            <th class="utrecht-table__header-cell" scope="col">{tw.gebeurtenis}</th>
                                            <th class="utrecht-table__header-cell" scope="col">{tw.toestand}</th>
                                            <th class="utrecht-table__header-cell" scope="col">{tw.pogingen}</th>
                                            <th class="utrecht-table__header-cell" scope="col">{tw.antwoord}</th>
                                            <th class="utrecht-table__header-cell" scope="col">{tw.volgende_poging}</th>
                                            <td class="utrecht-table__header-cell"></td>
                                        </tr>
                                    </thead>
                                    <tbody class="utrecht-table__body">{log.leveringen.into_iter().map(regel).collect_view()}</tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(fout) => view! { <FoutMelding fout opnieuw=verversen /> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
    }
}
