//! The texts of the webhooks on the beheer page, per language (see [`super::Taal`]).

/// The texts of the webhooks section in one language. Texts with values are functions.
#[derive(Debug)]
pub struct WebhookTeksten {
    /// Heading: webhooks.
    pub titel: &'static str,
    /// Introduction of the section.
    pub intro: &'static str,
    /// Shown when there are none.
    pub geen: &'static str,
    /// Column: URL.
    pub adres: &'static str,
    /// Column: events.
    pub gebeurtenissen: &'static str,
    /// Column: scope (confidential or not).
    pub bereik: &'static str,
    /// Scope: public work only.
    pub openbaar: &'static str,
    /// Scope: confidential work too.
    pub ook_vertrouwelijk: &'static str,
    /// State: on.
    pub aan: &'static str,
    /// State: off.
    pub uit: &'static str,
    /// The switched-off notice: name, since when, why.
    pub uit_melding: fn(&str, &str, &str) -> String,
    /// Button: show the log of "{naam}".
    pub log_tonen: fn(&str) -> String,
    /// Button: switch "{naam}" on.
    pub aanzetten: fn(&str) -> String,
    /// Button: switch "{naam}" off.
    pub uitschakelen: fn(&str) -> String,
    /// Button: remove "{naam}".
    pub verwijderen: fn(&str) -> String,
    /// Heading of the registration form.
    pub nieuw: &'static str,
    /// Label: URL.
    pub url_label: &'static str,
    /// Label: own secret (optional).
    pub geheim_label: &'static str,
    /// Legend: which events.
    pub gebeurtenissen_keuze: &'static str,
    /// Checkbox: confidential work too.
    pub vertrouwelijk_label: &'static str,
    /// Button: register.
    pub registreren: &'static str,
    /// Refusal before sending: no event chosen.
    pub kies_gebeurtenis: &'static str,
    /// Shown once with the new secret.
    pub geheim_eenmalig: &'static str,
    /// An event, by its API name.
    pub gebeurtenis_naam: fn(&str) -> &'static str,
    /// A delivery state, by its API name.
    pub toestand_naam: fn(&str) -> &'static str,
    /// Heading of the delivery log of "{naam}".
    pub log_titel: fn(&str) -> String,
    /// Shown when a webhook has no deliveries yet.
    pub geen_leveringen: &'static str,
    /// Column: event.
    pub gebeurtenis: &'static str,
    /// Column: state.
    pub toestand: &'static str,
    /// Column: tries.
    pub pogingen: &'static str,
    /// Column: last answer.
    pub antwoord: &'static str,
    /// Column: next try.
    pub volgende_poging: &'static str,
    /// Button: send again.
    pub opnieuw: &'static str,
    /// Button: load the list or log again.
    pub verversen: &'static str,
    /// "{n} of {total} deliveries".
    pub aantal: fn(usize, u64) -> String,
}

fn gebeurtenis_nl(g: &str) -> &'static str {
    match g {
        "ACTIE_AANGEMAAKT" => "actie aangemaakt",
        "ACTIE_GEWIJZIGD" => "actie gewijzigd",
        "ACTIE_VOORTGANG" => "voortgang gerapporteerd",
        "ACTIEPLAN_GEWIJZIGD" => "actieplan gewijzigd",
        _ => "onbekend",
    }
}

fn gebeurtenis_en(g: &str) -> &'static str {
    match g {
        "ACTIE_AANGEMAAKT" => "action created",
        "ACTIE_GEWIJZIGD" => "action changed",
        "ACTIE_VOORTGANG" => "progress reported",
        "ACTIEPLAN_GEWIJZIGD" => "action plan changed",
        _ => "unknown",
    }
}

fn toestand_nl(t: &str) -> &'static str {
    match t {
        "WACHTEND" => "wacht",
        "BEZORGD" => "bezorgd",
        "GESTOPT" => "gestopt (webhook uit)",
        _ => "onbekend",
    }
}

fn toestand_en(t: &str) -> &'static str {
    match t {
        "WACHTEND" => "waiting",
        "BEZORGD" => "delivered",
        "GESTOPT" => "stopped (webhook off)",
        _ => "unknown",
    }
}

