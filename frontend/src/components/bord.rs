//! The board view of the overview: one table, per plan and opgave one compact row with the bar, share afgerond,
//! number of acties, acties in progress per health, the change since the last RVO and overdue updates. Under
//! 40rem every row becomes a stacked card (each cell names itself through `data-label`), see `style.css`.

use crate::bord::{Verschil, verschil};
use crate::components::gezondheid::GezondheidIcoon;
use crate::components::{Trend, Voortgangsbalk};
use crate::i18n::{label, t, tb};
use crate::model::{Actieplan, Opgave, Overzicht, RollupCijfers, Thema};
use koers_shared::{Gezondheid, procent_tekst};
use leptos::prelude::*;

/// What every row needs besides its own figures.
#[derive(Debug, Clone)]
pub struct BordContext {
    /// The last RVO meeting before today (`JJJJ-MM-DD`), if any.
    pub vorige_rvo: Option<String>,
    /// The date the overdue check measures against: the next meeting, or today.
    pub peildatum: String,
    /// Weeks without an update that make an actie overdue.
    pub weken: u32,
}

/// The board table (`data-testid="bord"`); plans keep `data-testid="actieplan"` (a `<tbody>`), opgaven
/// `data-testid="opgave"` (a row), both with their id in `data-id`.
#[component]
pub fn Bord(
    /// The overview.
    overzicht: Overzicht,
    /// RVO date and the overdue check.
    context: BordContext,
    /// The RVO date for people, for the column header.
    rvo_tekst: Option<String>,
) -> impl IntoView {
    let tb = tb();
    let koppen = [
        tb.kolom_voortgang,
        tb.kolom_trend,
        tb.kolom_afgerond,
        tb.kolom_acties,
        label(Gezondheid::OpKoers),
        label(Gezondheid::Aandacht),
        label(Gezondheid::Risico),
    ];
    let sinds = (tb.kolom_sinds_rvo)(rvo_tekst.as_deref());
    view! {
        <table class="utrecht-table bord-tabel" data-testid="bord">
            <caption class="visueel-verborgen">{tb.bijschrift}</caption>
            <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{tb.kolom_plan}</th>
                    {koppen
                        .into_iter()
                        .map(|k| view! { <th class="utrecht-table__header-cell" scope="col">{k}</th> })
                        .collect_view()}
                    <th class="utrecht-table__header-cell" scope="col">{sinds.clone()}</th>
                    <th class="utrecht-table__header-cell" scope="col">{tb.kolom_updates}</th>
                </tr>
            </thead>
            {overzicht
                .themas
                .into_iter()
                .map(|thema| view! { <ThemaRijen thema context=context.clone() sinds=sinds.clone() /> })
                .collect_view()}
        </table>
    }
}

/// The plans of one thema, each its own `<tbody>`.
#[component]
fn ThemaRijen(thema: Thema, context: BordContext, sinds: String) -> impl IntoView {
    let naam = thema.naam;
    thema
        .actieplannen
        .into_iter()
        .map(|plan| view! { <PlanRijen plan thema=naam.clone() context=context.clone() sinds=sinds.clone() /> })
        .collect_view()
}

/// One plan's row and its opgaven's rows.
#[component]
fn PlanRijen(plan: Actieplan, thema: String, context: BordContext, sinds: String) -> impl IntoView {
    let plan_verschil = context
        .vorige_rvo
        .as_ref()
        .map(|_| verschil(&plan.rollup, &plan.vorige));
    let plan_te_laat = plan.aantal_te_laat;
    let href = format!("/actieplan/{}", plan.id);
    let opgaven = plan.opgaven_op_volgorde();
    let plan_id = plan.id.clone();
    let trend = plan.trend_punten();
    let titel = plan.titel.clone();
    view! {
        <tbody class="utrecht-table__body bord-plan" data-testid="actieplan" data-id=plan.id.clone()>
            <tr class="utrecht-table__row bord-rij-plan">
                <th class="utrecht-table__header-cell" scope="row">
                    <span class="bord-thema">{thema}</span>
                    <a class="utrecht-link" href=href.clone() data-testid="actieplan-link">{plan.titel}</a>
                    <Verborgen rollup=plan.rollup.clone() testid="actieplan" />
                </th>
                <Cijfers rollup=plan.rollup verschil=plan_verschil te_laat=plan_te_laat testid="actieplan" sinds=sinds.clone()
                    trend=view! { <Trend punten=trend titel compact=true /> }.into_any() />
            </tr>
            {opgaven
                .into_iter()
                .map(|opgave| {
                    view! { <OpgaveRij opgave plan=plan_id.clone() context=context.clone() sinds=sinds.clone() /> }
                })
                .collect_view()}
        </tbody>
    }
}

/// One opgave's row; its title links to its section on the plan's page.
#[component]
fn OpgaveRij(opgave: Opgave, plan: String, context: BordContext, sinds: String) -> impl IntoView {
    let v = context
        .vorige_rvo
        .as_ref()
        .map(|_| verschil(&opgave.rollup, &opgave.vorige));
    let te_laat = opgave.aantal_te_laat;
    let href = format!("/actieplan/{plan}#opgave-{}", opgave.id);
    let trend = opgave.trend_punten();
    let titel = opgave.titel.clone();
    view! {
        <tr class="utrecht-table__row bord-rij-opgave" data-testid="opgave" data-id=opgave.id.clone()>
            <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href=href data-testid="opgave-link">
                    {format!("{}. {}", opgave.volgorde, opgave.titel)}
                </a>
                <Verborgen rollup=opgave.rollup.clone() testid="opgave" />
            </th>
            <Cijfers rollup=opgave.rollup verschil=v te_laat testid="opgave" sinds
                trend=view! { <Trend punten=trend titel compact=true /> }.into_any() />
        </tr>
    }
}

