//! Where a webhook may point: an absolute http(s) URL without credentials, and — unless the settings allow it —
//! never a loopback, private, link-local or otherwise internal address (checked when registered and again for
//! every address a name resolves to when delivering, so DNS cannot point it inwards later).

use crate::error::ServiceError;
use koers_shared::melding::{Ding, Melding};
use koers_shared::webhook::MAX_URL;
use reqwest::Url;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A checked target URL, or the reason it is refused (on the input field `url`).
pub fn check_url(url: &str, lokaal_toegestaan: bool) -> Result<Url, ServiceError> {
    let bad = |m: Melding| ServiceError::melding("url", m);
    let url = url.trim();
    if url.is_empty() || url.len() > MAX_URL {
        return Err(bad(Melding::Lengte {
            ding: Ding::Url,
            max: MAX_URL,
        }));
    }
    let parsed = Url::parse(url).map_err(|_| bad(Melding::GeenGeldigeUrl))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(bad(Melding::AlleenHttp));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(bad(Melding::UrlMetInlog));
    }
    if parsed.fragment().is_some() {
        return Err(bad(Melding::UrlMetFragment));
    }
    let Some(host) = parsed.host() else {
        return Err(bad(Melding::UrlZonderHost));
    };
    if !lokaal_toegestaan {
        let intern = match host {
            url::Host::Ipv4(ip) => intern(IpAddr::V4(ip)),
            url::Host::Ipv6(ip) => intern(IpAddr::V6(ip)),
            url::Host::Domain(d) => {
                let d = d.trim_end_matches('.').to_ascii_lowercase();
                d == "localhost"
                    || d.ends_with(".localhost")
                    || d.ends_with(".local")
                    || d.ends_with(".internal")
            }
        };
        if intern {
            return Err(bad(Melding::InternAdres));
        }
    }
    Ok(parsed)
}

/// Whether `ip` is no public internet address: loopback, private, link-local, shared (CGNAT), unspecified,
/// broadcast, multicast, documentation or unique-local; an IPv4-mapped IPv6 address as its IPv4 address.
pub fn intern(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => intern_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => intern_v4(v4),
            None => intern_v6(v6),
        },
    }
}

fn intern_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || a >= 240
}

fn intern_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || first == 0x2001 && ip.segments()[1] == 0x0db8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_targets_are_refused_unless_allowed() {
        for u in [
            "http://127.0.0.1:9000/x",
            "http://localhost/x",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://169.254.169.254/latest",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[fd00::1]/",
            "http://0.0.0.0/",
        ] {
            assert!(check_url(u, false).is_err(), "{u}");
            assert!(check_url(u, true).is_ok(), "{u}");
        }
        assert!(check_url("https://partner.example.org/hook", false).is_ok());
        for u in [
            "ftp://example.org/",
            "example.org",
            "http://user:pw@example.org/",
            "javascript:alert(1)",
            "",
        ] {
            assert!(check_url(u, true).is_err(), "{u}");
        }
    }
}
