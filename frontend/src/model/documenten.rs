//! Every GraphQL document the dashboard sends, in one place and without dependencies, so that a host test
//! (`backend/tests/api/documenten.rs`) validates each against `backend/schema.graphql`.
//!
//! The texts are the contract with the backend: their field names are fixed.

/// The one selection of a roll-up, shared by every document that asks for one.
macro_rules! rollup_fragment {
    () => {
        " fragment Rollup on Rollup { totaal aandeelAfgerond aandeelInUitvoering gemiddeldeVoortgang \
slechtsteGezondheid aantalVerborgen aantalMetVoortgang aantalPerStatus { status aantal } \
aantalPerGezondheid { gezondheid aantal } }"
    };
}

/// The `Overzicht` query: every thema with its plans and opgaven, each with its roll-up now, its roll-up at
/// `$vorige` (the start of the last RVO meeting's day; now when null), its number of acties overdue with an
/// update at `$peildatum` and its monthly trend since `$trendVan` (`trend`), each point only what the compact
/// chart draws (`TrendPunt`: its moment, the share afgerond and the counts per health).
pub const OVERZICHT_QUERY: &str = concat!(
    "query Overzicht($vorige: DateTime, $peildatum: NaiveDate!, $weken: Int, $trendVan: DateTime!) { themas { \
id naam portefeuillehouder actieplannen { id titel soort periodeVan periodeTot status opgaven { id volgorde \
titel rollup { ...Rollup } vorige: rollup(peilmoment: $vorige) { ...Rollup } \
aantalTeLaat(peildatum: $peildatum, weken: $weken) \
trend: rollupReeks(van: $trendVan, interval: MAAND) { ...TrendPunt } } rollup { ...Rollup } \
vorige: rollup(peilmoment: $vorige) { ...Rollup } aantalTeLaat(peildatum: $peildatum, weken: $weken) \
trend: rollupReeks(van: $trendVan, interval: MAAND) { ...TrendPunt } } } } \
fragment TrendPunt on ReeksPunt { moment rollup { aandeelAfgerond aantalPerGezondheid { gezondheid aantal } } }",
    rollup_fragment!()
);

/// The `Actieplan` query: one plan, its roll-up, and per opgave the roll-up and every actie.
pub const ACTIEPLAN_QUERY: &str = concat!(
    "query Actieplan($id: ID!) { actieplan(id: $id) { id titel soort periodeVan periodeTot status bron \
vastgesteldDoor vastgesteldOp thema { id naam } rollup { ...Rollup } opgaven { id volgorde titel \
rollup { ...Rollup } acties { id titel beschrijving status gezondheid gezondheidReden voortgang jaar kwartaal \
datum vertrouwelijk trekkers { id naam afkorting } partners { id naam afkorting } } } } }",
    rollup_fragment!()
);

/// The `Actie` query: one actie with its opgave and plan, owners and history.
pub const ACTIE_QUERY: &str = "query Actie($id: ID!) { actie(id: $id) { id titel beschrijving opgaveAfgeleid \
opgave { id titel actieplan { id titel thema { id } } } trekkers { id naam afkorting } partners { id naam afkorting } jaar \
kwartaal datum status gezondheid gezondheidReden voortgang vertrouwelijk bron versie gewijzigdOp historie { id \
versie tijdstip door statusVan statusNaar gezondheidVan gezondheidNaar gezondheidRedenVan gezondheidRedenNaar \
voortgangVan voortgangNaar toelichting velden uitBron } } }";

/// Creates an actie; answers its id.
pub const AANMAKEN: &str =
    "mutation Aanmaken($invoer: ActieAanmakenInvoer!) { actieAanmaken(invoer: $invoer) { id } }";

/// Changes an actie; answers its id.
pub const WIJZIGEN: &str =
    "mutation Wijzigen($invoer: ActieWijzigenInvoer!) { actieWijzigen(invoer: $invoer) { id } }";

/// Reports progress on an actie; answers the new version.
pub const VOORTGANG_MUTATIE: &str = "mutation Voortgang($invoer: VoortgangRapporterenInvoer!) { \
actieVoortgangRapporteren(invoer: $invoer) { id versie } }";

