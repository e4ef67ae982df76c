//! The sign-in page (`/aanmelden?terug=/pad`): name and password, the server's answer in words, and back to
//! where the person came from. A signed-in person sees who they are and can sign out.

use crate::api::{self, ApiError};
use crate::components::fout::uitleg;
use crate::components::zet_titel;
use crate::i18n::tt;
use crate::sessie::{Sessie, haal_ik};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

/// A same-site path to return to; anything else (an absolute or protocol-relative URL) goes home.
pub fn veilig_terug(pad: Option<String>) -> String {
    pad.filter(|p| p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/\\"))
        .unwrap_or_else(|| "/".to_string())
}

/// The words for a failed sign-in.
fn reden(fout: &ApiError) -> String {
    let tt = tt();
    match fout {
        ApiError::Http { status: 401, .. } => tt.fout_aanmelden.to_string(),
        ApiError::Http { status: 429, .. } => tt.fout_te_vaak.to_string(),
        other => uitleg(other),
    }
}

/// The route `/aanmelden`.
#[component]
pub fn AanmeldenPagina() -> impl IntoView {
    let tt = tt();
    zet_titel(tt.aanmelden);
    let sessie = Sessie::van_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let naam = RwSignal::new(String::new());
    let wachtwoord = RwSignal::new(String::new());
    let fout = RwSignal::new(None::<String>);
    let bezig = RwSignal::new(false);

    let verstuur = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (n, w) = (naam.get_untracked(), wachtwoord.get_untracked());
        if n.trim().is_empty() || w.is_empty() {
            fout.set(Some(tt.fout_leeg.to_string()));
            return;
        }
        let terug = veilig_terug(query.read_untracked().get("terug"));
        let navigate = navigate.clone();
        bezig.set(true);
        fout.set(None);
        spawn_local(async move {
            let r = api::aanmelden(n.trim(), &w).await;
            bezig.set(false);
            match r {
                Ok(()) => {
                    wachtwoord.set(String::new());
                    if let Ok(ik) = haal_ik().await {
                        sessie.0.set(Some(ik));
                    }
                    navigate(&terug, Default::default());
                }
                Err(e) => fout.set(Some(reden(&e))),
            }
        });
    };

    let formulier = move || {
        view! {
            <form class="aanmelden" on:submit=verstuur.clone() novalidate data-testid="aanmelden-formulier">
                {move || fout.get().map(|f| view! {
                    <p class="utrecht-form-field-error-message fout-melding" role="alert" data-testid="aanmelden-fout">{f}</p>
                })}
                <div class="utrecht-form-field utrecht-form-field--text">
                    <label class="utrecht-form-label" for="gebruikersnaam">{tt.gebruikersnaam}</label>
                    <input class="utrecht-textbox utrecht-textbox--html-input" id="gebruikersnaam" name="username"
                        type="text" autocomplete="username" required
                        prop:value=move || naam.get()
                        on:input=move |ev| naam.set(event_target_value(&ev)) />
                </div>
                <div class="utrecht-form-field utrecht-form-field--text">
                    <label class="utrecht-form-label" for="wachtwoord">{tt.wachtwoord}</label>
                    <input class="utrecht-textbox utrecht-textbox--html-input" id="wachtwoord" name="password"
                        type="password" autocomplete="current-password" required
                        prop:value=move || wachtwoord.get()
                        on:input=move |ev| wachtwoord.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="utrecht-button utrecht-button--primary-action knop"
                    prop:disabled=move || bezig.get() data-testid="aanmelden-knop">{tt.aanmelden}</button>
            </form>
        }
    };

    view! {
        <section class="pagina aanmelden-pagina" data-testid="aanmelden-pagina">
            <h1 class="utrecht-heading-1">{tt.aanmelden}</h1>
            {move || match sessie.0.get() {
                Some(ik) if ik.is_aangemeld() => view! {
                    <p class="utrecht-paragraph" data-testid="al-aangemeld">{(tt.aangemeld_als)(&ik.naam)}</p>
                }.into_any(),
                _ => view! {
                    <p class="utrecht-paragraph">{tt.aanmelden_intro}</p>
                    {formulier()}
                }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::veilig_terug;

    #[test]
    fn only_same_site_paths_are_returned_to() {
        assert_eq!(veilig_terug(Some("/actie/QQ".into())), "/actie/QQ");
        assert_eq!(veilig_terug(Some("//kwaad.example/x".into())), "/");
        assert_eq!(veilig_terug(Some("https://kwaad.example".into())), "/");
        assert_eq!(veilig_terug(Some("/\\kwaad.example".into())), "/");
        assert_eq!(veilig_terug(None), "/");
    }
}
