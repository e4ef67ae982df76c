//! Standard Webhooks secrets and signatures: a secret is `whsec_` + base64 of 24–64 random bytes; a signature is
//! `v1,` + base64 of the HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the decoded secret.

use crate::error::ServiceError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use koers_shared::Melding;
use koers_shared::webhook::{GEHEIM_MAX_BYTES, GEHEIM_MIN_BYTES, GEHEIM_PREFIX};
use sha2::Sha256;

/// A new secret: 32 bytes from the OS.
pub fn nieuw() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("{GEHEIM_PREFIX}{}", STANDARD.encode(bytes))
}

/// The key bytes of a secret, or why it is no Standard Webhooks secret (for the input field `veld`).
pub fn sleutel(geheim: &str, veld: &str) -> Result<Vec<u8>, ServiceError> {
    let bad = || {
        ServiceError::melding(
            veld,
            Melding::GeheimVorm {
                prefix: GEHEIM_PREFIX.to_string(),
                min: GEHEIM_MIN_BYTES,
                max: GEHEIM_MAX_BYTES,
            },
        )
    };
    let b64 = geheim.strip_prefix(GEHEIM_PREFIX).ok_or_else(bad)?;
    let bytes = STANDARD.decode(b64).map_err(|_| bad())?;
    if !(GEHEIM_MIN_BYTES..=GEHEIM_MAX_BYTES).contains(&bytes.len()) {
        return Err(bad());
    }
    Ok(bytes)
}

/// The `webhook-signature` header value of one message.
pub fn handtekening(sleutel: &[u8], id: &str, tijdstip: i64, body: &str) -> String {
    // HMAC takes keys of any length: this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(sleutel) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(format!("{id}.{tijdstip}.").as_bytes());
    mac.update(body.as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_round_trip_and_bad_ones_are_refused() {
        let g = nieuw();
        assert!(g.starts_with("whsec_"));
        assert_eq!(sleutel(&g, "geheim").unwrap().len(), 32);
        assert!(sleutel("whsec_kort", "geheim").is_err());
        assert!(sleutel("geheim", "geheim").is_err());
    }

    #[test]
    fn signature_matches_the_specs_example() {
        // The example of the Standard Webhooks specification.
        let key = sleutel("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "geheim").unwrap();
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            handtekening(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }
}
