// Starts the Koers wasm app (wasm-bindgen --target web output koers.js + koers_bg.wasm, beside this file in
// /assets/ under content-hashed names that frontend/tools/hash-assets.mjs writes into the references below).
// A separate file rather than an inline script, so a Content-Security-Policy without 'unsafe-inline' works.
import init from "./koers.js";

// The lazy route a direct visit opens (frontend/src/routes.rs) and the wasm files its view needs (written here
// by the build from wasm-split's loader): fetched now, beside the main module, instead of after it ran; the
// loader's own fetch then finds them in the preload cache. Another route (the overview, an unknown one):
// nothing to fetch.
const SPLITS = /* splits */ {};
const ROUTES = [
  [/^\/actieplan\/[^/]+$/, "actieplan"],
  [/^\/actie\/nieuw$/, "nieuwe_actie"],
  [/^\/actie\/[^/]+\/wijzigen$/, "wijzig_actie"],
  [/^\/actie\/[^/]+$/, "actie"],
  [/^\/presentatie$/, "presentatie"],
  [/^\/organisaties$/, "organisaties"],
  [/^\/organisatie\/[^/]+$/, "organisatie"],
  [/^\/sinds-rvo$/, "sinds_rvo"],
  [/^\/aanmelden$/, "aanmelden"],
  [/^\/beheer$/, "beheer"],
  [/^\/wachtwoord$/, "wachtwoord"],
  [/^\/afdrukken$/, "afdruk"],
];
const route = ROUTES.find(([patroon]) => patroon.test(location.pathname.replace(/\/+$/, "") || "/"));
for (const bestand of (route && SPLITS[route[1]]) || []) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = new URL(bestand, import.meta.url).href;
  document.head.append(link);
}

init({ module_or_path: new URL("./koers_bg.wasm", import.meta.url) }).catch((fout) => {
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
  // In place of index.html's loading state, when its frame is still there (the app did not mount).
  document.querySelector("#voorlader .laden")?.remove();
  (document.querySelector("#voorlader main") ?? document.body).append(melding);
});
