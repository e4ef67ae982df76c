//! The presentation mode for the RVO (`/presentatie`): one full-screen slide per plan and per opgave, paged
//! with a presentation clicker or the keyboard, optionally on autoplay (`?autoplay=20`), the current slide in
//! the URL (`?dia=3`, 1-based) and the data kept live over the subscription. Confidential acties never show.

pub mod achtergrond;
pub mod data;
pub mod dia;
pub mod live;

use crate::components::{FoutMelding, Laden};
use crate::i18n::tp;
use crate::tijd::{Moment, nu};
use data::{Presentatie, haal_presentatie};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use live::{Live, Melding};
use std::time::Duration;
use web_sys::{KeyboardEvent, UrlSearchParams};

/// Seconds per slide when autoplay is switched on without `?autoplay=`.
pub const STANDAARD_SECONDEN: u32 = 20;

/// A query-string value of the current URL.
pub(crate) fn query_waarde(sleutel: &str) -> Option<String> {
    let zoek = window().location().search().ok()?;
    UrlSearchParams::new_with_str(&zoek).ok()?.get(sleutel)
}

/// Puts the slide number in the URL without a new history entry, keeping the other parameters.
fn zet_dia_in_url(nummer: usize) {
    let locatie = window().location();
    let (Ok(pad), Ok(zoek)) = (locatie.pathname(), locatie.search()) else {
        return;
    };
    let Ok(params) = UrlSearchParams::new_with_str(&zoek) else {
        return;
    };
    params.set("dia", &nummer.to_string());
    let url = format!("{pad}?{}", String::from(params.to_string()));
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// What a key does.
enum Stap {
    Volgende,
    Vorige,
    Eerste,
    Laatste,
    Pauze,
    VolledigScherm,
}

/// The step for a key, `None` for keys the presentation leaves alone.
fn stap(toets: &str) -> Option<Stap> {
    match toets {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "Spacebar" => Some(Stap::Volgende),
        "PageUp" | "ArrowLeft" | "ArrowUp" => Some(Stap::Vorige),
        "Home" => Some(Stap::Eerste),
        "End" => Some(Stap::Laatste),
        "p" | "P" => Some(Stap::Pauze),
        "f" | "F" => Some(Stap::VolledigScherm),
        _ => None,
    }
}

/// True when the key event comes from a control that needs the key itself (space on a button, typing).
fn van_bedieningselement(e: &KeyboardEvent, toets: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    match el.tag_name().to_ascii_uppercase().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => true,
        "BUTTON" | "A" => toets == " " || toets == "Enter",
        _ => false,
    }
}

fn volledig_scherm() {
    if let Some(el) = document().document_element() {
        let _ = el.request_fullscreen();
    }
}

