//! The overview ("Actieplannen"): by default the board, one compact row per plan and opgave on one screen
//! ([`Bord`]); with `?weergave=kaarten` the detailed cards of every thema, plan and opgave.

use crate::api::ApiError;
use crate::components::bord::{Bord, BordContext};
use crate::components::{BalkLegenda, FoutMelding, Laden, zet_titel};
use crate::i18n::{t, tb};
use crate::model::organisatie::haal_rvo_vergaderingen;
use crate::model::{Overzicht, haal_overzicht};
use crate::pages::overzicht_kaarten::ThemaSectie;
use crate::tijd::{Moment, datum_tekst, vandaag};
use crate::wijzigingen::{STANDAARD_WEKEN, volgende_vergadering, vorige_vergadering};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Query key of the view; [`KAARTEN`] shows the detailed cards.
pub const WEERGAVE: &str = "weergave";
/// The value of [`WEERGAVE`] that shows the detailed cards.
pub const KAARTEN: &str = "kaarten";

/// Everything the overview shows, loaded before the first paint of the data (nothing moves afterwards).
#[derive(Debug, Clone)]
struct Gegevens {
    overzicht: Overzicht,
    stand: Moment,
    context: BordContext,
}

/// The RVO meetings first (they give the moments), then the overview with its roll-ups now and at the last
/// meeting and its overdue counts: everything the board shows comes from the API.
async fn haal() -> Result<Gegevens, ApiError> {
    let datums: Vec<String> = haal_rvo_vergaderingen()
        .await?
        .into_iter()
        .map(|v| v.datum)
        .collect();
    let vandaag = vandaag();
    let vorige_rvo = vorige_vergadering(&datums, &vandaag).map(str::to_string);
    let peildatum = volgende_vergadering(&datums, &vandaag).map_or(vandaag.clone(), str::to_string);
    let overzicht = haal_overzicht(vorige_rvo.as_deref(), &peildatum, STANDAARD_WEKEN, &vandaag).await?;
    let stand = crate::verbinding::stand_van_gegevens();
    Ok(Gegevens {
        overzicht,
        stand,
        context: BordContext {
            vorige_rvo,
            peildatum,
            weken: STANDAARD_WEKEN,
        },
    })
}

/// The route `/`: loads the overview and shows it, or the loading or error state.
#[component]
pub fn OverzichtPagina() -> impl IntoView {
    let t = t();
    zet_titel(t.overzicht_titel);
    let query = use_query_map();
    let kaarten = Memo::new(move |_| query.read().get(WEERGAVE).as_deref() == Some(KAARTEN));
    let data = LocalResource::new(|| {
        crate::verbinding::volg();
        haal()
    });
    let opnieuw = Callback::new(move |()| data.refetch());
    view! {
        <h1 class="utrecht-heading-1">{t.overzicht_titel}</h1>
        // The intro and the export links share one line where there is room (the board must fit one screen).
        <div class="overzicht-intro">
            <p class="intro">{t.overzicht_intro}</p>
            <crate::pages::export::ExportLinks pad="/export/alles".to_string() />
        </div>
        <Suspense fallback=|| view! { <Laden /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(gegevens) => view! { <Geladen gegevens kaarten /> }.into_any(),
                    Err(fout) => view! { <FoutMelding fout opnieuw /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The loaded overview (`data-testid="overzicht"`), also when it is empty: the board or the cards.
#[component]
fn Geladen(gegevens: Gegevens, kaarten: Memo<bool>) -> impl IntoView {
    let t = t();
    let tb = tb();
    let Gegevens {
        overzicht,
        stand,
        context,
    } = gegevens;
    let leeg = overzicht.themas.is_empty();
    let inhoud = move || {
        if leeg {
            return view! { <p class="leeg" data-testid="leeg">{t.leeg}</p> }.into_any();
        }
        if kaarten.get() {
            view! {
                <p class="weergave"><a class="utrecht-link" href="/" data-testid="naar-bord">{tb.naar_bord}</a></p>
                {overzicht.themas.clone().into_iter().map(|thema| view! { <ThemaSectie thema /> }).collect_view()}
            }
            .into_any()
        } else {
            let rvo_tekst = context.vorige_rvo.as_deref().map(datum_tekst);
            let uitleg = (tb.te_laat_uitleg)(context.weken, &datum_tekst(&context.peildatum));
            view! {
                <Bord overzicht=overzicht.clone() context=context.clone() rvo_tekst />
                <p class="bord-uitleg">{uitleg}</p>
            }
            .into_any()
        }
    };
    let wissel = move || {
        (!leeg && !kaarten.get()).then(|| {
            view! {
                <a class="utrecht-link" href=format!("/?{WEERGAVE}={KAARTEN}") data-testid="naar-kaarten">
                    {tb.naar_kaarten}
                </a>
            }
        })
    };
    view! {
        <div class="overzicht" data-testid="overzicht">
            <div class="overzicht-kop">
                <p class="stand" data-testid="stand">
                    {t.stand_per}
                    " "
                    <time datetime=stand.iso>{stand.tekst}</time>
                </p>
                <BalkLegenda />
                {wissel}
            </div>
            {inhoud}
        </div>
    }
}