/// The `Organisaties` query: every organisation, by name.
pub const ORGANISATIES_QUERY: &str =
    "query Organisaties { organisaties { id sleutel naam afkorting soort } }";

/// The `RvoVergaderingen` query: every known RVO meeting, by date.
pub const RVO_QUERY: &str = "query RvoVergaderingen { rvoVergaderingen { id datum omschrijving } }";

/// The `Acties` query: one page of acties that pass a filter, with everything both views show.
pub const ACTIES_QUERY: &str = "query Acties($filter: ActieFilter, $first: Int, $after: String) { \
acties(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { \
id titel status gezondheid gezondheidReden voortgang jaar kwartaal datum vertrouwelijk gewijzigdOp \
trekkers { id naam afkorting } partners { id naam afkorting } opgave { id volgorde titel actieplan { id titel } } \
historie { versie tijdstip door statusVan statusNaar gezondheidVan gezondheidNaar toelichting } } } }";

/// Every token and every thema (for the scope choice).
pub const TOKENS_QUERY: &str = "query Tokens { apiTokens { id naam prefix schrijven vertrouwelijk alleThemas \
themas { naam } verlooptOp laatstGebruiktOp actief ingetrokkenOp } themas { id naam } }";

/// A page of the audit log, newest first.
pub const AUDIT_QUERY: &str = "query Audit($handeling: String, $after: String) { auditLog(handeling: $handeling, \
first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id tijdstip actor \
handeling object details } } } }";

/// Creates a token.
pub const TOKEN_AANMAKEN: &str = "mutation TokenAanmaken($invoer: ApiTokenAanmakenInvoer!) { \
apiTokenAanmaken(invoer: $invoer) { geheim token { id prefix } } }";

/// Revokes a token.
pub const TOKEN_INTREKKEN: &str =
    "mutation TokenIntrekken($id: ID!) { apiTokenIntrekken(id: $id) { id actief } }";

/// The `Ik` query: who is signed in.
pub const IK_QUERY: &str =
    "query Ik { ik { soort naam rol beheerder csrfToken schrijftOveral schrijfThemas { id naam } } }";

/// The roll-up of the presentation's slides: the shared one plus the count per health.
macro_rules! dia_rollup_fragment {
    () => {
        " fragment DiaRollup on Rollup { ...Rollup aantalPerGezondheid { gezondheid aantal } }"
    };
}

/// The `Presentatie` query: every thema with its plans, opgaven and acties, without confidential work.
pub const PRESENTATIE_QUERY: &str = concat!(
    "query Presentatie { themas { naam actieplannen { id titel soort periodeVan periodeTot \
rollup(zonderVertrouwelijk: true) { ...DiaRollup } opgaven { id volgorde titel \
rollup(zonderVertrouwelijk: true) { ...DiaRollup } acties(vertrouwelijk: false) { id titel status gezondheid \
voortgang vertrouwelijk } } } } }",
    dia_rollup_fragment!(),
    rollup_fragment!()
);

/// The subscription of the live updates of the presentation mode.
pub const LIVE_SUBSCRIPTION: &str = concat!(
    "subscription Live { actieGewijzigd(zonderVertrouwelijk: true) { actie { id titel status gezondheid \
voortgang vertrouwelijk } verborgen opgave { id } opgaveRollup { ...DiaRollup } } }",
    dia_rollup_fragment!(),
    rollup_fragment!()
);

/// Every webhook (never its secret) and every thema (for the scope choice).
pub const WEBHOOKS_QUERY: &str = "query Webhooks { webhooks { id naam url gebeurtenissen alleThemas \
themas { naam } vertrouwelijk actief uitgeschakeldReden uitgeschakeldOp opeenvolgendeFouten } themas { id naam } }";

/// The newest deliveries of one webhook.
pub const LEVERINGEN_QUERY: &str = "query Leveringen($id: ID!) { webhook(id: $id) { id leveringen(first: 50) { \
totalCount edges { node { id gebeurtenis toestand pogingen volgendePogingOp laatsteStatus laatsteAntwoord \
laatsteFout aangemaaktOp bezorgdOp } } } } }";