/// The route `/presentatie`.
#[component]
pub fn PresentatiePagina() -> impl IntoView {
    let tp = tp();
    let data = RwSignal::new(None::<Presentatie>);
    let fout = RwSignal::new(None);
    let stand = RwSignal::new(None::<Moment>);
    let herstellen = RwSignal::new(false);
    let verbonden = RwSignal::new(false);
    let autoplay_param = query_waarde("autoplay").and_then(|s| s.parse::<u32>().ok());
    let seconden = autoplay_param.filter(|&s| s > 0).unwrap_or(STANDAARD_SECONDEN);
    let speelt = RwSignal::new(autoplay_param.is_some_and(|s| s > 0));
    // 1-based, as in the URL; clamped to the slides once they are known.
    let nummer = RwSignal::new(
        query_waarde("dia")
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1),
    );

    let laad = move || {
        spawn_local(async move {
            match haal_presentatie().await {
                // The page may have gone meanwhile: then there is nothing to set.
                Ok(p) => {
                    let _ = data.try_set(Some(p));
                    let _ = stand.try_set(Some(nu()));
                    let _ = fout.try_set(None);
                }
                Err(e) => {
                    let _ = fout.try_set(Some(e));
                }
            }
        });
    };
    laad();

    let dias = Memo::new(move |_| data.with(|d| d.as_ref().map(Presentatie::dias).unwrap_or_default()));
    let aantal = move || dias.with(Vec::len);
    let huidig = move || nummer.get().clamp(1, aantal().max(1));
    // Only once the slides are known, so that a failed or slow load keeps the slide of the URL.
    Effect::new(move |_| {
        if aantal() > 0 {
            zet_dia_in_url(huidig());
        }
    });

    let ga = move |s: Stap| {
        let n = aantal();
        let i = huidig();
        if n == 0 && !matches!(s, Stap::Pauze | Stap::VolledigScherm) {
            return;
        }
        match s {
            Stap::Volgende => nummer.set((i + 1).min(n)),
            Stap::Vorige => nummer.set(i.saturating_sub(1).max(1)),
            Stap::Eerste => nummer.set(1),
            Stap::Laatste => nummer.set(n),
            Stap::Pauze => speelt.update(|s| *s = !*s),
            Stap::VolledigScherm => volledig_scherm(),
        }
    };

    let toetsen = window_event_listener(ev::keydown, move |e: KeyboardEvent| {
        if e.alt_key() || e.ctrl_key() || e.meta_key() || e.default_prevented() {
            return;
        }
        let toets = e.key();
        if van_bedieningselement(&e, &toets) {
            return;
        }
        if let Some(s) = stap(&toets) {
            e.prevent_default();
            ga(s);
        }
    });
    on_cleanup(move || toetsen.remove());

    // Autoplay: a timer per shown slide, restarted by every change of slide or state; wraps to the start.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let plan_timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let i = huidig();
        let aan = speelt.get();
        let n = aantal();
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(None);
        if aan && n > 0 {
            let volgende = if i >= n { 1 } else { i + 1 };
            let h = set_timeout_with_handle(
                move || nummer.set(volgende),
                Duration::from_secs(u64::from(seconden)),
            );
            timer.set_value(h.ok());
        }
    });
    on_cleanup(move || {
        for t in [timer, plan_timer] {
            if let Some(h) = t.try_get_value().flatten() {
                h.clear();
            }
        }
    });

    // A change moves the plan's roll-up too, which the event does not carry: fetch it shortly after.
    let ververs_plannen = move || {
        if let Some(h) = plan_timer.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(
            move || {
                spawn_local(async move {
                    if let Ok(nieuw) = haal_presentatie().await {
                        // The page may have gone meanwhile: then there is nothing to update.
                        let _ = data.try_update(|d| {
                            if let Some(d) = d {
                                d.neem_plan_rollups_over(&nieuw);
                            }
                        });
                    }
                });
            },
            Duration::from_millis(500),
        );
        plan_timer.set_value(h.ok());
    };

    let live = StoredValue::new_local(None::<std::rc::Rc<Live>>);
    live.set_value(Some(Live::start(move |m| match m {
        Melding::Verbonden { opnieuw } => {
            herstellen.set(false);
            verbonden.set(true);
            if opnieuw {
                laad();
            }
        }
        Melding::Verbroken => {
            verbonden.set(false);
            herstellen.set(true);
        }
        Melding::Wijziging(w) => {
            data.update(|d| {
                if let Some(d) = d {
                    d.pas_toe(*w);
                }
            });
            stand.set(Some(nu()));
            ververs_plannen();
        }
    })));
    on_cleanup(move || {
        if let Some(Some(l)) = live.try_get_value() {
            l.stop();
        }
    });

    // Keys go to the presentation, not to the header link that opened it (space there would scroll). The
    // page behind the slide is inert meanwhile, so Tab stays on the presentation.
    let wortel = NodeRef::<leptos::html::Div>::new();
    let achtergrond = StoredValue::new_local(None::<achtergrond::Achtergrond>);
    Effect::new(move |_| {
        if let Some(el) = wortel.get() {
            if achtergrond.with_value(Option::is_none) {
                achtergrond.set_value(Some(achtergrond::Achtergrond::maak_inert(&el)));
            }
            let _ = el.focus();
        }
    });
    on_cleanup(move || {
        if let Some(Some(a)) = achtergrond.try_update_value(Option::take) {
            a.vrij();
        }
    });

    let dia = move || {
        let i = huidig();
        let d = dias.with(|d| d.get(i - 1).copied());
        data.with(|p| match (p, d) {
            (Some(p), Some(d)) => dia::dia_view(p, d, i),
            (Some(_), None) => view! { <p class="dia-leeg">{tp.leeg}</p> }.into_any(),
            (None, _) => match fout.get() {
                Some(fout) => {
                    view! { <FoutMelding fout opnieuw=Callback::new(move |()| laad()) /> }.into_any()
                }
                None => view! { <Laden /> }.into_any(),
            },
        })
    };

    view! {
        <div class="presentatie" data-testid="presentatie" role="region" aria-label=tp.naam tabindex="-1"
            node_ref=wortel
            data-live=move || if verbonden.get() { "verbonden" } else { "verbinden" }>
            <div class="presentatie-dia">{dia}</div>
            <Bediening nummer huidig=Signal::derive(huidig) aantal=Signal::derive(aantal) speelt seconden stand
                herstellen />
        </div>
    }
}

