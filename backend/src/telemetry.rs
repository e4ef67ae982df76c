//! Structured logging with `tracing`.

use tracing_subscriber::{EnvFilter, fmt};

/// Installs the global subscriber; `filter` is an `EnvFilter` directive such as `info`.
pub fn init(filter: &str, json: bool) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_target(true);
    // A second call (tests) keeps the first subscriber.
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