/// Registers a webhook; answers its secret once.
pub const WEBHOOK_AANMAKEN: &str = "mutation WebhookAanmaken($invoer: WebhookAanmakenInvoer!) { \
webhookAanmaken(invoer: $invoer) { geheim webhook { id } } }";

/// Switches a webhook on again.
pub const WEBHOOK_AANZETTEN: &str =
    "mutation WebhookAanzetten($id: ID!) { webhookAanzetten(id: $id) { id actief } }";

/// Switches a webhook off.
pub const WEBHOOK_UITSCHAKELEN: &str =
    "mutation WebhookUitschakelen($id: ID!) { webhookUitschakelen(id: $id) { id actief } }";

/// Removes a webhook with its log.
pub const WEBHOOK_VERWIJDEREN: &str = "mutation WebhookVerwijderen($id: ID!) { webhookVerwijderen(id: $id) }";

/// Sends a delivery again.
pub const LEVERING_OPNIEUW: &str =
    "mutation LeveringOpnieuw($id: ID!) { leveringOpnieuw(id: $id) { id toestand } }";

/// Every thema with its plans (version, successor) and their opgaven, for the beheer of plans.
pub const BEHEER_PLANNEN_QUERY: &str = "query BeheerPlannen { themas { id naam actieplannen { id titel soort \
periodeVan periodeTot vastgesteldDoor vastgesteldOp bron status versie opvolger { id titel } \
opgaven { id volgorde titel beschrijving bron versie vervallen } } } }";

/// Creates a plan; answers its id.
pub const ACTIEPLAN_AANMAKEN: &str = "mutation ActieplanAanmaken($invoer: ActieplanAanmakenInvoer!) { \
actieplanAanmaken(invoer: $invoer) { id } }";

/// Changes a plan; answers its new version.
pub const ACTIEPLAN_WIJZIGEN: &str = "mutation ActieplanWijzigen($invoer: ActieplanWijzigenInvoer!) { \
actieplanWijzigen(invoer: $invoer) { id versie } }";

/// Creates an opgave at the end of its plan; answers its id.
pub const OPGAVE_AANMAKEN: &str = "mutation OpgaveAanmaken($invoer: OpgaveAanmakenInvoer!) { \
opgaveAanmaken(invoer: $invoer) { id } }";

/// Preview: the open acties of a plan and the opgave of its successor each goes to. Changes nothing.
pub const VERPLAATSING_QUERY: &str = "query Verplaatsing($actieplan: ID!, $naarOpgave: ID) { \
verplaatsingNaarOpvolger(actieplan: $actieplan, naarOpgave: $naarOpgave) { zonderOpgave opvolger { id titel } \
regels { actie { id titel } van { id titel } naar { id titel } } } }";

/// Moves the open acties of a plan to its successor, in one step.
pub const ACTIES_NAAR_OPVOLGER: &str = "mutation ActiesNaarOpvolger($actieplan: ID!, $naarOpgave: ID) { \
actiesNaarOpvolger(actieplan: $actieplan, naarOpgave: $naarOpgave) { regels { actie { id } } } }";

/// Changes an opgave (title, description, source) or retires / restores it; answers its new version.
pub const OPGAVE_WIJZIGEN: &str = "mutation OpgaveWijzigen($invoer: OpgaveWijzigenInvoer!) { \
opgaveWijzigen(invoer: $invoer) { id versie } }";

/// Puts a plan's opgaven in a new order (each with the version read).
pub const OPGAVEN_ORDENEN: &str = "mutation OpgavenOrdenen($actieplan: ID!, $opgaven: [OpgavePlaats!]!) { \
opgavenOrdenen(actieplan: $actieplan, opgaven: $opgaven) { id versie } }";

/// Every thema and organisatie with its version, for the beheer of thema's and organisaties.
pub const STAMDATA_QUERY: &str = "query Stamdata { themas { id naam portefeuillehouder volgorde versie bron } \
organisaties { id naam afkorting soort versie bron samengevoegdIn } }";

