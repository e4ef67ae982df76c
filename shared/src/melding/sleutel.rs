//! The keys of [`super::Melding`], as sent in `extensions.fouten[].sleutel`.

/// The field is required.
pub const VERPLICHT: &str = "VERPLICHT";
/// The text is longer than `max` characters.
pub const TE_LANG: &str = "TE_LANG";
/// The text has a character that cannot be stored (`teken`, hexadecimal code point).
pub const ONGELDIG_TEKEN: &str = "ONGELDIG_TEKEN";
/// The number is not from `min` to `max`.
pub const BUITEN_BEREIK: &str = "BUITEN_BEREIK";
/// An afgeronde actie has progress 100.
pub const AFGEROND_IS_HONDERD: &str = "AFGEROND_IS_HONDERD";
/// Health only while in progress, not with `status`.
pub const GEZONDHEID_BUITEN_UITVOERING: &str = "GEZONDHEID_BUITEN_UITVOERING";
/// Health `gezondheid` requires a reason.
pub const REDEN_VERPLICHT: &str = "REDEN_VERPLICHT";
/// A reason belongs only with aandacht or risico.
pub const REDEN_ONVERWACHT: &str = "REDEN_ONVERWACHT";
/// A key (`sleutel`) is 1 to 100 lower-case letters, digits or dashes.
pub const SLEUTEL_ONGELDIG: &str = "SLEUTEL_ONGELDIG";
/// A period ends before it begins.
pub const PERIODE_OMGEKEERD: &str = "PERIODE_OMGEKEERD";
/// A rough date is `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`.
pub const DATUM_ONGELDIG: &str = "DATUM_ONGELDIG";
/// This thing (`ding`) does not exist.
pub const BESTAAT_NIET: &str = "BESTAAT_NIET";
/// One of these things (`ding`) does not exist.
pub const EEN_BESTAAT_NIET: &str = "EEN_BESTAAT_NIET";
/// This thing (`ding`) exists already.
pub const BESTAAT_AL: &str = "BESTAAT_AL";
/// This thing (`ding`) is retired.
pub const VERVALLEN: &str = "VERVALLEN";
/// A thing (`ding`) is named twice.
pub const DUBBEL: &str = "DUBBEL";
/// A `ding` is 1 to `max` characters.
pub const LENGTE: &str = "LENGTE";
/// `id` is not a valid id.
pub const GEEN_GELDIG_ID: &str = "GEEN_GELDIG_ID";
/// An id of kind `kreeg` where one of kind `verwacht` belongs.
pub const VERKEERDE_SOORT_ID: &str = "VERKEERDE_SOORT_ID";
/// Use field `een` or field `ander`, not both.
pub const NIET_BEIDE: &str = "NIET_BEIDE";
/// Name at least one thema, or leave the field out for all.
pub const MINSTENS_EEN_THEMA: &str = "MINSTENS_EEN_THEMA";
/// Choose at least one event.
pub const MINSTENS_EEN_GEBEURTENIS: &str = "MINSTENS_EEN_GEBEURTENIS";
/// A password has at least `min` characters.
pub const WACHTWOORD_TE_KORT: &str = "WACHTWOORD_TE_KORT";
/// A password has at most `max` characters.
pub const WACHTWOORD_TE_LANG: &str = "WACHTWOORD_TE_LANG";
/// The current password is wrong.
pub const WACHTWOORD_KLOPT_NIET: &str = "WACHTWOORD_KLOPT_NIET";
/// User name or password is wrong.
pub const AANMELDING_KLOPT_NIET: &str = "AANMELDING_KLOPT_NIET";
/// A sign-in is JSON with user name and password.
pub const AANMELDING_VORM: &str = "AANMELDING_VORM";
/// A user name is 1 to `max` characters, without spaces.
pub const GEBRUIKERSNAAM_VORM: &str = "GEBRUIKERSNAAM_VORM";
/// Only a redacteur has themas of their own.
pub const ALLEEN_REDACTEUR_THEMAS: &str = "ALLEEN_REDACTEUR_THEMAS";
/// The last active beheerder cannot go.
pub const LAATSTE_BEHEERDER: &str = "LAATSTE_BEHEERDER";
/// The opgave still has `aantal` acties.
pub const NOG_ACTIES: &str = "NOG_ACTIES";
/// Name every opgave of the plan exactly once.
pub const ELKE_OPGAVE_EEN_KEER: &str = "ELKE_OPGAVE_EEN_KEER";
/// A plan cannot (through others) succeed itself.
pub const OPVOLGER_KRING: &str = "OPVOLGER_KRING";
/// The plan names no successor.
pub const GEEN_OPVOLGER: &str = "GEEN_OPVOLGER";
/// Choose a (not retired) opgave of the succeeding plan.
pub const KIES_OPGAVE_OPVOLGER: &str = "KIES_OPGAVE_OPVOLGER";
/// `aantal` acties have no opgave of the same title in the succeeding plan.
pub const ACTIES_ZONDER_OPGAVE: &str = "ACTIES_ZONDER_OPGAVE";
/// An organisatie does not merge into itself.
pub const IN_ZICHZELF: &str = "IN_ZICHZELF";
/// This organisatie has been merged already.
pub const AL_SAMENGEVOEGD: &str = "AL_SAMENGEVOEGD";
/// This organisatie has itself been merged.
pub const ZELF_SAMENGEVOEGD: &str = "ZELF_SAMENGEVOEGD";
/// There is a meeting on this date already.
pub const DATUM_BEZET: &str = "DATUM_BEZET";
/// The webhook is off.
pub const WEBHOOK_UIT: &str = "WEBHOOK_UIT";
/// This object has no management history.
pub const GEEN_HISTORIE: &str = "GEEN_HISTORIE";
/// A secret is `prefix` and base64 of `min` to `max` bytes.
pub const GEHEIM_VORM: &str = "GEHEIM_VORM";
/// Ask for a .csv or .xlsx file.
pub const BESTANDSFORMAAT: &str = "BESTANDSFORMAAT";
/// Not a valid URL.
pub const GEEN_GELDIGE_URL: &str = "GEEN_GELDIGE_URL";
/// Only http and https addresses.
pub const ALLEEN_HTTP: &str = "ALLEEN_HTTP";
/// A URL without user name or password.
pub const URL_MET_INLOG: &str = "URL_MET_INLOG";
/// A webhook URL has no #fragment.
pub const URL_MET_FRAGMENT: &str = "URL_MET_FRAGMENT";
/// The URL names no host.
pub const URL_ZONDER_HOST: &str = "URL_ZONDER_HOST";
/// Internal addresses (loopback, private, link-local) are not allowed.
pub const INTERN_ADRES: &str = "INTERN_ADRES";
/// The file is larger than `kb` KB.
pub const BESTAND_TE_GROOT: &str = "BESTAND_TE_GROOT";
/// The file is empty.
pub const BESTAND_LEEG: &str = "BESTAND_LEEG";
/// The file has more than `max` rows.
pub const TE_VEEL_REGELS: &str = "TE_VEEL_REGELS";
/// The file is not UTF-8 from line `regel`.
pub const GEEN_UTF8: &str = "GEEN_UTF8";
/// An XLSX file comes as base64.
pub const GEEN_BASE64: &str = "GEEN_BASE64";
/// The XLSX file has no sheet.
pub const GEEN_WERKBLAD: &str = "GEEN_WERKBLAD";
/// Line `regel` of a CSV file cannot be read (`fout`).
pub const CSV_FOUT: &str = "CSV_FOUT";
/// Not a valid XLSX file (`fout`).
pub const GEEN_XLSX: &str = "GEEN_XLSX";
/// The file lacks the columns `kolommen` in its first line.
pub const KOLOMMEN_ONTBREKEN: &str = "KOLOMMEN_ONTBREKEN";
/// The date is not in the year given.
pub const DATUM_NIET_IN_JAAR: &str = "DATUM_NIET_IN_JAAR";
/// The date is not in the quarter given.
pub const DATUM_NIET_IN_KWARTAAL: &str = "DATUM_NIET_IN_KWARTAAL";
/// The field, when given, is not empty.
pub const NIET_LEEG: &str = "NIET_LEEG";
/// A moment lies in the future; only the past can be looked up.
pub const IN_DE_TOEKOMST: &str = "IN_DE_TOEKOMST";
/// The end of a range lies before its start.
pub const TOT_VOOR_VAN: &str = "TOT_VOOR_VAN";
/// A series would have more than `max` points.
pub const TE_VEEL_PUNTEN: &str = "TE_VEEL_PUNTEN";
/// The meeting's snapshot has been frozen already.
pub const STAND_AL_VASTGELEGD: &str = "STAND_AL_VASTGELEGD";
/// Any other problem; its text is Dutch only.
pub const ONGELDIG: &str = "ONGELDIG";
