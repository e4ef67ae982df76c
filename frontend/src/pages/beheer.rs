//! The beheer page (`/beheer`, beheerders only), its sections each loaded on their own (`beheer_delen`): the
//! plans (`beheer_plannen`), thema's (`beheer_themas`), organisaties (`beheer_organisaties`), RVO dates
//! (`beheer_rvo`), users (`beheer_gebruikers`), API tokens — list, create (the secret shown once), revoke —,
//! the webhooks (`beheer_webhooks`) and the audit log with a filter on the kind of event.

use crate::api::ApiError;
use crate::components::fout::uitleg;
use crate::components::{FoutMelding, Laden, zet_titel};
use crate::i18n::tt;
use crate::model::beheer::{
    AuditRegel, HANDELINGEN, NieuwToken, ThemaKeuze, Token, haal_audit, haal_tokens, maak_token, trek_in,
};
use crate::pages::beheer_delen::BeheerDelen;
use crate::sessie::Sessie;
use crate::tijd::moment;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The route `/beheer`.
#[component]
pub fn BeheerPagina() -> impl IntoView {
    let tt = tt();
    zet_titel(tt.beheer);
    let sessie = Sessie::van_context();
    view! {
        <section class="pagina beheer" data-testid="beheer-pagina">
            <h1 class="utrecht-heading-1">{tt.beheer}</h1>
            {move || match sessie.0.get() {
                Some(ik) if ik.beheerder => view! { <BeheerDelen /> }.into_any(),
                Some(_) => view! {
                    <p class="utrecht-paragraph" data-testid="alleen-beheerder">{tt.alleen_beheerder}" "
                        <a class="utrecht-link" href="/aanmelden?terug=/beheer">{tt.aanmelden}</a></p>
                }.into_any(),
                None => view! { <Laden /> }.into_any(),
            }}
        </section>
    }
}

fn rechten(t: &Token) -> String {
    let tt = tt();
    let basis = if t.schrijven { tt.lezen_schrijven } else { tt.lezen };
    let extra = if t.vertrouwelijk {
        tt.plus_vertrouwelijk
    } else {
        ""
    };
    format!("{basis}{extra}")
}

fn stand(t: &Token) -> &'static str {
    let tt = tt();
    match (t.actief, &t.ingetrokken_op) {
        (true, _) => tt.actief,
        (false, Some(_)) => tt.ingetrokken,
        (false, None) => tt.verlopen,
    }
}

