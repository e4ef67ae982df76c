//! The history of one thema, plan, opgave or organisatie on the beheer page, loaded when asked for: per change
//! who, when and per field before → after; a state from the source document says so ("uit de bron").

use crate::components::fout::uitleg;
use crate::i18n::thi;
use crate::model::beheer_historie::{BeheerWijziging, haal_historie};
use crate::tijd::moment;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A button that shows (and hides) the history of record `id`, named `naam`.
#[component]
pub fn Historie(id: String, naam: String) -> impl IntoView {
    let t = thi();
    let open = RwSignal::new(false);
    let regels = RwSignal::new(None::<Vec<BeheerWijziging>>);
    let fout = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let knop_naam = naam.clone();
    let wissel = move |_| {
        if open.get_untracked() {
            open.set(false);
            return;
        }
        open.set(true);
        spawn_local(async move {
            match haal_historie(&id.get_value()).await {
                Ok(h) => {
                    fout.set(None);
                    regels.set(Some(h));
                }
                Err(e) => fout.set(Some(uitleg(&e))),
            }
        });
    };
    view! {
        <div class="beheer-historie">
            <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                data-testid="historie-tonen" aria-expanded=move || open.get().to_string() on:click=wissel>
                {move || if open.get() { thi().verbergen.to_string() } else { (thi().tonen)(&knop_naam) }}
            </button>
            {move || open.get().then(|| view! {
                <section class="historie" data-testid="beheer-historie" aria-label=(t.kop)(&naam)>
                    {move || fout.get().map(|f| view! { <p class="fout-melding" role="alert">{f}</p> })}
                    {move || regels.get().map(lijst)}
                </section>
            })}
        </div>
    }
}

fn lijst(h: Vec<BeheerWijziging>) -> AnyView {
    let t = thi();
    if h.is_empty() {
        return view! { <p class="utrecht-paragraph leeg">{t.leeg}</p> }.into_any();
    }
    let leeg = |v: &Option<String>| {
        v.clone()
            .filter(|x| !x.is_empty())
            .unwrap_or_else(|| t.leeg_veld.to_string())
    };
    let items = h
        .into_iter()
        .map(|w| {
            let wanneer = moment(&w.tijdstip);
            let aangemaakt = w.velden.iter().any(|v| v == "aangemaakt");
            let velden = w
                .wijzigingen
                .iter()
                .map(|v| {
                    let tekst = (t.van_naar)(&leeg(&v.van), &leeg(&v.naar));
                    view! {
                        <li data-testid="historie-veld" data-veld=v.veld.clone()>
                            <span class="meta-label">{v.veld.clone()}": "</span>{tekst}
                        </li>
                    }
                })
                .collect_view();
            let toelichting = w.toelichting.clone().filter(|x| !x.trim().is_empty()).map(|x| {
                view! { <p class="toelichting"><span class="meta-label">{t.toelichting}": "</span>{x}</p> }
            });
            view! {
                <li class="historie-item" data-testid="beheer-historie-item" data-versie=w.versie>
                    <p class="utrecht-paragraph"><strong>{(t.item)(w.versie, &w.door)}</strong></p>
                    <p class="meta">
                        <time datetime=wanneer.iso>{wanneer.tekst}</time>
                        {aangemaakt.then(|| view! { <span aria-hidden="true">" · "</span><span>{t.aangemaakt}</span> })}
                        {w.uit_bron.then(|| view! {
                            <span aria-hidden="true">" · "</span>
                            <span class="uit-bron" data-testid="historie-uit-bron">{t.uit_bron}</span>
                        })}
                    </p>
                    <ul class="wijzigingen">{velden}</ul>
                    {toelichting}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="tijdlijn">{items}</ol> }.into_any()
}