/// The bar at the bottom: time of the data, connection notice, slide number, autoplay and navigation.
#[component]
fn Bediening(
    nummer: RwSignal<usize>,
    huidig: Signal<usize>,
    aantal: Signal<usize>,
    speelt: RwSignal<bool>,
    seconden: u32,
    stand: RwSignal<Option<Moment>>,
    herstellen: RwSignal<bool>,
) -> impl IntoView {
    let tp = tp();
    let stand_tekst = move || {
        stand.get().map(|m| {
            view! {
                {crate::i18n::t().stand_per}
                " "
                <time datetime=m.iso>{m.tekst}</time>
            }
        })
    };
    view! {
        <footer class="presentatie-balk" aria-label=tp.bediening>
            <p class="stand-per" data-testid="stand-per">{stand_tekst}</p>
            <Show when=move || herstellen.get()>
                <p class="herstellen" data-testid="verbinding-herstellen" role="status">
                    {tp.verbinding_herstellen}
                </p>
            </Show>
            <p class="dia-nummer" data-testid="dia-nummer" aria-live="polite">{move || (tp.dia_van)(huidig.get(), aantal.get())}</p>
            <div class="knoppen">
                <button type="button" class="knop-vorig" aria-label=tp.vorige
                    on:click=move |_| nummer.set(huidig.get_untracked().saturating_sub(1).max(1))>"‹"</button>
                <button type="button" class="knop-volgend" aria-label=tp.volgende
                    on:click=move |_| nummer.set((huidig.get_untracked() + 1).min(aantal.get_untracked().max(1)))>"›"</button>
                <button type="button" class="autoplay-knop" data-testid="autoplay-knop"
                    aria-pressed=move || speelt.get().to_string() on:click=move |_| speelt.update(|s| *s = !*s)>
                    <span aria-hidden="true" class="autoplay-icoon">{move || if speelt.get() { "❚❚" } else { "▶" }}</span>
                    " "
                    {tp.autoplay_kort}
                </button>
                <span class="autoplay-stand" data-testid="autoplay-stand">
                    {move || if speelt.get() { (tp.autoplay_aan)(seconden) } else { tp.autoplay_uit.to_string() }}
                </span>
                <button type="button" class="knop-scherm" aria-label=tp.volledig_scherm title=tp.volledig_scherm
                    on:click=move |_| volledig_scherm()>
                    <svg class="icoon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
                        <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none"
                            stroke="currentColor" stroke-width="2"></path>
                    </svg>
                </button>
                <a href="/" class="knop-sluiten">{tp.sluiten}</a>
            </div>
        </footer>
    }
}
