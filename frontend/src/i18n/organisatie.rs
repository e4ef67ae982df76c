//! The texts of the Per-organisatie and Sinds-vorige-RVO views, per language (see [`super::Taal`]).

use koers_shared::OrganisatieSoort;

/// The texts of the Per-organisatie and Sinds-vorige-RVO views in one language. Texts with values are functions.
#[derive(Debug)]
pub struct OrganisatieTeksten {
    /// Menu item and heading of the list of organisations.
    pub organisaties_menu: &'static str,
    /// Heading of the list of organisations.
    pub organisaties_titel: &'static str,
    /// Introduction of the list of organisations.
    pub organisaties_intro: &'static str,
    /// The plural heading of a kind of organisation.
    pub soort_kop: fn(OrganisatieSoort) -> &'static str,
    /// Shown when the API knows no organisations.
    pub geen_organisaties: &'static str,
    /// Shown when the organisation does not exist.
    pub organisatie_niet_gevonden: &'static str,
    /// Link back to the list of organisations.
    pub naar_organisaties: &'static str,
    /// Summary: how many acties the organisation leads and joins.
    pub aantal_rollen: fn(usize, usize) -> String,
    /// Shown when the organisation leads or joins no actie.
    pub geen_acties: &'static str,
    /// Column and label: the role of the organisation.
    pub rol: &'static str,
    /// The role "leads".
    pub rol_trekker: &'static str,
    /// The role "joins".
    pub rol_partner: &'static str,
    /// Label before a plan.
    pub plan: &'static str,
    /// Caption of a table of acties of an opgave for an organisation.
    pub tabel_bijschrift: fn(&str) -> String,

    /// Menu item of the changes since the last RVO.
    pub sinds_rvo_menu: &'static str,
    /// Heading of the changes since an RVO meeting.
    pub sinds_rvo_titel: &'static str,
    /// Introduction of the page.
    pub sinds_rvo_intro: &'static str,
    /// Label of the select of meeting dates.
    pub rvo_datum: &'static str,
    /// Label of the number of weeks without an update.
    pub weken: &'static str,
    /// Shown when no RVO meeting is known and no date is given.
    pub geen_vergaderingen: &'static str,
    /// Heading of the list of changes.
    pub wijzigingen_kop: fn(&str) -> String,
    /// Shown when nothing changed.
    pub geen_wijzigingen: &'static str,
    /// The kind of a change, as text.
    pub soort_wijziging: fn(&str) -> &'static str,
    /// Heading of the list of acties without an update.
    pub zonder_update_kop: fn(u32, &str) -> String,
    /// Explanation of the list of acties without an update.
    pub zonder_update_uitleg: &'static str,
    /// Shown when every actie in progress has a recent update.
    pub geen_zonder_update: &'static str,
    /// Label before the date of the latest update.
    pub laatste_update: &'static str,
    /// The next meeting, or today when none is planned.
    pub peildatum: fn(Option<&str>) -> String,
    /// "op" before a moment.
    pub op: &'static str,
    /// Column: the change.
    pub kolom_wijziging: &'static str,
    /// Column: when and by whom.
    pub kolom_wanneer: &'static str,
    /// "door" before a person.
    pub door: &'static str,
}

fn nl_soort_kop(soort: OrganisatieSoort) -> &'static str {
    match soort {
        OrganisatieSoort::Samenwerkingsverband => "Samenwerkingsverbanden",
        OrganisatieSoort::Gemeente => "Gemeenten",
        OrganisatieSoort::Politie => "Politie",
        OrganisatieSoort::Justitie => "Justitie",
        OrganisatieSoort::Partner => "Partners",
    }
}

fn nl_aantal_rollen(trekker: usize, partner: usize) -> String {
    let acties = |n: usize| if n == 1 { "actie" } else { "acties" };
    match (trekker, partner) {
        (0, 0) => String::new(),
        (t, 0) => format!("Trekker van {t} {}.", acties(t)),
        (0, p) => format!("Partner in {p} {}.", acties(p)),
        (t, p) => format!("Trekker van {t} {} en partner in {p} {}.", acties(t), acties(p)),
    }
}

fn nl_tabel_bijschrift(opgave: &str) -> String {
    format!("Acties van de organisatie onder de opgave {opgave}")
}

fn nl_wijzigingen_kop(datum: &str) -> String {
    format!("Gewijzigd sinds {datum}")
}

fn nl_soort_wijziging(soort: &str) -> &'static str {
    match soort {
        "afgerond" => "Afgerond",
        "gezondheid" => "Nieuwe aandacht of risico",
        _ => "Status gewijzigd",
    }
}

fn nl_zonder_update_kop(weken: u32, peildatum: &str) -> String {
    if weken == 1 {
        format!("Zonder update in de week vóór {peildatum}")
    } else {
        format!("Zonder update in de {weken} weken vóór {peildatum}")
    }
}

fn nl_peildatum(volgende: Option<&str>) -> String {
    match volgende {
        Some(d) => format!("de volgende RVO-vergadering ({d})"),
        None => "vandaag".to_string(),
    }
}

