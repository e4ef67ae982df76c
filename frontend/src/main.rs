//! Entry point of the wasm binary: installs the panic hook, reads the chosen language and mounts the app on
//! `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    koers_frontend::i18n::keuze::start();
    leptos::mount::mount_to_body(koers_frontend::App);
}
