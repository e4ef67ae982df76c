//! Every selector and query the browser tests use, in one place: the contract between the front end's markup
//! (`data-testid` attributes) and the tests. Change a selector here, never in a test.

mod beheer;
mod bord;
mod presentatie;
mod sinds_rvo;
mod toegang;
mod toegankelijkheid;
mod webhooks;
pub use beheer::*;
pub use bord::*;
pub use presentatie::*;
pub use sinds_rvo::*;
pub use toegang::*;
pub use toegankelijkheid::*;
pub use webhooks::*;

/// The overview page (`/`): the list of all action plans.
pub const OVERZICHT: &str = r#"[data-testid="overzicht"]"#;

/// One action plan on the overview; carries the plan's GraphQL id in [`DATA_ID`].
pub const ACTIEPLAN: &str = r#"[data-testid="actieplan"]"#;

/// One opgave (task) row; carries the opgave's GraphQL id in [`DATA_ID`].
pub const OPGAVE: &str = r#"[data-testid="opgave"]"#;

/// Inside an [`OPGAVE`]: the share of completed actions, written as `koers_shared::procent_tekst`, e.g. `42 %`.
pub const OPGAVE_AANDEEL_AFGEROND: &str = r#"[data-testid="opgave-aandeel-afgerond"]"#;

/// Inside an [`OPGAVE`]: the total number of actions, a plain integer.
pub const OPGAVE_TOTAAL: &str = r#"[data-testid="opgave-totaal"]"#;

/// An error message the front end shows instead of data. The wait helpers fail fast when it appears.
pub const FOUT: &str = r#"[data-testid="fout"]"#;

/// Any element the wasm app renders into `<body>` (`mount_to_body`): present once the app has mounted,
/// whatever the route. `index.html`'s own frame and loading state (`#voorlader`, which the app replaces) and
/// the start script's error box (`data-testid="fout"`, when the wasm fails to load) do not count.
pub const APP_GEMOUNT: &str =
    r#"body > :not(noscript):not(script):not(#voorlader):not([data-testid="fout"])"#;

/// The attribute that carries the GraphQL id of an [`ACTIEPLAN`] or [`OPGAVE`].
pub const DATA_ID: &str = "data-id";

/// A route the app does not know; the server must still answer it with the app (HTTP 200).
pub const ONBEKENDE_ROUTE: &str = "/bestaat-niet";

/// The API query whose answer the overview must show.
pub const OVERZICHT_QUERY: &str =
    "{ actieplannen { id titel opgaven { id rollup { totaal aandeelAfgerond } } } }";

