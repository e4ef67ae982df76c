//! Limits of a webhook registration, shared so that the UI says what the API will refuse.

/// Longest name of a webhook, in characters.
pub const MAX_NAAM: usize = 200;
/// Longest target URL, in bytes.
pub const MAX_URL: usize = 2000;
/// Prefix of a Standard Webhooks secret.
pub const GEHEIM_PREFIX: &str = "whsec_";
/// Fewest bytes a secret decodes to (the spec: 24 to 64).
pub const GEHEIM_MIN_BYTES: usize = 24;
/// Most bytes a secret decodes to.
pub const GEHEIM_MAX_BYTES: usize = 64;
/// Most deliveries one page of a webhook's log shows.
pub const MAX_LEVERINGEN: u64 = 100;
