//! Passwords: argon2id with the crate's recommended parameters, checked off the async runtime.

use crate::error::{ServiceError, ServiceResult};
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use koers_shared::Melding;
use std::sync::LazyLock;

/// Shortest accepted password.
pub const MIN_LENGTE: usize = 12;
/// Longest accepted password (argon2 takes any length; this only bounds the work per attempt).
pub const MAX_LENGTE: usize = 256;

/// A hash to verify against when the user does not exist, so that a wrong name costs as long as a wrong
/// password (no user enumeration by timing).
static DUMMY: LazyLock<Option<String>> = LazyLock::new(|| hash_blocking("koers-dummy-wachtwoord").ok());

/// Checks the length rules; the field is `wachtwoord`.
pub fn controleer(wachtwoord: &str) -> ServiceResult<()> {
    let n = wachtwoord.chars().count();
    if n < MIN_LENGTE {
        return Err(ServiceError::melding(
            "wachtwoord",
            Melding::WachtwoordTeKort { min: MIN_LENGTE },
        ));
    }
    if n > MAX_LENGTE {
        return Err(ServiceError::melding(
            "wachtwoord",
            Melding::WachtwoordTeLang { max: MAX_LENGTE },
        ));
    }
    Ok(())
}

fn hash_blocking(wachtwoord: &str) -> ServiceResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(wachtwoord.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ServiceError::Internal(format!("argon2: {e}")))
}

/// The argon2id PHC string of a password that passed [`controleer`].
pub async fn hash(wachtwoord: String) -> ServiceResult<String> {
    controleer(&wachtwoord)?;
    tokio::task::spawn_blocking(move || hash_blocking(&wachtwoord))
        .await
        .map_err(|e| ServiceError::Internal(format!("argon2: {e}")))?
}

/// Whether `wachtwoord` matches `opgeslagen` (`None`: no such user; the check still costs the same).
pub async fn klopt(wachtwoord: String, opgeslagen: Option<String>) -> bool {
    let Some(stored) = opgeslagen.or_else(|| DUMMY.clone()) else {
        return false;
    };
    let echt = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored).is_ok_and(|h| {
            Argon2::default()
                .verify_password(wachtwoord.as_bytes(), &h)
                .is_ok()
        })
    })
    .await;
    echt.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        let h = hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(klopt("correct horse battery".into(), Some(h.clone())).await);
        assert!(!klopt("correct horse batterY".into(), Some(h)).await);
        assert!(!klopt("correct horse battery".into(), None).await);
    }

    #[tokio::test]
    async fn short_passwords_are_refused_with_the_field() {
        let Err(ServiceError::Invalid(f)) = hash("kort".into()).await else {
            panic!("expected invalid")
        };
        assert_eq!(f[0].veld, "wachtwoord");
    }
}
