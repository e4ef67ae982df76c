//! The webhooks on the beheer page: the list with a notice for each switched-off webhook, registering one (the
//! secret shown once), switching on and off, removing, and the delivery log with "send again".

use crate::api::ApiError;
use crate::components::fout::uitleg;
use crate::components::{FoutMelding, Laden};
use crate::i18n::{tt, tw};
use crate::model::beheer::ThemaKeuze;
use crate::model::webhooks::{
    GEBEURTENISSEN, NieuweWebhook, Webhook, haal_webhooks, maak_webhook, schakel, verwijder,
};
use crate::pages::beheer_leveringen::LeveringLog;
use crate::tijd::moment;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// An error in words, with the offending field's message when the server named one.
pub(crate) fn veld_uitleg(e: &ApiError) -> String {
    let velden = e.veld_fouten();
    if velden.is_empty() {
        uitleg(e)
    } else {
        velden
            .into_iter()
            .map(|f| crate::i18n::melding_tekst(&f.veld_fout().melding))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The webhooks section of `/beheer`.
#[component]
pub fn Webhooks() -> impl IntoView {
    let tw = tw();
    let data = LocalResource::new(haal_webhooks);
    let geheim = RwSignal::new(None::<String>);
    let fout = RwSignal::new(None::<String>);
    let gekozen = RwSignal::new(None::<(String, String)>);
    let opnieuw_laden = Callback::new(move |()| data.refetch());
    let handeling = Callback::new(move |(id, wat): (String, &'static str)| {
        spawn_local(async move {
            let r = match wat {
                "aan" => schakel(&id, true).await,
                "uit" => schakel(&id, false).await,
                _ => verwijder(&id).await,
            };
            match r {
                Ok(()) => {
                    fout.set(None);
                    if wat == "weg" && gekozen.get_untracked().is_some_and(|(g, _)| g == id) {
                        gekozen.set(None);
                    }
                    data.refetch();
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    });
    view! {
        <section aria-labelledby="webhooks-kop" data-testid="webhooks">
            <h2 class="utrecht-heading-2" id="webhooks-kop">{tw.titel}</h2>
            <p class="utrecht-paragraph">{tw.intro}</p>
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                data-testid="webhooks-verversen" on:click=move |_| data.refetch()>{tw.verversen}</button>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
            {move || geheim.get().map(|g| view! {
                <div class="geheim" role="status" data-testid="webhook-geheim-melding">
                    <p class="utrecht-paragraph">{tw.geheim_eenmalig}</p>
                    <code data-testid="webhook-geheim">{g}</code>
                </div>
            })}
            <Suspense fallback=|| view! { <Laden /> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(d) => view! {
                            <UitMeldingen webhooks=d.webhooks.clone() />
                            <WebhookTabel webhooks=d.webhooks gekozen handeling />
                            <NieuweWebhookFormulier themas=d.themas geheim verversen=opnieuw_laden />
                        }.into_any(),
                        Err(fout) => view! { <FoutMelding fout opnieuw=opnieuw_laden /> }.into_any(),
                    }
                })}
            </Suspense>
            {move || gekozen.get().map(|(id, naam)| view! { <LeveringLog id naam /> })}
        </section>
    }
}

/// A notice for every webhook that is switched off, with why and since when.
#[component]
fn UitMeldingen(webhooks: Vec<Webhook>) -> impl IntoView {
    let tw = tw();
    webhooks
        .into_iter()
        .filter(|w| !w.actief)
        .map(|w| {
            let sinds = w
                .uitgeschakeld_op
                .as_deref()
                .map(|m| moment(m).tekst)
                .unwrap_or_default();
            let reden = w.uitgeschakeld_reden.clone().unwrap_or_default();
            view! {
                <p class="utrecht-paragraph fout-melding" role="alert" data-testid="webhook-uit-melding">
                    {(tw.uit_melding)(&w.naam, &sinds, &reden)}
                </p>
            }
        })
        .collect_view()
}

#[component]
fn WebhookTabel(
    webhooks: Vec<Webhook>,
    gekozen: RwSignal<Option<(String, String)>>,
    handeling: Callback<(String, &'static str)>,
) -> impl IntoView {
    let tw = tw();
    let tt = tt();
    if webhooks.is_empty() {
        return view! { <p class="utrecht-paragraph leeg" data-testid="geen-webhooks">{tw.geen}</p> }
            .into_any();
    }
    let rijen = webhooks
        .into_iter()
        .map(|w| {
            let themas = if w.alle_themas {
                tt.alle_themas.to_string()
            } else {
                w.themas.iter().map(|n| n.naam.as_str()).collect::<Vec<_>>().join(", ")
            };
            let gebeurtenissen = w
                .gebeurtenissen
                .iter()
                .map(|g| (tw.gebeurtenis_naam)(g))
                .collect::<Vec<_>>()
                .join(", ");
            let bereik = if w.vertrouwelijk { tw.ook_vertrouwelijk } else { tw.openbaar };
            let (id, naam) = (w.id.clone(), w.naam.clone());
            let toon = move |_| gekozen.set(Some((id.clone(), naam.clone())));
            let id = w.id.clone();
            let schakel_knop = if w.actief {
                view! {
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        data-testid="webhook-uitschakelen" on:click=move |_| handeling.run((id.clone(), "uit"))>
                        {(tw.uitschakelen)(&w.naam)}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="utrecht-button utrecht-button--primary-action knop-klein"
                        data-testid="webhook-aanzetten" on:click=move |_| handeling.run((id.clone(), "aan"))>
                        {(tw.aanzetten)(&w.naam)}
                    </button>
                }
                .into_any()
            };
            let weg = w.id.clone();
            view! {
                <tr class="utrecht-table__row" data-testid="webhook-rij" data-naam=w.naam.clone()>
                    <td class="utrecht-table__cell">{w.naam.clone()}</td>
                    <td class="utrecht-table__cell"><code>{w.url.clone()}</code></td>
                    <td class="utrecht-table__cell">{gebeurtenissen}</td>
                    <td class="utrecht-table__cell">{themas}</td>
                    <td class="utrecht-table__cell">{bereik}</td>
                    <td class="utrecht-table__cell" data-testid="webhook-stand">{if w.actief { tw.aan } else { tw.uit }}</td>
                    <td class="utrecht-table__cell knoppen">
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            data-testid="webhook-log" on:click=toon>{(tw.log_tonen)(&w.naam)}</button>
                        {schakel_knop}
                        <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                            data-testid="webhook-verwijderen" on:click=move |_| handeling.run((weg.clone(), "weg"))>
                            {(tw.verwijderen)(&w.naam)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-houder">
            <table class="utrecht-table tabel" data-testid="webhook-tabel">
                <caption class="utrecht-table__caption">{tw.titel}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{tt.naam}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tw.adres}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tw.gebeurtenissen}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.themas}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tw.bereik}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.stand}</th>
                        <td class="utrecht-table__header-cell"></td>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">{rijen}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Checkboxes over `opties` (id, label) that keep the checked ids in `gekozen`.
fn vinkjes(
    prefix: &'static str,
    opties: Vec<(String, String)>,
    gekozen: RwSignal<Vec<String>>,
) -> impl IntoView {
    opties
        .into_iter()
        .map(|(id, label)| {
            let (id1, id2) = (id.clone(), id.clone());
            let vak = format!("{prefix}-{id}");
            view! {
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id=vak.clone()
                        data-testid=vak.clone()
                        prop:checked=move || gekozen.get().contains(&id1)
                        on:change=move |ev| {
                            let aan = event_target_checked(&ev);
                            gekozen.update(|g| { g.retain(|x| x != &id2); if aan { g.push(id2.clone()); } });
                        } />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for=vak>{label}</label>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn NieuweWebhookFormulier(
    themas: Vec<ThemaKeuze>,
    geheim: RwSignal<Option<String>>,
    verversen: Callback<()>,
) -> impl IntoView {
    let tw = tw();
    let tt = tt();
    let naam = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let eigen_geheim = RwSignal::new(String::new());
    let vertrouwelijk = RwSignal::new(false);
    let gebeurtenissen = RwSignal::new(Vec::<String>::new());
    let gekozen_themas = RwSignal::new(Vec::<String>::new());
    let fout = RwSignal::new(None::<String>);
    let formulier = NodeRef::<leptos::html::Form>::new();
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let keuze = gebeurtenissen.get_untracked();
        if keuze.is_empty() {
            fout.set(Some(tw.kies_gebeurtenis.to_string()));
            return;
        }
        let th = gekozen_themas.get_untracked();
        let g = eigen_geheim.get_untracked().trim().to_string();
        let invoer = NieuweWebhook {
            naam: naam.get_untracked().trim().to_string(),
            url: url.get_untracked().trim().to_string(),
            geheim: (!g.is_empty()).then_some(g),
            // The API's order, whatever order they were checked in.
            gebeurtenissen: GEBEURTENISSEN
                .iter()
                .filter(|g| keuze.iter().any(|k| k == *g))
                .map(|g| g.to_string())
                .collect(),
            themas: (!th.is_empty()).then_some(th),
            vertrouwelijk: vertrouwelijk.get_untracked(),
        };
        spawn_local(async move {
            match maak_webhook(invoer).await {
                Ok(g) => {
                    fout.set(None);
                    if let Some(f) = formulier.get_untracked() {
                        f.reset();
                    }
                    naam.set(String::new());
                    url.set(String::new());
                    eigen_geheim.set(String::new());
                    vertrouwelijk.set(false);
                    gebeurtenissen.set(Vec::new());
                    gekozen_themas.set(Vec::new());
                    geheim.set(Some(g));
                    verversen.run(());
                }
                Err(e) => fout.set(Some(veld_uitleg(&e))),
            }
        });
    };
    let soorten = GEBEURTENISSEN
        .iter()
        .map(|g| (g.to_string(), (tw.gebeurtenis_naam)(g).to_string()))
        .collect();
    let thema_opties = themas.into_iter().map(|t| (t.id, t.naam)).collect();
    view! {
        <form class="formulier" node_ref=formulier on:submit=verstuur data-testid="webhook-formulier">
            <h3 class="utrecht-heading-3">{tw.nieuw}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="webhook-fout">{f}</p> })}
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="webhook-naam">{tt.naam}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id="webhook-naam" type="text" required maxlength="200"
                    prop:value=move || naam.get() on:input=move |ev| naam.set(event_target_value(&ev)) data-testid="webhook-naam" />
            </div>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="webhook-url">{tw.url_label}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id="webhook-url" type="url" required maxlength="2000"
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev)) data-testid="webhook-url" />
            </div>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="webhook-eigen-geheim">{tw.geheim_label}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id="webhook-eigen-geheim" type="text" autocomplete="off"
                    prop:value=move || eigen_geheim.get() on:input=move |ev| eigen_geheim.set(event_target_value(&ev)) />
            </div>
            <fieldset class="utrecht-form-fieldset">
                <legend class="utrecht-form-fieldset__legend">{tw.gebeurtenissen_keuze}</legend>
                {vinkjes("gebeurtenis", soorten, gebeurtenissen)}
            </fieldset>
            <fieldset class="utrecht-form-fieldset">
                <legend class="utrecht-form-fieldset__legend">{tt.themas_keuze}</legend>
                {vinkjes("webhook-thema", thema_opties, gekozen_themas)}
            </fieldset>
            <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id="webhook-vertrouwelijk"
                    prop:checked=move || vertrouwelijk.get() on:change=move |ev| vertrouwelijk.set(event_target_checked(&ev)) />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="webhook-vertrouwelijk">{tw.vertrouwelijk_label}</label>
            </div>
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="webhook-registreren">{tw.registreren}</button>
        </form>
    }
}
