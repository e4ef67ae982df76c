//! A small trend chart: the share afgerond over time as a line, and per point the acties in progress per
//! health as a stacked bar, in SVG with a summary for assistive technology and a visually hidden table with
//! every figure. `compact` draws it small (for overview rows and plan slides) without axes' labels.

use crate::i18n::{label, ttr};
use crate::model::trend::{TrendPunt, haal_trend};
use koers_shared::{Gezondheid, procent_tekst};
use leptos::prelude::*;

/// A coordinate with one decimal, without float formatting (which would add its code to the wasm).
fn getal(v: f64) -> String {
    let tienden = if v.is_finite() {
        (v * 10.0).round() as i64
    } else {
        0
    };
    let teken = if tienden < 0 { "-" } else { "" };
    format!("{teken}{}.{}", tienden.abs() / 10, tienden.abs() % 10)
}

/// Where point `i` of `n` lies horizontally in a drawing `breed` wide with margin `rand`.
fn x(i: usize, n: usize, breed: f64, rand: f64) -> f64 {
    match n {
        0 | 1 => breed / 2.0,
        _ => rand + (breed - 2.0 * rand) * i as f64 / (n - 1) as f64,
    }
}

/// One drawn point: its x, its y, and its stacked health bar as `(y, height)` per [`Gezondheid::ALL`].
pub type Positie = (f64, f64, [(f64, f64); 3]);