/// The section "API-tokens".
#[component]
pub fn Tokens() -> impl IntoView {
    let tt = tt();
    let data = LocalResource::new(haal_tokens);
    let geheim = RwSignal::new(None::<String>);
    let fout = RwSignal::new(None::<String>);
    let opnieuw = Callback::new(move |()| data.refetch());
    let intrekken = move |id: String| {
        spawn_local(async move {
            match trek_in(&id).await {
                Ok(()) => data.refetch(),
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    view! {
        <section aria-labelledby="tokens-kop" data-testid="tokens">
            <h2 class="utrecht-heading-2" id="tokens-kop">{tt.tokens_titel}</h2>
            <p class="utrecht-paragraph">{tt.tokens_intro}</p>
            {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
            {move || geheim.get().map(|g| view! {
                <div class="geheim" role="status" data-testid="nieuw-geheim">
                    <p class="utrecht-paragraph">{tt.geheim_eenmalig}</p>
                    <code data-testid="geheim">{g}</code>
                </div>
            })}
            <Suspense fallback=|| view! { <Laden /> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(d) => view! {
                            <TokenTabel tokens=d.api_tokens intrekken />
                            <NieuwTokenFormulier themas=d.themas geheim verversen=opnieuw />
                        }.into_any(),
                        Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn TokenTabel(
    tokens: Vec<Token>,
    intrekken: impl Fn(String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let tt = tt();
    if tokens.is_empty() {
        return view! { <p class="utrecht-paragraph leeg" data-testid="geen-tokens">{tt.geen_tokens}</p> }
            .into_any();
    }
    let rijen = tokens
        .into_iter()
        .map(|t| {
            let themas = if t.alle_themas {
                tt.alle_themas.to_string()
            } else {
                t.themas
                    .iter()
                    .map(|n| n.naam.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let verloopt = moment(&t.verloopt_op);
            let gebruikt = t
                .laatst_gebruikt_op
                .as_deref()
                .map(|m| moment(m).tekst)
                .unwrap_or_else(|| tt.nooit.to_string());
            let knop = t.actief.then(|| {
                let id = t.id.clone();
                let intrekken = intrekken.clone();
                view! {
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        data-testid="token-intrekken" on:click=move |_| intrekken(id.clone())>
                        {(tt.intrekken)(&t.naam)}
                    </button>
                }
            });
            view! {
                <tr class="utrecht-table__row" data-testid="token-rij" data-prefix=t.prefix.clone()>
                    <td class="utrecht-table__cell">{t.naam.clone()}</td>
                    <td class="utrecht-table__cell"><code>{t.prefix.clone()}</code></td>
                    <td class="utrecht-table__cell">{rechten(&t)}</td>
                    <td class="utrecht-table__cell">{themas}</td>
                    <td class="utrecht-table__cell"><time datetime=verloopt.iso>{verloopt.tekst}</time></td>
                    <td class="utrecht-table__cell">{gebruikt}</td>
                    <td class="utrecht-table__cell" data-testid="token-stand">{stand(&t)}</td>
                    <td class="utrecht-table__cell">{knop}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-houder">
            <table class="utrecht-table tabel" data-testid="token-tabel">
                <caption class="utrecht-table__caption">{tt.tokens_titel}</caption>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{tt.naam}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.prefix}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.rechten}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.themas}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.verloopt}</th>
                        <th class="utrecht-table__header-cell" scope="col">{tt.laatst_gebruikt}</th>
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

#[component]
fn NieuwTokenFormulier(
    themas: Vec<ThemaKeuze>,
    geheim: RwSignal<Option<String>>,
    verversen: Callback<()>,
) -> impl IntoView {
    let tt = tt();
    let naam = RwSignal::new(String::new());
    let schrijven = RwSignal::new(false);
    let vertrouwelijk = RwSignal::new(false);
    let gekozen = RwSignal::new(Vec::<String>::new());
    let dagen = RwSignal::new("90".to_string());
    let fout = RwSignal::new(None::<String>);
    let formulier = NodeRef::<leptos::html::Form>::new();
    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let dagen_getal = dagen.get_untracked().trim().parse::<i32>().unwrap_or(0);
        let keuze = gekozen.get_untracked();
        let invoer = NieuwToken {
            naam: naam.get_untracked().trim().to_string(),
            schrijven: schrijven.get_untracked(),
            vertrouwelijk: vertrouwelijk.get_untracked(),
            themas: (!keuze.is_empty()).then_some(keuze),
            geldig_dagen: dagen_getal,
        };
        spawn_local(async move {
            match maak_token(invoer).await {
                Ok(g) => {
                    fout.set(None);
                    // A fresh form for the next token; reset() also clears the fields' "touched"
                    // state, so the emptied name does not show as an error.
                    if let Some(f) = formulier.get_untracked() {
                        f.reset();
                    }
                    naam.set(String::new());
                    schrijven.set(false);
                    vertrouwelijk.set(false);
                    gekozen.set(Vec::new());
                    dagen.set("90".to_string());
                    geheim.set(Some(g));
                    verversen.run(());
                }
                Err(e) => fout.set(Some(veld_uitleg(&e))),
            }
        });
    };
    let vinkjes = themas
        .into_iter()
        .map(|t| {
            let id = t.id.clone();
            let id2 = t.id.clone();
            let vak = format!("thema-{}", t.id);
            view! {
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id=vak.clone()
                        prop:checked=move || gekozen.get().contains(&id)
                        on:change=move |ev| {
                            let aan = event_target_checked(&ev);
                            gekozen.update(|g| { g.retain(|x| x != &id2); if aan { g.push(id2.clone()); } });
                        } />
                    <label class="utrecht-form-label utrecht-form-label--checkbox" for=vak>{t.naam}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="formulier" node_ref=formulier on:submit=verstuur data-testid="token-formulier">
            <h3 class="utrecht-heading-3">{tt.nieuw_token}</h3>
            {move || fout.get().map(|f| view! { <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="token-fout">{f}</p> })}
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="token-naam">{tt.naam}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id="token-naam" type="text" required maxlength="200"
                    prop:value=move || naam.get() on:input=move |ev| naam.set(event_target_value(&ev)) data-testid="token-naam" />
            </div>
            <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id="token-schrijven"
                    prop:checked=move || schrijven.get() on:change=move |ev| schrijven.set(event_target_checked(&ev)) />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="token-schrijven">{tt.mag_schrijven}</label>
            </div>
            <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id="token-vertrouwelijk"
                    prop:checked=move || vertrouwelijk.get() on:change=move |ev| vertrouwelijk.set(event_target_checked(&ev)) />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="token-vertrouwelijk">{tt.mag_vertrouwelijk}</label>
            </div>
            <fieldset class="utrecht-form-fieldset">
                <legend class="utrecht-form-fieldset__legend">{tt.themas_keuze}</legend>
                {vinkjes}
            </fieldset>
            <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="token-dagen">{tt.geldig_dagen}</label>
                <input class="utrecht-textbox utrecht-textbox--html-input" id="token-dagen" type="number" min="1" max="732"
                    prop:value=move || dagen.get() on:input=move |ev| dagen.set(event_target_value(&ev)) />
            </div>
            <button type="submit" class="utrecht-button utrecht-button--primary-action knop" data-testid="token-maken">{tt.maak_token}</button>
        </form>
    }
}

/// An error in words, with the offending field's message when the server named one.
fn veld_uitleg(e: &ApiError) -> String {
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

/// The section "Auditlog".
#[component]
pub fn Audit() -> impl IntoView {
    let tt = tt();
    let filter = RwSignal::new(String::new());
    let regels = RwSignal::new(Vec::<AuditRegel>::new());
    let totaal = RwSignal::new(0u64);
    let volgende = RwSignal::new(None::<String>);
    let fout = RwSignal::new(None::<ApiError>);
    let laad = move |verder: bool| {
        let h = filter.get_untracked();
        let after = if verder { volgende.get_untracked() } else { None };
        spawn_local(async move {
            let h = (!h.is_empty()).then_some(h);
            match haal_audit(h.as_deref(), after.as_deref()).await {
                Ok(p) => {
                    fout.set(None);
                    totaal.set(p.totaal);
                    volgende.set(p.volgende);
                    if verder {
                        regels.update(|r| r.extend(p.regels));
                    } else {
                        regels.set(p.regels);
                    }
                }
                Err(e) => fout.set(Some(e)),
            }
        });
    };
    laad(false);
    let opties = HANDELINGEN
        .iter()
        .map(|h| view! { <option value=*h>{(tt.handeling_naam)(h)}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="audit-kop" data-testid="audit">
            <h2 class="utrecht-heading-2" id="audit-kop">{tt.audit_titel}</h2>
            <p class="utrecht-paragraph">{tt.audit_intro}</p>
            <div class="utrecht-form-field formulier">
                <label class="utrecht-form-label" for="audit-filter">{tt.filter_handeling}</label>
                <select class="utrecht-select utrecht-select--html-select" id="audit-filter" data-testid="audit-filter"
                    on:change=move |ev| { filter.set(event_target_value(&ev)); laad(false); }>
                    <option value="">{tt.alle_handelingen}</option>
                    {opties}
                </select>
            </div>
            {move || fout.get().map(|f| view! { <FoutMelding fout=f opnieuw=Callback::new(move |()| laad(false)) /> })}
            <p class="utrecht-paragraph meta" role="status" data-testid="audit-aantal">{move || (tt.aantal_regels)(regels.read().len(), totaal.get())}</p>
            <div class="tabel-houder">
                <table class="utrecht-table tabel" data-testid="audit-tabel">
                    <caption class="utrecht-table__caption">{tt.audit_titel}</caption>
                    <thead class="utrecht-table__header">
                        <tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{tt.tijdstip}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tt.wie}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tt.handeling}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tt.object}</th>
                            <th class="utrecht-table__header-cell" scope="col">{tt.details}</th>
                        </tr>
                    </thead>
                    <tbody class="utrecht-table__body">
                        <For each=move || regels.get() key=|r| r.id.clone() let:r>
                            <tr class="utrecht-table__row" data-testid="audit-regel" data-handeling=r.handeling.clone()>
                                <td class="utrecht-table__cell">{let m = moment(&r.tijdstip); view! { <time datetime=m.iso>{m.tekst}</time> }}</td>
                                <td class="utrecht-table__cell">{r.actor.clone()}</td>
                                <td class="utrecht-table__cell">{(tt.handeling_naam)(&r.handeling).to_string()}</td>
                                <td class="utrecht-table__cell">{r.object.clone().unwrap_or_default()}</td>
                                <td class="utrecht-table__cell"><code class="details">{r.details.clone()}</code></td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            {move || volgende.get().is_some().then(|| view! {
                <button type="button" class="utrecht-button utrecht-button--secondary-action knop" data-testid="audit-meer"
                    on:click=move |_| laad(true)>{tt.meer}</button>
            })}
        </section>
    }
}