/// Dutch.
pub static NL: WebhookTeksten = WebhookTeksten {
    titel: "Webhooks",
    intro: "Koers meldt wijzigingen aan systemen van partners: een ondertekend bericht (Standard Webhooks) naar hun adres, zo nodig herhaald tot het aankomt. Een webhook ziet alleen wat zijn bereik mag zien.",
    geen: "Er zijn nog geen webhooks.",
    adres: "Adres",
    gebeurtenissen: "Gebeurtenissen",
    bereik: "Bereik",
    openbaar: "alleen openbaar werk",
    ook_vertrouwelijk: "ook vertrouwelijk werk",
    aan: "aan",
    uit: "uit",
    uit_melding: |naam, sinds, reden| {
        format!(
            "Webhook {naam} staat sinds {sinds} uit: {reden}. Zet hem weer aan zodra de ontvanger werkt; de wachtende berichten gaan dan alsnog op weg."
        )
    },
    log_tonen: |naam| format!("Leveringen van {naam}"),
    aanzetten: |naam| format!("Webhook {naam} aanzetten"),
    uitschakelen: |naam| format!("Webhook {naam} uitschakelen"),
    verwijderen: |naam| format!("Webhook {naam} verwijderen"),
    nieuw: "Nieuwe webhook",
    url_label: "Adres (https://…)",
    geheim_label: "Eigen geheim (optioneel, whsec_…; leeg: Koers maakt er een)",
    gebeurtenissen_keuze: "Gebeurtenissen",
    vertrouwelijk_label: "Ook berichten over vertrouwelijk werk",
    registreren: "Webhook registreren",
    kies_gebeurtenis: "Kies minstens één gebeurtenis.",
    geheim_eenmalig: "Geef dit geheim veilig door aan de partner: daarmee controleert die de handtekening van elk bericht. Koers toont het niet opnieuw.",
    gebeurtenis_naam: gebeurtenis_nl,
    toestand_naam: toestand_nl,
    log_titel: |naam| format!("Leveringen van {naam}"),
    geen_leveringen: "Nog geen leveringen.",
    gebeurtenis: "Gebeurtenis",
    toestand: "Stand",
    pogingen: "Pogingen",
    antwoord: "Laatste antwoord",
    volgende_poging: "Volgende poging",
    opnieuw: "Opnieuw versturen",
    verversen: "Verversen",
    aantal: |n, totaal| format!("{n} van {totaal} leveringen"),
};

/// English.
pub static EN: WebhookTeksten = WebhookTeksten {
    titel: "Webhooks",
    intro: "Koers tells partners' systems of changes: a signed message (Standard Webhooks) to their address, repeated until it arrives. A webhook sees only what its scope may see.",
    geen: "There are no webhooks yet.",
    adres: "Address",
    gebeurtenissen: "Events",
    bereik: "Scope",
    openbaar: "public work only",
    ook_vertrouwelijk: "confidential work too",
    aan: "on",
    uit: "off",
    uit_melding: |naam, sinds, reden| {
        format!(
            "Webhook {naam} has been off since {sinds}: {reden}. Switch it on again once the receiver works; the waiting messages then go out after all."
        )
    },
    log_tonen: |naam| format!("Deliveries of {naam}"),
    aanzetten: |naam| format!("Switch webhook {naam} on"),
    uitschakelen: |naam| format!("Switch webhook {naam} off"),
    verwijderen: |naam| format!("Remove webhook {naam}"),
    nieuw: "New webhook",
    url_label: "Address (https://…)",
    geheim_label: "Own secret (optional, whsec_…; empty: Koers makes one)",
    gebeurtenissen_keuze: "Events",
    vertrouwelijk_label: "Messages about confidential work too",
    registreren: "Register webhook",
    kies_gebeurtenis: "Choose at least one event.",
    geheim_eenmalig: "Pass this secret on to the partner safely: it checks the signature of every message with it. Koers will not show it again.",
    gebeurtenis_naam: gebeurtenis_en,
    toestand_naam: toestand_en,
    log_titel: |naam| format!("Deliveries of {naam}"),
    geen_leveringen: "No deliveries yet.",
    gebeurtenis: "Event",
    toestand: "State",
    pogingen: "Tries",
    antwoord: "Last answer",
    volgende_poging: "Next try",
    opnieuw: "Send again",
    verversen: "Refresh",
    aantal: |n, totaal| format!("{n} of {totaal} deliveries"),
};

/// The webhook texts in the current language.
pub fn tw() -> &'static WebhookTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::webhooks::GEBEURTENISSEN;

    #[test]
    fn every_event_and_state_has_a_name_in_both_languages() {
        for t in [&NL, &EN] {
            for g in GEBEURTENISSEN {
                assert_ne!((t.gebeurtenis_naam)(g), (t.gebeurtenis_naam)("?"), "{g}");
            }
            for s in ["WACHTEND", "BEZORGD", "GESTOPT"] {
                assert_ne!((t.toestand_naam)(s), (t.toestand_naam)("?"), "{s}");
            }
        }
    }
}
