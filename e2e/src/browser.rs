//! Headless Chromium driven through chromedriver and fantoccini, with wait helpers (poll, never sleep blindly)
//! and screenshots into `e2e/artifacts/`. [`axe`] adds accessibility checks (axe-core) and viewport sizes.
//!
//! Paths can be overridden with `KOERS_CHROMIUM` (default `/usr/bin/chromium`) and `KOERS_CHROMEDRIVER`
//! (default `chromedriver` from `PATH`).

#[path = "axe.rs"]
pub mod axe;

use crate::{artifacts_dir, fixtures};
use anyhow::{Context, bail};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How long the wait helpers wait by default: the wasm app mounts and loads its data asynchronously.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// How often the wait helpers look again.
const POLL: Duration = Duration::from_millis(100);
/// How long chromedriver may take to accept connections.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(10);

/// Chromium flags for a headless run as root on a closed network.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
];

/// A chromedriver process with one Chromium session. Call [`Browser::close`] at the end of a test; on drop
/// (e.g. after a failed assertion) chromedriver and its browser are killed.
pub struct Browser {
    client: Option<Client>,
    driver: Child,
    // Dropped after the processes are gone: Chromium's profile and chromedriver's log.
    _work_dir: TempDir,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub async fn start() -> anyhow::Result<Self> {
        let chromium = std::env::var("KOERS_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let chromedriver = std::env::var("KOERS_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let work_dir = tempfile::Builder::new().prefix("koers-e2e-browser-").tempdir()?;
        let profile = work_dir.path().join("profile");
        let log_path = work_dir.path().join("chromedriver.log");
        let port = free_port()?;
        let log = std::fs::File::create(&log_path)?;
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            // Its own process group, so that drop can end chromedriver and every browser process at once.
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {chromedriver} (apt-get install chromium-driver)"))?;
        let mut browser = Browser {
            client: None,
            driver,
            _work_dir: work_dir,
        };
        browser.wait_for_driver(port, &log_path)?;

        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium, "args": args }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .with_context(|| {
                format!(
                    "opening a Chromium session ({chromium}); chromedriver log: {}",
                    tail(&log_path)
                )
            })?;
        browser.client = Some(client);
        Ok(browser)
    }

