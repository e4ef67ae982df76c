//! Who may manage what above acties: people only (no API tokens); plans and opgaven a beheerder everywhere and a
//! redacteur in its own thema's; thema's, organisaties, RVO meetings and users only a beheerder.

use crate::error::{ServiceError, ServiceResult};
use crate::toegang::{Kijker, Rol, Wie};

/// Refuses anyone but a signed-in person (or the command line) who may change something; the CSRF rule holds.
fn persoon(kijker: &Kijker) -> ServiceResult<()> {
    if !kijker.is_aangemeld() {
        return Err(ServiceError::Unauthenticated);
    }
    if kijker.zonder_csrf {
        return Err(ServiceError::CsrfRequired);
    }
    if matches!(kijker.wie, Wie::Token { .. }) {
        return Err(ServiceError::Forbidden(
            "een API-token beheert geen plannen, thema's of gebruikers".into(),
        ));
    }
    Ok(())
}

/// Refuses unless `kijker` may manage plans at all: a beheerder, or a redacteur (with thema's).
pub fn mag_plannen_beheren(kijker: &Kijker) -> ServiceResult<()> {
    persoon(kijker)?;
    let redacteur = matches!(
        kijker.wie,
        Wie::Gebruiker {
            rol: Rol::Redacteur,
            ..
        }
    );
    if kijker.beheer || (redacteur && !kijker.schrijven.is_leeg()) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "alleen een beheerder of een redacteur beheert plannen".into(),
        ))
    }
}

/// Refuses a plan change in `thema` that `kijker` may not make (a redacteur: only its own thema's).
pub(crate) fn mag_plan_in(kijker: &Kijker, thema: i32) -> ServiceResult<()> {
    mag_plannen_beheren(kijker)?;
    if kijker.beheer || kijker.mag_schrijven(thema) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "u beheert geen plannen in dit thema".into(),
        ))
    }
}

/// Refuses anyone but a beheerder (a person, not a token).
pub fn alleen_beheerder(kijker: &Kijker, wat: &str) -> ServiceResult<()> {
    persoon(kijker)?;
    if kijker.beheer {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(format!("alleen een beheerder {wat}")))
    }
}