/// Creates a thema.
pub const THEMA_AANMAKEN: &str = "mutation ThemaAanmaken($invoer: ThemaAanmakenInvoer!) { \
themaAanmaken(invoer: $invoer) { id } }";

/// Changes a thema's name, order or portefeuillehouder.
pub const THEMA_WIJZIGEN: &str = "mutation ThemaWijzigen($invoer: ThemaWijzigenInvoer!) { \
themaWijzigen(invoer: $invoer) { id versie } }";

/// Adds an organisatie.
pub const ORGANISATIE_AANMAKEN: &str = "mutation OrganisatieAanmaken($invoer: OrganisatieAanmakenInvoer!) { \
organisatieAanmaken(invoer: $invoer) { id } }";

/// Changes an organisatie.
pub const ORGANISATIE_WIJZIGEN: &str = "mutation OrganisatieWijzigen($invoer: OrganisatieWijzigenInvoer!) { \
organisatieWijzigen(invoer: $invoer) { id versie } }";

/// How many acties an organisatie is linked to (what a merge moves).
pub const ORGANISATIE_ACTIES: &str = "query OrganisatieActies($id: ID!) { \
acties(filter: { organisatie: $id }, first: 1) { totalCount } }";

/// Merges organisatie `van` into `naar`.
pub const ORGANISATIES_SAMENVOEGEN: &str = "mutation OrganisatiesSamenvoegen($van: OrganisatieVersie!, \
$naar: OrganisatieVersie!) { organisatiesSamenvoegen(van: $van, naar: $naar) { id versie } }";

/// Imports one plan (TOML in the seed's format): a dry run lists what would be made and every problem by line;
/// without `droogoefenen` it is made (only when there is no problem).
pub const ACTIEPLAN_IMPORTEREN: &str = "mutation ActieplanImporteren($toml: String!, $droogoefenen: Boolean!) { \
actieplanImporteren(toml: $toml, droogoefenen: $droogoefenen) { toegepast teMaken { soort sleutel titel regel } \
problemen { regel melding } actieplan { id titel } } }";

/// Imports one plan from a file in the export's layout (CSV text or XLSX in base64): a dry run or for real.
pub const ACTIEPLAN_IMPORTEREN_BESTAND: &str = "mutation ActieplanImporterenBestand($bestand: BestandInvoer!, \
$droogoefenen: Boolean!) { actieplanImporterenBestand(bestand: $bestand, droogoefenen: $droogoefenen) { toegepast \
teMaken { soort sleutel titel regel } problemen { regel melding } actieplan { id titel } } }";

/// The history of a thema, plan, opgave or organisatie: who, when, per field before → after.
pub const BEHEER_HISTORIE: &str = "query BeheerHistorie($id: ID!) { beheerHistorie(id: $id) { versie tijdstip \
door velden wijzigingen { veld van naar } toelichting uitBron } }";

/// Every RVO meeting with its version, for the beheer of RVO dates.
pub const BEHEER_RVO_QUERY: &str = "query BeheerRvo { rvoVergaderingen { id datum omschrijving versie } \
rvoStanden { vergadering { id } vastgelegdOp door } }";

/// Freezes the snapshot of every plan for an RVO meeting.
pub const RVO_STAND_VASTLEGGEN: &str = "mutation RvoStandVastleggen($vergadering: ID!) { \
rvoStandVastleggen(vergadering: $vergadering) { vergadering { id } vastgelegdOp door } }";

/// Plans an RVO meeting.
pub const RVO_AANMAKEN: &str = "mutation RvoAanmaken($invoer: RvoVergaderingAanmakenInvoer!) { \
rvoVergaderingAanmaken(invoer: $invoer) { id } }";

/// Moves an RVO meeting to another date.
pub const RVO_WIJZIGEN: &str = "mutation RvoWijzigen($invoer: RvoVergaderingWijzigenInvoer!) { \
rvoVergaderingWijzigen(invoer: $invoer) { id versie } }";