    /// Waits until chromedriver accepts connections (100 ms steps), failing early when it exits.
    fn wait_for_driver(&mut self, port: u16, log_path: &PathBuf) -> anyhow::Result<()> {
        let deadline = Instant::now() + DRIVER_START_TIMEOUT;
        loop {
            if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
                return Ok(());
            }
            if let Some(status) = self.driver.try_wait()? {
                bail!("chromedriver exited with {status}: {}", tail(log_path));
            }
            if Instant::now() > deadline {
                bail!(
                    "chromedriver did not listen on port {port} within 10 s: {}",
                    tail(log_path)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// The WebDriver client.
    pub fn client(&self) -> &Client {
        // Set in `start` before the browser is handed out; only `close` takes it.
        match &self.client {
            Some(client) => client,
            None => unreachable!("Browser used after close"),
        }
    }

    /// Opens `url`.
    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.client()
            .goto(url)
            .await
            .with_context(|| format!("opening {url}"))
    }

    /// Waits until an element matching `css` exists and returns it. Fails fast when the app shows an error
    /// ([`fixtures::FOUT`]; use [`Browser::wait_for_error`] to expect one); on a timeout it saves a
    /// screenshot.
    pub async fn wait_for(&self, css: &str) -> anyhow::Result<Element> {
        self.wait_for_within(css, DEFAULT_TIMEOUT).await
    }

    /// [`Browser::wait_for`] with a given timeout.
    pub async fn wait_for_within(&self, css: &str, timeout: Duration) -> anyhow::Result<Element> {
        let deadline = Instant::now() + timeout;
        loop {
            self.check_no_error(css).await?;
            if let Some(element) = self.find_now(css).await? {
                return Ok(element);
            }
            if Instant::now() > deadline {
                return Err(self.timeout_error(&format!("no element {css}"), timeout).await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the element matching `css` exists and its trimmed text equals `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        let mut seen = None;
        loop {
            self.check_no_error(css).await?;
            if let Some(element) = self.find_now(css).await? {
                // The element may be re-rendered between finding and reading it.
                if let Ok(text) = element.text().await {
                    if text.trim() == expected {
                        return Ok(());
                    }
                    seen = Some(text.trim().to_string());
                }
            }
            if Instant::now() > deadline {
                let what = format!("{css} should show {expected:?}, last seen {seen:?}");
                return Err(self.timeout_error(&what, DEFAULT_TIMEOUT).await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until at least `min` elements match `css` and returns them all.
    pub async fn wait_for_at_least(&self, css: &str, min: usize) -> anyhow::Result<Vec<Element>> {
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            self.check_no_error(css).await?;
            let found = self.client().find_all(Locator::Css(css)).await?;
            if found.len() >= min {
                return Ok(found);
            }
            if Instant::now() > deadline {
                let what = format!("{} elements {css}, expected at least {min}", found.len());
                return Err(self.timeout_error(&what, DEFAULT_TIMEOUT).await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The `data-id`s of every element matching `css` right now, in document order.
    pub async fn data_ids(&self, css: &str) -> anyhow::Result<Vec<String>> {
        let mut ids = Vec::new();
        for element in self.client().find_all(Locator::Css(css)).await? {
            if let Some(id) = element.attr(fixtures::DATA_ID).await? {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Waits until the `data-id`s of the elements matching `css`, sorted, equal `expected` sorted.
    pub async fn wait_for_ids(&self, css: &str, expected: &[String]) -> anyhow::Result<()> {
        let mut want = expected.to_vec();
        want.sort();
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            self.check_no_error(css).await?;
            // Elements may be re-rendered while they are read; read again on a stale element.
            if let Ok(mut seen) = self.data_ids(css).await {
                seen.sort();
                if seen == want {
                    return Ok(());
                }
                if Instant::now() > deadline {
                    let what = format!("{css} should carry the ids {want:?}, seen {seen:?}");
                    return Err(self.timeout_error(&what, DEFAULT_TIMEOUT).await);
                }
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the current URL satisfies `pred` and returns it.
    pub async fn wait_for_url(&self, what: &str, pred: impl Fn(&str) -> bool) -> anyhow::Result<String> {
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            let url = self.client().current_url().await?.to_string();
            if pred(&url) {
                return Ok(url);
            }
            if Instant::now() > deadline {
                let what = format!("the URL should be {what}, it is {url}");
                return Err(self.timeout_error(&what, DEFAULT_TIMEOUT).await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the app shows an error message ([`fixtures::FOUT`]) and returns it.
    pub async fn wait_for_error(&self) -> anyhow::Result<Element> {
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            if let Some(element) = self.find_now(fixtures::FOUT).await? {
                return Ok(element);
            }
            if Instant::now() > deadline {
                let what = format!("no error message {}", fixtures::FOUT);
                return Err(self.timeout_error(&what, DEFAULT_TIMEOUT).await);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The element matching `css` right now, if any.
    pub async fn find_now(&self, css: &str) -> anyhow::Result<Option<Element>> {
        match self.client().find(Locator::Css(css)).await {
            Ok(element) => Ok(Some(element)),
            Err(e) if e.is_no_such_element() => Ok(None),
            Err(e) => Err(e).with_context(|| format!("looking for {css}")),
        }
    }

    /// Fails when the app shows an error message.
    async fn check_no_error(&self, waiting_for: &str) -> anyhow::Result<()> {
        if let Some(fout) = self.find_now(fixtures::FOUT).await? {
            let text = fout.text().await.unwrap_or_default();
            let shot = self
                .screenshot(&failure_name("fout"))
                .await
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            bail!("waiting for {waiting_for}, the app showed an error: {text:?} (screenshot {shot})");
        }
        Ok(())
    }

    /// An error for a wait that timed out, with the URL and a screenshot.
    async fn timeout_error(&self, what: &str, timeout: Duration) -> anyhow::Error {
        let url = match self.client().current_url().await {
            Ok(url) => url.to_string(),
            Err(e) => format!("(unknown: {e})"),
        };
        let shot = match self.screenshot(&failure_name("timeout")).await {
            Ok(path) => path.display().to_string(),
            Err(e) => format!("(failed: {e})"),
        };
        anyhow::anyhow!("after {timeout:?} on {url}: {what}; screenshot {shot}")
    }

    /// Scrolls the first element matching `css` to the top of the window (for screenshots).
    pub async fn scroll_to(&self, css: &str) -> anyhow::Result<()> {
        let element = self.wait_for(css).await?;
        let arg = serde_json::to_value(&element)?;
        self.client()
            .execute("arguments[0].scrollIntoView({block: 'start'});", vec![arg])
            .await
            .with_context(|| format!("scrolling to {css}"))?;
        Ok(())
    }

    /// Saves a PNG of the page as `e2e/artifacts/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> anyhow::Result<PathBuf> {
        let png = self.client().screenshot().await.context("taking a screenshot")?;
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = artifacts_dir()?.join(format!("{safe}.png"));
        std::fs::write(&path, png).with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    }

    /// Ends the browser session cleanly and stops chromedriver.
    pub async fn close(mut self) -> anyhow::Result<()> {
        if let Some(client) = self.client.take() {
            client.close().await.context("closing the browser session")?;
        }
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // chromedriver leads its own process group; end the whole group (Chromium included).
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// `<test name>-<what>`: `#[tokio::test]` runs the test body on the test's own thread, named after the test.
fn failure_name(what: &str) -> String {
    let thread = std::thread::current();
    let test = thread
        .name()
        .unwrap_or("test")
        .rsplit("::")
        .next()
        .unwrap_or("test");
    format!("{test}-{what}")
}

/// A TCP port that was free a moment ago.
fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}

/// The last lines of a log file, for error messages.
fn tail(path: &PathBuf) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}
