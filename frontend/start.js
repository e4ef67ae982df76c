// Starts the Koers wasm app (wasm-bindgen --target web output /koers.js + /koers_bg.wasm).
// A separate file rather than an inline script, so a Content-Security-Policy without 'unsafe-inline' works.
import init from "/koers.js";

init({ module_or_path: "/koers_bg.wasm" }).catch((fout) => {
  console.error("Koers kon niet starten", fout);
  const melding = document.createElement("div");
  melding.className = "fout";
  melding.setAttribute("role", "alert");
  melding.dataset.testid = "fout";
  const kop = document.createElement("h1");
  kop.textContent = "Koers kon niet starten";
  const tekst = document.createElement("p");
  tekst.textContent = "Uw browser kon de applicatie niet laden. Werk de pagina bij of gebruik een recente browser.";
  melding.append(kop, tekst);
  document.body.append(melding);
});
