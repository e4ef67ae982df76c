//! The conflict panel of the beheer forms: on CONFLICT, the changes made meanwhile (from `beheerHistorie`:
//! who, and per field theirs) next to one's own value for that field, with the choice to save one's own
//! change over theirs (with the version now current) or to reload. [`Opslag`] is the one shape of a beheer
//! form's save: send, on CONFLICT keep the change for the panel, field errors next to the fields.

use crate::api::ApiError;
use crate::components::fout::uitleg;
use crate::components::veld_fouten::VeldFouten;
use crate::i18n::thi;
use crate::model::beheer_historie::haal_historie;
use crate::pages::beheer_veld::toon_fout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// What the panel needs of a change met by CONFLICT: the record's id, the versie sent, and the form's fields
/// (API name, value).
pub type ConflictRecord = (String, i32, Vec<(&'static str, String)>);

/// What a beheer form keeps of its save: the server's messages per field, the error without a field in words,
/// and the change sent when the API answered CONFLICT (for the panel). Cheap to copy into closures.
pub struct Opslag<T: Send + Sync + 'static> {
    /// The server's messages per field.
    pub velden: VeldFouten,
    /// The error without a field, in words.
    pub fout: RwSignal<Option<String>>,
    /// The change sent when the API answered CONFLICT.
    pub conflict: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Opslag<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Opslag<T> {}

impl<T: Clone + Send + Sync + 'static> Default for Opslag<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + Send + Sync + 'static> Opslag<T> {
    /// Nothing sent yet.
    pub fn new() -> Self {
        Opslag {
            velden: VeldFouten::new(),
            fout: RwSignal::new(None),
            conflict: RwSignal::new(None),
        }
    }

    /// Sends `invoer` with `bewaar`. Saved: messages and panel cleared, then `gelukt`. Otherwise the server's
    /// field errors next to the fields, the rest in words, and on CONFLICT `invoer` kept for the panel.
    pub fn stuur<R, Fut>(
        self,
        invoer: T,
        bewaar: impl FnOnce(T) -> Fut + 'static,
        gelukt: impl FnOnce() + 'static,
    ) where
        Fut: Future<Output = Result<R, ApiError>> + 'static,
    {
        spawn_local(async move {
            match bewaar(invoer.clone()).await {
                Ok(_) => {
                    self.fout.set(None);
                    self.conflict.set(None);
                    self.velden.0.set(Vec::new());
                    gelukt();
                }
                Err(e) => {
                    self.conflict
                        .set((e.code() == Some("CONFLICT")).then_some(invoer));
                    toon_fout(&e, self.velden, self.fout);
                }
            }
        });
    }

    /// The conflict panel while there is a conflict: `record` says what of the change the panel shows (`None`:
    /// no panel, e.g. for a new record); `opnieuw` sends the change again with the version now current;
    /// `herladen` takes theirs. `niveau`: the panel's heading level.
    pub fn paneel(
        self,
        record: impl Fn(&T) -> Option<ConflictRecord> + Send + Sync + 'static,
        opnieuw: impl Fn(T, i32) + Copy + Send + Sync + 'static,
        herladen: Callback<()>,
        niveau: u8,
    ) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
        move || {
            let w = self.conflict.get()?;
            let (id, versie, mijn) = record(&w)?;
            let opnieuw = Callback::new(move |nu: i32| opnieuw(w.clone(), nu));
            Some(view! { <BeheerConflict id versie mijn opnieuw herladen niveau /> }.into_any())
        }
    }
}

/// One field as the conflict panel shows it: theirs (after the change made meanwhile) and mine.
#[derive(Debug, Clone, PartialEq)]
struct Verschil {
    veld: String,
    door: String,
    hunne: String,
    mijne: Option<String>,
}

/// The panel for record `id`, read at `versie`; `mijn` are the form's fields (API name, value). `opnieuw`
/// sends one's own change with the version given; `herladen` discards it.
#[component]
pub fn BeheerConflict(
    id: String,
    versie: i32,
    mijn: Vec<(&'static str, String)>,
    opnieuw: Callback<i32>,
    herladen: Callback<()>,
    /// The level of the panel's heading: one below the form's own (default 5, under a plan form's h4).
    #[prop(default = 5)]
    niveau: u8,
) -> impl IntoView {
    let t = thi();
    let kop = match niveau {
        3 => view! { <h3 class="utrecht-heading-3">{t.conflict_kop}</h3> }.into_any(),
        4 => view! { <h4 class="utrecht-heading-4">{t.conflict_kop}</h4> }.into_any(),
        6 => view! { <h6 class="utrecht-heading-6">{t.conflict_kop}</h6> }.into_any(),
        _ => view! { <h5 class="utrecht-heading-5">{t.conflict_kop}</h5> }.into_any(),
    };
    let verschillen = RwSignal::new(None::<(Vec<Verschil>, i32)>);
    let fout = RwSignal::new(None::<String>);
    spawn_local(async move {
        match haal_historie(&id).await {
            Ok(h) => {
                let nu = h.iter().map(|w| w.versie).max().unwrap_or(versie);
                let mut v: Vec<Verschil> = Vec::new();
                // Oldest first, so the last change of a field wins.
                for w in h.iter().rev().filter(|w| w.versie > versie) {
                    for veld in &w.wijzigingen {
                        v.retain(|x| x.veld != veld.veld);
                        v.push(Verschil {
                            veld: veld.veld.clone(),
                            door: w.door.clone(),
                            hunne: veld.naar.clone().unwrap_or_default(),
                            mijne: mijn.iter().find(|(n, _)| *n == veld.veld).map(|(_, w)| w.clone()),
                        });
                    }
                }
                verschillen.set(Some((v, nu)));
            }
            Err(e) => fout.set(Some(uitleg(&e))),
        }
    });
    let leeg = |s: &str| {
        if s.is_empty() {
            thi().leeg_veld.to_string()
        } else {
            s.to_string()
        }
    };
    view! {
        <div class="conflict" data-testid="beheer-conflict">
            {kop}
            {move || fout.get().map(|f| view! { <p class="fout-melding">{f}</p> })}
            {move || verschillen.get().map(|(v, nu)| {
                let rijen = v
                    .into_iter()
                    .map(|x| view! {
                        <tr class="utrecht-table__row" data-testid="conflict-veld" data-veld=x.veld.clone()>
                            <th class="utrecht-table__header-cell" scope="row">{x.veld.clone()}</th>
                            <td class="utrecht-table__cell" data-testid="conflict-hunne">{format!("{} ({})", leeg(&x.hunne), x.door)}</td>
                            <td class="utrecht-table__cell" data-testid="conflict-mijne">{x.mijne.as_deref().map(leeg).unwrap_or_else(|| thi().niet_in_formulier.to_string())}</td>
                        </tr>
                    })
                    .collect_view();
                view! {
                    <div class="tabel-houder">
                        <table class="utrecht-table tabel" data-testid="conflict-verschillen">
                            <thead class="utrecht-table__header">
                                <tr class="utrecht-table__row">
                                    <th class="utrecht-table__header-cell" scope="col">{thi().veld}</th>
                                    <th class="utrecht-table__header-cell" scope="col">{thi().hunne}</th>
                                    <th class="utrecht-table__header-cell" scope="col">{thi().mijne}</th>
                                </tr>
                            </thead>
                            <tbody class="utrecht-table__body">{rijen}</tbody>
                        </table>
                    </div>
                    <button type="button" class="utrecht-button utrecht-button--primary-action knop-klein"
                        data-testid="conflict-mijne-opslaan" on:click=move |_| opnieuw.run(nu)>{thi().mijne_opslaan}</button>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action knop-klein"
                        data-testid="conflict-herladen" on:click=move |_| herladen.run(())>{thi().hunne_houden}</button>
                }
            })}
        </div>
    }
}