/// Removes an RVO meeting.
pub const RVO_VERWIJDEREN: &str = "mutation RvoVerwijderen($id: ID!, $versie: Int!) { \
rvoVergaderingVerwijderen(id: $id, versie: $versie) { id } }";

/// Every user (beheerders only) and every thema, for the beheer of users.
pub const GEBRUIKERS_QUERY: &str = "query Gebruikers { gebruikers { id gebruikersnaam naam rol actief versie \
themas { id naam } } themas { id naam } }";

/// Creates a user; answers the user name.
pub const GEBRUIKER_AANMAKEN: &str = "mutation GebruikerAanmaken($invoer: GebruikerAanmakenInvoer!) { \
gebruikerAanmaken(invoer: $invoer) }";

/// Changes a user's role, thema's or whether she is active.
pub const GEBRUIKER_WIJZIGEN: &str = "mutation GebruikerWijzigen($invoer: GebruikerWijzigenInvoer!) { \
gebruikerWijzigen(invoer: $invoer) { id versie } }";

/// Gives a user a new password.
pub const WACHTWOORD_HERSTELLEN: &str = "mutation WachtwoordHerstellen($id: ID!, $versie: Int!, \
$wachtwoord: String!) { wachtwoordHerstellen(id: $id, versie: $versie, wachtwoord: $wachtwoord) { id versie } }";

/// Changes the signed-in user's own password.
pub const WACHTWOORD_WIJZIGEN: &str = "mutation WachtwoordWijzigen($huidigWachtwoord: String!, \
$nieuwWachtwoord: String!) { wachtwoordWijzigen(huidigWachtwoord: $huidigWachtwoord, \
nieuwWachtwoord: $nieuwWachtwoord) }";

/// The monthly trend of a plan (share afgerond, counts per health) from a moment until now.
pub const TREND_QUERY: &str = concat!(
    "query Trend($id: ID!, $van: DateTime!, $zonder: Boolean) { actieplan(id: $id) { id \
rollupReeks(van: $van, interval: MAAND, zonderVertrouwelijk: $zonder) { moment rollup { ...Rollup aantalPerGezondheid { gezondheid aantal } } } } }",
    rollup_fragment!()
);

/// Re-imports an export (CSV text or XLSX in base64) for bulk progress updates: a dry run or the whole file.
pub const VOORTGANG_IMPORTEREN: &str = "mutation VoortgangImporteren($bestand: BestandInvoer!, $droogoefenen: Boolean) { \
voortgangImporteren(bestand: $bestand, droogoefenen: $droogoefenen) { toegepast regels { regel actie titel uitkomst \
velden versie genegeerd } problemen { regel veld code melding huidigeVersie } } }";

/// The `RvoStanden` query: which meetings have a frozen snapshot, and of when.
pub const RVO_STANDEN_QUERY: &str = "query RvoStanden { rvoStanden { vergadering { id } datum peilmoment } }";

/// The `RvoVergelijking` query: what changed since a meeting's snapshot, until now or a later one's; with the
/// plans of now for their titles.
pub const RVO_VERGELIJKING_QUERY: &str = "query RvoVergelijking($van: ID!, $met: ID) { \
rvoVergelijking(van: $van, met: $met) { van { datum peilmoment plannen { id titel } } met { vergadering { id } \
datum peilmoment } verschillen { plan actie titel voor { ...Toestand } na { ...Toestand } } } \
actieplannen { id titel } } fragment Toestand on StandActie { status gezondheid gezondheidReden voortgang }";

