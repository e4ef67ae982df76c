//! Secrets for sessions, CSRF and API tokens: 256 random bits from the OS, stored only as SHA-256.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// Prefix of every API token, so that secret scanners and people recognise one.
pub const TOKEN_PREFIX: &str = "koers_";

/// 32 random bytes, base64url without padding (43 characters).
pub fn willekeurig() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The hex SHA-256 of a secret, as stored. A fast hash is right here: the secrets are long and random, so
/// there is nothing to guess; passwords use argon2 instead.
pub fn hash(geheim: &str) -> String {
    let digest = Sha256::digest(geheim.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new API token: `koers_<8 id chars>_<secret>`; returns the token and its public prefix.
pub fn nieuw_token() -> (String, String) {
    let id: String = willekeurig()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let prefix = format!("{TOKEN_PREFIX}{id}");
    (format!("{prefix}_{}", willekeurig()), prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_hash_stably() {
        let a = willekeurig();
        let b = willekeurig();
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(hash(&a), hash(&a));
        assert_ne!(hash(&a), hash(&b));
        assert_eq!(hash("abc").len(), 64);
    }

    #[test]
    fn a_token_starts_with_its_prefix() {
        let (token, prefix) = nieuw_token();
        assert!(prefix.starts_with(TOKEN_PREFIX) && prefix.len() == TOKEN_PREFIX.len() + 8);
        assert!(token.starts_with(&format!("{prefix}_")));
        assert!(token.len() > prefix.len() + 40);
    }
}