/// The drawing of `punten` in a `breed` × `hoog` box: the line's points, and each point's [`Positie`].
pub fn tekening(punten: &[TrendPunt], breed: f64, hoog: f64) -> (String, Vec<Positie>) {
    let rand = 4.0;
    let lijn_hoog = hoog * 0.6;
    let balk_hoog = hoog - lijn_hoog - rand;
    let max = punten
        .iter()
        .map(|p| p.per_gezondheid.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let n = punten.len();
    let mut lijn = Vec::new();
    let mut out = Vec::new();
    for (i, p) in punten.iter().enumerate() {
        let px = x(i, n, breed, rand);
        let py = rand + (lijn_hoog - 2.0 * rand) * (1.0 - p.afgerond.clamp(0.0, 100.0) / 100.0);
        lijn.push(format!("{},{}", getal(px), getal(py)));
        let mut onder = hoog;
        let mut balken = [(0.0, 0.0); 3];
        for (j, aantal) in p.per_gezondheid.iter().enumerate() {
            let h = balk_hoog * f64::from(*aantal) / f64::from(max);
            onder -= h;
            balken[j] = (onder, h);
        }
        out.push((px, py, balken));
    }
    (lijn.join(" "), out)
}

/// The chart of `punten` (`data-testid="trend"`), titled `titel` (the plan's or opgave's name).
#[component]
pub fn Trend(
    /// The points, oldest first.
    punten: Vec<TrendPunt>,
    /// What the trend is of.
    titel: String,
    /// Draw it small, for a row or a slide.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let tt = ttr();
    if punten.is_empty() {
        return view! { <p class="leeg" data-testid="trend-leeg">{tt.geen}</p> }.into_any();
    }
    let (breed, hoog) = if compact { (160.0, 48.0) } else { (640.0, 180.0) };
    let (lijn, posities) = tekening(&punten, breed, hoog);
    let eerste = &punten[0];
    let laatste = &punten[punten.len() - 1];
    let samenvatting = (tt.samenvatting)(
        &procent_tekst(eerste.afgerond),
        &eerste.datum,
        &procent_tekst(laatste.afgerond),
        &laatste.datum,
    );
    let balk = (breed / punten.len() as f64 * 0.5).clamp(1.0, 12.0);
    let vormen = punten
        .iter()
        .zip(posities)
        .map(|(p, (px, py, balken))| {
            let staven = Gezondheid::ALL
                .iter()
                .zip(balken)
                .filter(|(_, (_, h))| *h > 0.0)
                .map(|(g, (y, h))| {
                    view! {
                        <rect class=format!("trend-staaf trend-{}", g.as_str()) x=getal(px - balk / 2.0)
                            y=getal(y) width=getal(balk) height=getal(h) />
                    }
                })
                .collect_view();
            view! {
                <g data-testid="trend-punt" data-datum=p.datum.clone()
                    data-afgerond=procent_tekst(p.afgerond)>
                    {staven}
                    <circle class="trend-stip" cx=getal(px) cy=getal(py) r=if compact { "1.5" } else { "3" } />
                </g>
            }
        })
        .collect_view();
    let rijen = punten
        .iter()
        .map(|p| {
            let cellen = p
                .per_gezondheid
                .iter()
                .map(|n| view! { <td>{n.to_string()}</td> })
                .collect_view();
            view! {
                <tr data-testid="trend-rij">
                    <th scope="row">{p.datum.clone()}</th>
                    <td>{procent_tekst(p.afgerond)}</td>
                    <td>{p.totaal.to_string()}</td>
                    {cellen}
                </tr>
            }
        })
        .collect_view();
    let koppen = Gezondheid::ALL
        .iter()
        .map(|g| view! { <th scope="col">{label(*g)}</th> })
        .collect_view();
    // The figures as a table for screen readers; the compact chart (slides, rows) says them in its label only,
    // so its hidden rows take no room on a slide.
    let tabel = (!compact).then(move || {
        view! {
                // A table ignores a 1px width; its hidden wrapper does not (no sideways scroll on a phone).
                <div class="visueel-verborgen">
                <table data-testid="trend-tabel">
                    <caption>{(tt.bijschrift)(&titel)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tt.datum}</th>
                            <th scope="col">{tt.afgerond}</th>
                            <th scope="col">{tt.acties}</th>
                            {koppen}
                        </tr>
                    </thead>
                    <tbody>{rijen}</tbody>
                </table>
                </div>
        }
    });
    view! {
        <figure class=if compact { "trend trend-compact" } else { "trend" } data-testid="trend">
            <svg viewBox=format!("0 0 {} {}", getal(breed), getal(hoog)) role="img" aria-label=samenvatting.clone()
                preserveAspectRatio="none">
                <polyline class="trend-lijn" points=lijn />
                {vormen}
            </svg>
            <figcaption class=if compact { "visueel-verborgen" } else { "trend-bijschrift" }>{samenvatting}</figcaption>
            {tabel}
        </figure>
    }
    .into_any()
}

/// The monthly trend of plan `id` since the start of its period, loaded (`data-testid="plan-trend"`); shows
/// nothing when it cannot be loaded (a period that starts in the future has no past).
#[component]
pub fn PlanTrend(
    /// The plan's id.
    id: String,
    /// Its title.
    titel: String,
    /// Its first year.
    van_jaar: i32,
    /// Draw it small.
    #[prop(optional)]
    compact: bool,
    /// Leave confidential acties out (the presentation and the print view never show them).
    #[prop(optional)]
    zonder_vertrouwelijk: bool,
) -> impl IntoView {
    let data = LocalResource::new(move || {
        let id = id.clone();
        async move { haal_trend(&id, van_jaar, zonder_vertrouwelijk).await }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let titel = titel.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(punten) => view! {
                            <div data-testid="plan-trend"><Trend punten titel compact /></div>
                        }
                        .into_any(),
                        Err(_) => ().into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn punt(afgerond: f64, g: [u32; 3]) -> TrendPunt {
        TrendPunt {
            datum: "2026-01-01".into(),
            totaal: g.iter().sum(),
            afgerond,
            per_gezondheid: g,
        }
    }

    #[test]
    fn the_line_rises_with_the_share_afgerond_and_bars_stack_to_the_largest() {
        let (lijn, pos) = tekening(&[punt(0.0, [2, 0, 0]), punt(100.0, [1, 1, 2])], 100.0, 100.0);
        assert_eq!(lijn, "4.0,56.0 96.0,4.0");
        let hoogste: f64 = pos[1].2.iter().map(|(_, h)| h).sum();
        assert!((hoogste - 36.0).abs() < 1e-9, "{hoogste}");
        assert!((pos[0].2[0].1 - 18.0).abs() < 1e-9);
        assert_eq!(getal(-1.25), "-1.3");
    }
}