/// Every document above, by name: what the host test validates.
pub const ALLE: &[(&str, &str)] = &[
    ("OVERZICHT_QUERY", OVERZICHT_QUERY),
    ("ACTIEPLAN_QUERY", ACTIEPLAN_QUERY),
    ("ACTIE_QUERY", ACTIE_QUERY),
    ("AANMAKEN", AANMAKEN),
    ("WIJZIGEN", WIJZIGEN),
    ("VOORTGANG_MUTATIE", VOORTGANG_MUTATIE),
    ("ORGANISATIES_QUERY", ORGANISATIES_QUERY),
    ("RVO_QUERY", RVO_QUERY),
    ("ACTIES_QUERY", ACTIES_QUERY),
    ("TOKENS_QUERY", TOKENS_QUERY),
    ("AUDIT_QUERY", AUDIT_QUERY),
    ("TOKEN_AANMAKEN", TOKEN_AANMAKEN),
    ("TOKEN_INTREKKEN", TOKEN_INTREKKEN),
    ("IK_QUERY", IK_QUERY),
    ("PRESENTATIE_QUERY", PRESENTATIE_QUERY),
    ("LIVE_SUBSCRIPTION", LIVE_SUBSCRIPTION),
    ("WEBHOOKS_QUERY", WEBHOOKS_QUERY),
    ("LEVERINGEN_QUERY", LEVERINGEN_QUERY),
    ("WEBHOOK_AANMAKEN", WEBHOOK_AANMAKEN),
    ("WEBHOOK_AANZETTEN", WEBHOOK_AANZETTEN),
    ("WEBHOOK_UITSCHAKELEN", WEBHOOK_UITSCHAKELEN),
    ("WEBHOOK_VERWIJDEREN", WEBHOOK_VERWIJDEREN),
    ("LEVERING_OPNIEUW", LEVERING_OPNIEUW),
    ("BEHEER_PLANNEN_QUERY", BEHEER_PLANNEN_QUERY),
    ("ACTIEPLAN_AANMAKEN", ACTIEPLAN_AANMAKEN),
    ("ACTIEPLAN_WIJZIGEN", ACTIEPLAN_WIJZIGEN),
    ("OPGAVE_AANMAKEN", OPGAVE_AANMAKEN),
    ("VERPLAATSING_QUERY", VERPLAATSING_QUERY),
    ("ACTIES_NAAR_OPVOLGER", ACTIES_NAAR_OPVOLGER),
    ("OPGAVE_WIJZIGEN", OPGAVE_WIJZIGEN),
    ("OPGAVEN_ORDENEN", OPGAVEN_ORDENEN),
    ("STAMDATA_QUERY", STAMDATA_QUERY),
    ("THEMA_AANMAKEN", THEMA_AANMAKEN),
    ("THEMA_WIJZIGEN", THEMA_WIJZIGEN),
    ("ORGANISATIE_AANMAKEN", ORGANISATIE_AANMAKEN),
    ("ORGANISATIE_WIJZIGEN", ORGANISATIE_WIJZIGEN),
    ("ORGANISATIE_ACTIES", ORGANISATIE_ACTIES),
    ("ORGANISATIES_SAMENVOEGEN", ORGANISATIES_SAMENVOEGEN),
    ("ACTIEPLAN_IMPORTEREN", ACTIEPLAN_IMPORTEREN),
    ("ACTIEPLAN_IMPORTEREN_BESTAND", ACTIEPLAN_IMPORTEREN_BESTAND),
    ("BEHEER_HISTORIE", BEHEER_HISTORIE),
    ("BEHEER_RVO_QUERY", BEHEER_RVO_QUERY),
    ("TREND_QUERY", TREND_QUERY),
    ("RVO_AANMAKEN", RVO_AANMAKEN),
    ("RVO_WIJZIGEN", RVO_WIJZIGEN),
    ("RVO_VERWIJDEREN", RVO_VERWIJDEREN),
    ("RVO_STAND_VASTLEGGEN", RVO_STAND_VASTLEGGEN),
    ("GEBRUIKERS_QUERY", GEBRUIKERS_QUERY),
    ("GEBRUIKER_AANMAKEN", GEBRUIKER_AANMAKEN),
    ("GEBRUIKER_WIJZIGEN", GEBRUIKER_WIJZIGEN),
    ("WACHTWOORD_HERSTELLEN", WACHTWOORD_HERSTELLEN),
    ("WACHTWOORD_WIJZIGEN", WACHTWOORD_WIJZIGEN),
    ("VOORTGANG_IMPORTEREN", VOORTGANG_IMPORTEREN),
    ("RVO_STANDEN_QUERY", RVO_STANDEN_QUERY),
    ("RVO_VERGELIJKING_QUERY", RVO_VERGELIJKING_QUERY),
];