/// Dutch texts.
pub static NL: OrganisatieTeksten = OrganisatieTeksten {
    organisaties_menu: "Organisaties",
    organisaties_titel: "Organisaties",
    organisaties_intro: "Kies een organisatie om te zien welke acties zij trekt of steunt, in alle plannen.",
    soort_kop: nl_soort_kop,
    geen_organisaties: "Er zijn nog geen organisaties vastgelegd.",
    organisatie_niet_gevonden: "Deze organisatie bestaat niet (meer).",
    naar_organisaties: "Naar alle organisaties",
    aantal_rollen: nl_aantal_rollen,
    geen_acties: "Deze organisatie trekt of steunt nog geen acties.",
    rol: "Rol",
    rol_trekker: "Trekker",
    rol_partner: "Partner",
    plan: "Plan",
    tabel_bijschrift: nl_tabel_bijschrift,

    sinds_rvo_menu: "Sinds vorige RVO",
    sinds_rvo_titel: "Sinds de vorige RVO-vergadering",
    sinds_rvo_intro: "Wat er per plan veranderde sinds de gekozen RVO-vergadering: statuswijzigingen, nieuwe \
aandacht of risico's en afgeronde acties. Daaronder de acties in uitvoering waarvan al lang niets is gemeld.",
    rvo_datum: "RVO-vergadering",
    weken: "Weken zonder update",
    geen_vergaderingen: "Er zijn geen RVO-vergaderingen bekend.",
    wijzigingen_kop: nl_wijzigingen_kop,
    geen_wijzigingen: "Sinds deze datum is er geen status, gezondheid of afronding gewijzigd.",
    soort_wijziging: nl_soort_wijziging,
    zonder_update_kop: nl_zonder_update_kop,
    zonder_update_uitleg: "Acties in uitvoering of doorlopend waarvan de laatste melding van daarvoor is: vraag \
de trekkers om een update. Zonder volgende RVO-vergadering telt Koers terug vanaf vandaag.",
    geen_zonder_update: "Alle acties in uitvoering hebben een recente update.",
    laatste_update: "Laatste update",
    peildatum: nl_peildatum,
    op: "op",
    kolom_wijziging: "Wijziging",
    kolom_wanneer: "Wanneer",
    door: "door",
};

fn en_soort_kop(soort: OrganisatieSoort) -> &'static str {
    match soort {
        OrganisatieSoort::Samenwerkingsverband => "Partnerships",
        OrganisatieSoort::Gemeente => "Municipalities",
        OrganisatieSoort::Politie => "Police",
        OrganisatieSoort::Justitie => "Justice",
        OrganisatieSoort::Partner => "Partners",
    }
}

fn en_aantal_rollen(trekker: usize, partner: usize) -> String {
    let acties = |n: usize| if n == 1 { "action" } else { "actions" };
    match (trekker, partner) {
        (0, 0) => String::new(),
        (t, 0) => format!("Lead of {t} {}.", acties(t)),
        (0, p) => format!("Partner in {p} {}.", acties(p)),
        (t, p) => format!("Lead of {t} {} and partner in {p} {}.", acties(t), acties(p)),
    }
}

fn en_tabel_bijschrift(opgave: &str) -> String {
    format!("Actions of the organisation under the task {opgave}")
}

fn en_wijzigingen_kop(datum: &str) -> String {
    format!("Changed since {datum}")
}

fn en_soort_wijziging(soort: &str) -> &'static str {
    match soort {
        "afgerond" => "Completed",
        "gezondheid" => "New attention or risk",
        _ => "Status changed",
    }
}

fn en_zonder_update_kop(weken: u32, peildatum: &str) -> String {
    if weken == 1 {
        format!("No update in the week before {peildatum}")
    } else {
        format!("No update in the {weken} weeks before {peildatum}")
    }
}

fn en_peildatum(volgende: Option<&str>) -> String {
    match volgende {
        Some(d) => format!("the next RVO meeting ({d})"),
        None => "today".to_string(),
    }
}

/// English texts.
pub static EN: OrganisatieTeksten = OrganisatieTeksten {
    organisaties_menu: "Organisations",
    organisaties_titel: "Organisations",
    organisaties_intro: "Choose an organisation to see which actions it leads or supports, across all plans.",
    soort_kop: en_soort_kop,
    geen_organisaties: "No organisations have been recorded yet.",
    organisatie_niet_gevonden: "This organisation does not exist (any more).",
    naar_organisaties: "To all organisations",
    aantal_rollen: en_aantal_rollen,
    geen_acties: "This organisation does not lead or support any actions yet.",
    rol: "Role",
    rol_trekker: "Lead",
    rol_partner: "Partner",
    plan: "Plan",
    tabel_bijschrift: en_tabel_bijschrift,

    sinds_rvo_menu: "Since last RVO",
    sinds_rvo_titel: "Since the last RVO meeting",
    sinds_rvo_intro: "What changed per plan since the chosen RVO meeting: status changes, new attention or \
risks and completed actions. Below, the actions in progress with no report for a long time.",
    rvo_datum: "RVO meeting",
    weken: "Weeks without an update",
    geen_vergaderingen: "No RVO meetings are known.",
    wijzigingen_kop: en_wijzigingen_kop,
    geen_wijzigingen: "No status, health or completion has changed since this date.",
    soort_wijziging: en_soort_wijziging,
    zonder_update_kop: en_zonder_update_kop,
    zonder_update_uitleg: "Actions in progress or ongoing whose last report is from before then: ask the leads \
for an update. Without a next RVO meeting Koers counts back from today.",
    geen_zonder_update: "Every action in progress has a recent update.",
    laatste_update: "Last update",
    peildatum: en_peildatum,
    op: "on",
    kolom_wijziging: "Change",
    kolom_wanneer: "When",
    door: "by",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_roles_summary() {
        assert_eq!((NL.aantal_rollen)(0, 0), "");
        assert_eq!((NL.aantal_rollen)(1, 0), "Trekker van 1 actie.");
        assert_eq!((NL.aantal_rollen)(0, 4), "Partner in 4 acties.");
        assert_eq!(
            (NL.aantal_rollen)(2, 1),
            "Trekker van 2 acties en partner in 1 actie."
        );
        assert_eq!(
            (NL.zonder_update_kop)(4, "vandaag"),
            "Zonder update in de 4 weken vóór vandaag"
        );
    }
}
