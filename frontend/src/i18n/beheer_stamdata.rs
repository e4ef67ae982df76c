//! The texts of the thema's and organisaties sections of the beheer page, per language (see [`super::Taal`]).

/// The thema's and organisaties texts in one language. Texts with values are functions.
#[derive(Debug)]
pub struct StamTeksten {
    /// Heading: thema's.
    pub themas_titel: &'static str,
    /// Introduction of the thema's.
    pub themas_intro: &'static str,
    /// Column / label: name.
    pub naam: &'static str,
    /// Column / label: portefeuillehouder.
    pub portefeuillehouder: &'static str,
    /// Column / label: order.
    pub volgorde: &'static str,
    /// Button: change "{naam}".
    pub wijzigen: fn(&str) -> String,
    /// Heading of a change form: "{naam}".
    pub wijzigen_kop: fn(&str) -> String,
    /// Heading of the new-thema form.
    pub nieuw_thema: &'static str,
    /// Button: create the thema.
    pub thema_maken: &'static str,
    /// Button: save.
    pub opslaan: &'static str,
    /// Button: cancel.
    pub annuleren: &'static str,
    /// Notice: saved.
    pub opgeslagen: &'static str,
    /// Heading: organisaties.
    pub organisaties_titel: &'static str,
    /// Introduction of the organisaties.
    pub organisaties_intro: &'static str,
    /// Column / label: abbreviation.
    pub afkorting: &'static str,
    /// Column / label: kind.
    pub soort: &'static str,
    /// Column: state.
    pub stand: &'static str,
    /// Cell: in use.
    pub in_gebruik: &'static str,
    /// Cell: merged into "{naam}".
    pub samengevoegd_in: fn(&str) -> String,
    /// Heading of the new-organisatie form.
    pub nieuwe_organisatie: &'static str,
    /// Button: add the organisatie.
    pub organisatie_maken: &'static str,
    /// Heading: merge two organisaties.
    pub samenvoegen_titel: &'static str,
    /// Label: the one that goes.
    pub samenvoegen_van: &'static str,
    /// Label: the one that stays.
    pub samenvoegen_naar: &'static str,
    /// Option: choose one.
    pub kies: &'static str,
    /// Button: prepare the merge (shows the confirmation).
    pub samenvoegen: &'static str,
    /// Confirmation: {n} acties of {van} move to {naar}.
    pub bevestig: fn(u64, &str, &str) -> String,
    /// Button: confirm the merge.
    pub ja_samenvoegen: &'static str,
    /// Refusal: choose two different organisaties.
    pub twee_kiezen: &'static str,
    /// Notice: merged.
    pub samengevoegd: fn(&str, &str) -> String,
}

/// Dutch.
pub static NL: StamTeksten = StamTeksten {
    themas_titel: "Thema's",
    themas_intro: "De portefeuilles van het RVO: naam, volgorde in de overzichten en bestuurlijk portefeuillehouder. Een nieuw thema als het RVO er een toevoegt.",
    naam: "Naam",
    portefeuillehouder: "Portefeuillehouder",
    volgorde: "Volgorde",
    wijzigen: |n| format!("{n} wijzigen"),
    wijzigen_kop: |n| format!("Wijzigen: {n}"),
    nieuw_thema: "Nieuw thema",
    thema_maken: "Thema aanmaken",
    opslaan: "Opslaan",
    annuleren: "Annuleren",
    opgeslagen: "De wijziging is opgeslagen.",
    organisaties_titel: "Organisaties",
    organisaties_intro: "Gemeenten, politie, OM en partners die acties trekken of eraan deelnemen. Twee organisaties samenvoegen zet elke koppeling met een actie over; de samengevoegde blijft bewaard voor de historie.",
    afkorting: "Afkorting",
    soort: "Soort",
    stand: "Stand",
    in_gebruik: "In gebruik",
    samengevoegd_in: |n| format!("Samengevoegd in {n}"),
    nieuwe_organisatie: "Nieuwe organisatie",
    organisatie_maken: "Organisatie toevoegen",
    samenvoegen_titel: "Twee organisaties samenvoegen",
    samenvoegen_van: "Organisatie die opgaat in de andere",
    samenvoegen_naar: "Organisatie die blijft",
    kies: "(kies een organisatie)",
    samenvoegen: "Samenvoegen…",
    bevestig: |n, van, naar| {
        format!(
            "{n} actie(s) van {van} gaan over naar {naar}; {van} blijft als samengevoegd bewaard. Samenvoegen?"
        )
    },
    ja_samenvoegen: "Ja, samenvoegen",
    twee_kiezen: "Kies twee verschillende organisaties.",
    samengevoegd: |van, naar| format!("{van} is samengevoegd in {naar}."),
};

/// English.
pub static EN: StamTeksten = StamTeksten {
    themas_titel: "Themes",
    themas_intro: "The portfolios of the RVO: name, order in the overviews and responsible board member. A new theme when the RVO adds one.",
    naam: "Name",
    portefeuillehouder: "Portfolio holder",
    volgorde: "Order",
    wijzigen: |n| format!("Change {n}"),
    wijzigen_kop: |n| format!("Change: {n}"),
    nieuw_thema: "New theme",
    thema_maken: "Create theme",
    opslaan: "Save",
    annuleren: "Cancel",
    opgeslagen: "The change has been saved.",
    organisaties_titel: "Organisations",
    organisaties_intro: "Municipalities, police, public prosecution and partners that lead or take part in actions. Merging two organisations moves every link with an action; the merged one is kept for the history.",
    afkorting: "Abbreviation",
    soort: "Kind",
    stand: "State",
    in_gebruik: "In use",
    samengevoegd_in: |n| format!("Merged into {n}"),
    nieuwe_organisatie: "New organisation",
    organisatie_maken: "Add organisation",
    samenvoegen_titel: "Merge two organisations",
    samenvoegen_van: "Organisation that goes into the other",
    samenvoegen_naar: "Organisation that stays",
    kies: "(choose an organisation)",
    samenvoegen: "Merge…",
    bevestig: |n, van, naar| {
        format!("{n} action(s) of {van} move to {naar}; {van} is kept as merged. Merge?")
    },
    ja_samenvoegen: "Yes, merge",
    twee_kiezen: "Choose two different organisations.",
    samengevoegd: |van, naar| format!("{van} has been merged into {naar}."),
};

/// The thema's and organisaties texts in the current language.
pub fn tsd() -> &'static StamTeksten {
    match super::taal() {
        super::Taal::Nl => &NL,
        super::Taal::En => &EN,
    }
}