/// How many confidential acties the row leaves out, if any.
#[component]
fn Verborgen(rollup: RollupCijfers, testid: &'static str) -> impl IntoView {
    rollup.aantal_verborgen.filter(|n| *n > 0).map(|n| {
        view! { <span class="bord-verborgen" data-testid=format!("{testid}-verborgen")>{(t().verborgen)(n)}</span> }
    })
}

/// The figure cells of one row; `trend` fills the trend cell.
#[component]
fn Cijfers(
    rollup: RollupCijfers,
    verschil: Option<Verschil>,
    te_laat: u32,
    testid: &'static str,
    sinds: String,
    #[prop(optional)] trend: Option<AnyView>,
) -> impl IntoView {
    let tb = tb();
    let gezondheden = Gezondheid::ALL
        .iter()
        .map(|&g| {
            let n = rollup.aantal_gezondheid(g);
            view! {
                <td class=format!("utrecht-table__cell bord-getal gezondheid-{}", g.as_str())
                    class:bord-nul=n == 0
                    data-label=label(g)
                    data-testid=format!("{testid}-gezondheid")
                    data-gezondheid=g.as_str()
                >
                    <GezondheidIcoon gezondheid=g />
                    <span class="bord-aantal">{n}</span>
                </td>
            }
        })
        .collect_view();
    let geen_trend = trend.is_none();
    let te_laat_cel = if te_laat > 0 {
        view! { <span class="bord-te-laat">{(tb.te_laat)(te_laat)}</span> }.into_any()
    } else {
        view! { <span class="bord-zacht">{tb.op_tijd}</span> }.into_any()
    };
    view! {
        <td class="utrecht-table__cell bord-balk" data-label=tb.kolom_voortgang>
            <Voortgangsbalk afgerond=rollup.aandeel_afgerond in_uitvoering=rollup.aandeel_in_uitvoering />
        </td>
        <td class="utrecht-table__cell bord-trend" class:bord-geen-trend=geen_trend data-label=tb.kolom_trend data-testid=format!("{testid}-trend")>
            {trend}
        </td>
        <td class="utrecht-table__cell bord-getal" data-label=tb.kolom_afgerond data-testid=format!("{testid}-aandeel-afgerond")>
            {procent_tekst(rollup.aandeel_afgerond)}
        </td>
        <td class="utrecht-table__cell bord-getal" data-label=tb.kolom_acties data-testid=format!("{testid}-totaal")>
            {rollup.totaal}
        </td>
        {gezondheden}
        <SindsRvo verschil testid sinds />
        <td class="utrecht-table__cell" data-label=tb.kolom_updates data-testid=format!("{testid}-te-laat") data-aantal=te_laat>
            {te_laat_cel}
        </td>
    }
}

/// ↑ or ↓ and the number without its sign, for the eye; screen readers get the signed words instead.
fn pijl(n: i64, eenheid: &str) -> String {
    let teken = if n > 0 { "↑" } else { "↓" };
    format!("{teken}\u{a0}{}{eenheid}", n.unsigned_abs())
}

/// The change since the last RVO: share afgerond in points, then each health whose count changed.
#[component]
fn SindsRvo(verschil: Option<Verschil>, testid: &'static str, sinds: String) -> impl IntoView {
    let tb = tb();
    let testid = format!("{testid}-sinds-rvo");
    let Some(v) = verschil else {
        return view! {
            <td class="utrecht-table__cell bord-sinds" data-label=sinds data-testid=testid>
                <span class="bord-zacht">{tb.geen_rvo}</span>
            </td>
        }
        .into_any();
    };
    let inhoud = if v.is_leeg() {
        view! { <span class="bord-zacht">{tb.geen_wijziging}</span> }.into_any()
    } else {
        let afgerond = (v.afgerond_punten != 0).then(|| {
            view! {
                <span class="bord-delta">
                    <span aria-hidden="true">{pijl(v.afgerond_punten, "\u{a0}pp")}</span>
                    <span class="visueel-verborgen">{(tb.punten_afgerond)(v.afgerond_punten)}</span>
                </span>
            }
        });
        let gezondheden = Gezondheid::ALL
            .iter()
            .filter(|g| v.gezondheid(**g) != 0)
            .map(|&g| {
                let n = v.gezondheid(g);
                view! {
                    <span class=format!("bord-delta gezondheid-{}", g.as_str())>
                        <GezondheidIcoon gezondheid=g />
                        <span aria-hidden="true">{pijl(n, "")}</span>
                        <span class="visueel-verborgen">{format!("{} {n:+}", label(g))}</span>
                    </span>
                }
            })
            .collect_view();
        view! { {afgerond} {gezondheden} }.into_any()
    };
    view! {
        <td class="utrecht-table__cell bord-sinds" data-label=sinds data-testid=testid
            data-afgerond=v.afgerond_punten
            data-op_koers=v.gezondheid(Gezondheid::OpKoers)
            data-aandacht=v.gezondheid(Gezondheid::Aandacht)
            data-risico=v.gezondheid(Gezondheid::Risico)
        >
            {inhoud}
        </td>
    }
    .into_any()
}