/// The action plan with GraphQL id `id`.
pub fn actieplan(id: &str) -> String {
    format!(r#"{ACTIEPLAN}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The opgave row with GraphQL id `id`.
pub fn opgave(id: &str) -> String {
    format!(r#"{OPGAVE}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The opgave row with GraphQL id `opgave_id`, inside the action plan with GraphQL id `plan_id`.
pub fn opgave_in_plan(plan_id: &str, opgave_id: &str) -> String {
    format!("{} {}", actieplan(plan_id), opgave(opgave_id))
}

/// The completed share shown in the row of opgave `opgave_id` of plan `plan_id`.
pub fn opgave_aandeel_afgerond(plan_id: &str, opgave_id: &str) -> String {
    format!("{} {OPGAVE_AANDEEL_AFGEROND}", opgave_in_plan(plan_id, opgave_id))
}

/// The total shown in the row of opgave `opgave_id` of plan `plan_id`.
pub fn opgave_totaal(plan_id: &str, opgave_id: &str) -> String {
    format!("{} {OPGAVE_TOTAAL}", opgave_in_plan(plan_id, opgave_id))
}

// --- The Actieplan view (`/actieplan/:id`) and the Actie view (`/actie/:id`) -----------------------------

/// On the overview, inside an [`ACTIEPLAN`]: the link to the plan's own page.
pub const ACTIEPLAN_LINK: &str = r#"[data-testid="actieplan-link"]"#;

/// The loaded Actieplan view; carries the plan's GraphQL id in [`DATA_ID`].
pub const ACTIEPLAN_PAGINA: &str = r#"[data-testid="actieplan-pagina"]"#;

/// One opgave of the Actieplan view, in volgorde; carries the opgave's GraphQL id in [`DATA_ID`].
pub const OPGAVE_SECTIE: &str = r#"[data-testid="opgave-sectie"]"#;

/// One shown actie row of the Actieplan view; carries the actie's GraphQL id in [`DATA_ID`].
pub const ACTIE_RIJ: &str = r#"[data-testid="actie-rij"]"#;

/// Inside an [`ACTIE_RIJ`]: the link to the Actie view.
pub const ACTIE_LINK: &str = r#"[data-testid="actie-link"]"#;

/// The form with every filter and the sorting.
pub const FILTER_FORMULIER: &str = r#"[data-testid="filters"]"#;

/// The status filter (`<select>`; option values are the lower-case status, e.g. `in_uitvoering`).
pub const FILTER_STATUS: &str = r#"[data-testid="filter-status"]"#;

/// The health filter (`<select>`).
pub const FILTER_GEZONDHEID: &str = r#"[data-testid="filter-gezondheid"]"#;

/// The organisation filter (`<select>`; option values are organisation ids).
pub const FILTER_ORGANISATIE: &str = r#"[data-testid="filter-organisatie"]"#;

/// The year filter (`<select>`).
pub const FILTER_JAAR: &str = r#"[data-testid="filter-jaar"]"#;

/// The free-text filter (`<input type="search">`).
pub const FILTER_TEKST: &str = r#"[data-testid="filter-tekst"]"#;

/// The sorting (`<select>`).
pub const SORTERING: &str = r#"[data-testid="sortering"]"#;

/// Shown in an opgave when none of its acties passes the filter.
pub const GEEN_ACTIES_FILTER: &str = r#"[data-testid="geen-acties-filter"]"#;

/// How many acties are shown of how many.
pub const AANTAL_GETOOND: &str = r#"[data-testid="aantal-getoond"]"#;

/// Shown instead of the Actieplan or Actie view when the record does not exist.
pub const NIET_GEVONDEN: &str = r#"[data-testid="niet-gevonden"]"#;

/// An id that names no record (and is no valid global id).
pub const ONBEKEND_ID: &str = "bestaat-niet";

/// The loaded Actie view; carries the actie's GraphQL id in [`DATA_ID`].
pub const ACTIE_PAGINA: &str = r#"[data-testid="actie-pagina"]"#;

/// One entry of the history timeline of the Actie view, newest first; its version in [`DATA_VERSIE`].
pub const HISTORIE_ITEM: &str = r#"[data-testid="historie-item"]"#;

/// The attribute that carries the version of a [`HISTORIE_ITEM`].
pub const DATA_VERSIE: &str = "data-versie";

/// Query-string keys of the Actieplan view's filter.
pub const QUERY_STATUS: &str = "status";
/// Query-string key of the sorting.
pub const QUERY_SORTEER: &str = "sorteer";
/// The value of [`SORTERING`] (and of [`QUERY_SORTEER`]) that sorts by title.
pub const SORTEER_TITEL: &str = "titel";
/// Query-string key of the free-text filter.
pub const QUERY_TEKST: &str = "tekst";

/// The `sleutel` of the Mensenhandel thema in the seed.
pub const MENSENHANDEL: &str = "mensenhandel";
/// Key of the seeded Regionaal Actieplan Mensenhandel 2024–2026.
pub const RAP_MENSENHANDEL: &str = "mh-2024-2026";

/// Every plan with its thema's key.
pub const PLANNEN_QUERY: &str = "{ actieplannen { id titel thema { sleutel } } }";

/// The opgaven of a plan in volgorde, each with its acties (ids and status) in the API's order.
pub const PLAN_ACTIES_QUERY: &str =
    "query($id: ID!) { actieplan(id: $id) { opgaven { id volgorde acties { id titel status versie } } } }";

/// The acties that pass a filter (at most 100).
pub const ACTIES_QUERY: &str = "query($filter: ActieFilter) { acties(filter: $filter, first: 100) { totalCount edges { node { id } } } }";

/// The history of an actie.
pub const HISTORIE_QUERY: &str = "query($id: ID!) { actie(id: $id) { versie historie { id versie } } }";

/// Reports progress on an actie.
pub const VOORTGANG_MUTATIE: &str = "mutation($invoer: VoortgangRapporterenInvoer!) { \
actieVoortgangRapporteren(invoer: $invoer) { versie } }";

/// The Actie view of actie `id`.
pub fn actie_pad(id: &str) -> String {
    format!("/actie/{id}")
}

/// The Actieplan view of plan `id`.
pub fn actieplan_pad(id: &str) -> String {
    format!("/actieplan/{id}")
}

/// The link to the page of plan `id` on the overview.
pub fn actieplan_link(id: &str) -> String {
    format!("{} {ACTIEPLAN_LINK}", actieplan(id))
}

/// The loaded Actieplan view of plan `id`.
pub fn actieplan_pagina(id: &str) -> String {
    format!(r#"{ACTIEPLAN_PAGINA}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The section of opgave `id` on the Actieplan view.
pub fn opgave_sectie(id: &str) -> String {
    format!(r#"{OPGAVE_SECTIE}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The shown actie rows in the section of opgave `id`.
pub fn acties_in_opgave(id: &str) -> String {
    format!("{} {ACTIE_RIJ}", opgave_sectie(id))
}

/// The link to the Actie view in the row of actie `id`.
pub fn actie_link(id: &str) -> String {
    format!(r#"{ACTIE_RIJ}[{DATA_ID}="{}"] {ACTIE_LINK}"#, css_string(id))
}

/// The loaded Actie view of actie `id`.
pub fn actie_pagina(id: &str) -> String {
    format!(r#"{ACTIE_PAGINA}[{DATA_ID}="{}"]"#, css_string(id))
}

// --- Per organisatie (`/organisaties`, `/organisatie/:id`) and Sinds vorige RVO (`/sinds-rvo`) ------------

/// The list of every organisation, by kind.
pub const ORGANISATIES_PAD: &str = "/organisaties";

/// The link to [`ORGANISATIES_PAD`] in the header of every page.
pub const ORGANISATIES_MENU_LINK: &str = r#"[data-testid="organisaties-link"]"#;

/// The list of organisations (`/organisaties`).
pub const ORGANISATIES_PAGINA: &str = r#"[data-testid="organisaties-pagina"]"#;

/// On the list of organisations: the link to one organisation's page; its GraphQL id in [`DATA_ID`].
pub const ORGANISATIE_LINK: &str = r#"[data-testid="organisatie-link"]"#;

/// The loaded page of one organisation; carries its GraphQL id in [`DATA_ID`].
pub const ORGANISATIE_PAGINA: &str = r#"[data-testid="organisatie-pagina"]"#;

/// One actie on an organisation's page; its GraphQL id in [`DATA_ID`], the role in [`DATA_ROL`].
pub const ORGANISATIE_ACTIE: &str = r#"[data-testid="organisatie-actie"]"#;

/// The attribute of an [`ORGANISATIE_ACTIE`] with the organisation's role: `trekker` or `partner`.
pub const DATA_ROL: &str = "data-rol";

/// Shown on an organisation's page when it leads or joins no actie.
pub const ORGANISATIE_LEEG: &str = r#"[data-testid="organisatie-leeg"]"#;

/// The route of the changes since an RVO meeting.
pub const SINDS_RVO_PAD: &str = "/sinds-rvo";

/// The link to [`SINDS_RVO_PAD`] in the header of every page.
pub const SINDS_RVO_LINK: &str = r#"[data-testid="sinds-rvo-link"]"#;

/// The Sinds-vorige-RVO page (present while loading too).
pub const SINDS_RVO_PAGINA: &str = r#"[data-testid="sinds-rvo-pagina"]"#;

/// The loaded content of the Sinds-vorige-RVO page; the chosen date in [`DATA_DATUM`].
pub const SINDS_RVO_GELADEN: &str = r#"[data-testid="sinds-rvo-geladen"]"#;

/// The attribute of [`SINDS_RVO_GELADEN`] with the chosen date (`JJJJ-MM-DD`).
pub const DATA_DATUM: &str = "data-datum";

/// The select of RVO meeting dates (`<select>`; option values `JJJJ-MM-DD`).
pub const RVO_DATUM: &str = r#"[data-testid="rvo-datum"]"#;

/// The select of the number of weeks without an update.
pub const RVO_WEKEN: &str = r#"[data-testid="rvo-weken"]"#;

/// One change since the chosen date; the actie's GraphQL id in [`DATA_ID`], the kind in [`DATA_SOORT`]
/// (`status`, `gezondheid` or `afgerond`).
pub const WIJZIGING: &str = r#"[data-testid="wijziging"]"#;

/// Shown when nothing changed since the chosen date.
pub const GEEN_WIJZIGINGEN: &str = r#"[data-testid="geen-wijzigingen"]"#;

/// One actie in progress without a recent update; its GraphQL id in [`DATA_ID`].
pub const ZONDER_UPDATE: &str = r#"[data-testid="zonder-update"]"#;

/// Shown when every actie in progress has a recent update.
pub const GEEN_ZONDER_UPDATE: &str = r#"[data-testid="geen-zonder-update"]"#;

/// Every organisation.
pub const ORGANISATIES_QUERY: &str = "{ organisaties { id sleutel naam soort } }";

/// The `sleutel` of the ESSM in the seed.
pub const ESSM: &str = "essm";

/// Every RVO meeting.
pub const RVO_QUERY: &str = "{ rvoVergaderingen { datum } }";

/// One page of acties that pass a filter, with their owners.
pub const ACTIES_MET_ROLLEN_QUERY: &str = "query($filter: ActieFilter, $after: String) { \
acties(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } \
nodes { id status versie trekkers { id } partners { id } } } }";

/// The page of organisation `id`.
pub fn organisatie_pad(id: &str) -> String {
    format!("/organisatie/{id}")
}

/// The loaded page of organisation `id`.
pub fn organisatie_pagina(id: &str) -> String {
    format!(r#"{ORGANISATIE_PAGINA}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The link to organisation `id` on the list of organisations.
pub fn organisatie_link(id: &str) -> String {
    format!(r#"{ORGANISATIE_LINK}[{DATA_ID}="{}"]"#, css_string(id))
}

/// The Sinds-vorige-RVO page with a query string (without `?`), e.g. `datum=2026-01-01&weken=4`.
pub fn sinds_rvo_pad(query: &str) -> String {
    if query.is_empty() {
        SINDS_RVO_PAD.to_string()
    } else {
        format!("{SINDS_RVO_PAD}?{query}")
    }
}

/// The loaded Sinds-vorige-RVO page for date `datum`.
pub fn sinds_rvo_geladen(datum: &str) -> String {
    format!(r#"{SINDS_RVO_GELADEN}[{DATA_DATUM}="{}"]"#, css_string(datum))
}

/// The changes of actie `id`.
pub fn wijzigingen_van(id: &str) -> String {
    format!(r#"{WIJZIGING}[{DATA_ID}="{}"]"#, css_string(id))
}

/// Escapes a value for use inside a double-quoted CSS attribute selector.
fn css_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            _ => out.push(c),
        }
    }
    out
}

/// The CSV export link (plan page, overview).
pub const EXPORT_CSV: &str = r#"[data-testid="export-csv"]"#;
/// The file input of the progress re-import on the plan page.
pub const IMPORT_BESTAND: &str = r#"[data-testid="import-bestand"]"#;
/// Button: check the file (dry run).
pub const IMPORT_CONTROLEREN: &str = r#"[data-testid="import-controleren"]"#;
/// Button: apply the file.
pub const IMPORT_TOEPASSEN: &str = r#"[data-testid="import-toepassen"]"#;
/// The report of a dry run (not applied).
pub const IMPORT_GECONTROLEERD: &str = r#"[data-testid="import-verslag"][data-toegepast="false"]"#;
/// The report of an applied import.
pub const IMPORT_TOEGEPAST: &str = r#"[data-testid="import-verslag"][data-toegepast="true"]"#;
/// A row of the report that changes an actie.
pub const IMPORT_GEWIJZIGD: &str = r#"[data-testid="import-regel"][data-uitkomst="GEWIJZIGD"]"#;
/// A problem in the report.
pub const IMPORT_PROBLEEM: &str = r#"[data-testid="import-probleem"]"#;

#[cfg(test)]
#[path = "fixtures_tests.rs"]
mod tests;
