//! Limits of the as-of reads ("peilmoment") and the trend series, shared so that the UI asks within them.

/// How far past the server's clock a peilmoment may lie (clock skew between client and server); later is
/// refused, since the future cannot be reconstructed.
pub const PEIL_MARGE_SECONDEN: i64 = 60;

/// The most points one trend series (`rollupReeks`) may have.
pub const MAX_REEKS_PUNTEN: usize = 400;
