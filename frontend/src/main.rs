//! Entry point of the wasm binary: installs the panic hook, reads the chosen language and mounts the app on
//! `<body>` in place of index.html's frame and loading state (`#voorlader`).

fn main() {
    console_error_panic_hook::set_once();
    koers_frontend::i18n::keuze::start();
    // Removed and mounted in one task, so the browser never paints the page without a frame in between.
    if let Some(voorlader) = leptos::prelude::document().get_element_by_id("voorlader") {
        voorlader.remove();
    }
    leptos::mount::mount_to_body(koers_frontend::App);
}
