// Gives the front end's files content-hashed names, so the server may let browsers keep them for a year
// (`/assets/` is served `immutable`; index.html itself is revalidated on every visit).
//
//   node frontend/tools/hash-assets.mjs <dist>
//
// In <dist>: koers.js + koers_bg.wasm (wasm-bindgen), __wasm_split.js + the split and chunk .wasm files
// (wasm-split), start.js, the CSS files and index.html. Every file but index.html moves to <dist>/assets/ as
// <name>-<hash>.<ext>, with every reference to it rewritten:
//   - a .wasm or .css file: the hash of its own bytes;
//   - koers.js and __wasm_split.js import each other, so both are named by one hash over all the built files
//     (wasm and JS with their original names), which changes whenever any of them does;
//   - start.js: the hash of its bytes after its references were rewritten and the split lists filled in.
// Writes <dist>/assets/splits.json: for every split (a lazy route's view) the hashed .wasm files its loader
// fetches, for .ci/bench-size.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: hash-assets.mjs <dist>");
  process.exit(2);
}
const assets = path.join(dist, "assets");
fs.mkdirSync(assets, { recursive: true });

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const read = (f) => fs.readFileSync(path.join(dist, f));
const withHash = (name, h) => {
  const ext = path.extname(name);
  return `${path.basename(name, ext)}-${h}${ext}`;
};
// Rewrites the references to `from` into references to the hashed `to`: in JS the module specifiers
// (`from "./x"`) and fetched URLs (`new URL("./x", …)`), in HTML `href="/x"` and `src="/x"`. Nothing else: the
// keys of wasm-bindgen's import object name the wasm's import modules (`"./__wasm_split.js": …`) and must stay.
const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const rewrite = (text, from, to, prefix) => {
  const f = escape(from);
  return text
    .replace(new RegExp(`(from\\s*|import\\(\\s*|new URL\\(\\s*)(["'])\\./${f}\\2`, "g"), `$1$2${prefix}${to}$2`)
    .replace(new RegExp(`((?:href|src)=)"/${f}"`, "g"), `$1"/assets/${to}"`);
};

const names = new Map(); // original name → hashed name
const wasm = fs.readdirSync(dist).filter((f) => f.endsWith(".wasm")).sort();
for (const f of wasm) names.set(f, withHash(f, hash(read(f))));
for (const f of fs.readdirSync(dist).filter((f) => f.endsWith(".css")).sort()) {
  names.set(f, withHash(f, hash(read(f))));
}
const nlds = fs.existsSync(path.join(dist, "nlds"))
  ? fs.readdirSync(path.join(dist, "nlds")).filter((f) => f.endsWith(".css")).sort()
  : [];
for (const f of nlds) names.set(`nlds/${f}`, withHash(f, hash(read(`nlds/${f}`))));

const split = fs.existsSync(path.join(dist, "__wasm_split.js"));
const pair = ["koers.js", ...(split ? ["__wasm_split.js"] : [])];
const all = createHash("sha256");
for (const f of [...pair, ...wasm]) all.update(f).update(read(f));
const pairHash = all.digest("hex").slice(0, 16);
for (const f of pair) names.set(f, withHash(f, pairHash));

// Rewrites the references in a text file and writes it under its hashed name.
const place = (f, text) => {
  for (const [from, to] of names) text = rewrite(text, from, to, "./");
  fs.writeFileSync(path.join(assets, names.get(f)), text);
  fs.rmSync(path.join(dist, f));
};
for (const f of pair) place(f, read(f).toString("utf8"));
for (const [from, to] of names) {
  if (from.endsWith(".wasm") || from.endsWith(".css")) {
    fs.renameSync(path.join(dist, from), path.join(assets, to));
  }
}

// The files each split's loader fetches: its own module and the chunks it depends on (see __wasm_split.js:
// `/* <splits> */ const __chunk_N = makeLoad(... "./chunk_N.wasm" ...)` and
// `export const __wasm_split_load_<split> = wrapAsyncCb(makeLoad(... "./split_<split>.wasm" ..., [__chunk_N, …]))`).
const splits = {};
if (split) {
  const js = fs.readFileSync(path.join(assets, names.get("__wasm_split.js")), "utf8");
  const chunks = new Map();
  for (const m of js.matchAll(/const (__chunk_\d+) = makeLoad\([\s\S]*?"\.\/([^"]+\.wasm)"/g)) {
    chunks.set(m[1], m[2]);
  }
  const loader = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\)/g;
  for (const m of js.matchAll(loader)) {
    const own = m[2].match(/"\.\/([^"]+\.wasm)"/);
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean).map((d) => chunks.get(d));
    splits[m[1]] = [...(own ? [own[1]] : []), ...deps];
  }
}
// start.js preloads a directly visited lazy route's files: it gets the same lists, by the route's short name
// (`__actieplan_view_<n>` → `actieplan`), then its own hash.
{
  const kort = {};
  for (const [split, files] of Object.entries(splits)) kort[split.replace(/^_*/, "").replace(/_view_\w+$/, "")] = files;
  let start = read("start.js").toString("utf8");
  for (const [from, to] of names) start = rewrite(start, from, to, "./");
  if (!start.includes("/* splits */ {}")) {
    console.error("hash-assets: start.js has no `/* splits */ {}` to fill in");
    process.exit(1);
  }
  start = start.replace("/* splits */ {}", JSON.stringify(kort));
  names.set("start.js", withHash("start.js", hash(start)));
  fs.writeFileSync(path.join(assets, names.get("start.js")), start);
  fs.rmSync(path.join(dist, "start.js"));
}
let index = read("index.html").toString("utf8");
for (const [from, to] of names) index = rewrite(index, from, to, "/assets/");
const left = [...index.matchAll(/(?:href|src)="\/(?!assets\/)([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
if (left.length) {
  console.error(`hash-assets: index.html names unhashed files: ${left.join(", ")}`);
  process.exit(1);
}
fs.writeFileSync(path.join(dist, "index.html"), index);
const main = { js: [names.get("start.js"), ...pair.map((f) => names.get(f))], wasm: names.get("koers_bg.wasm") };
fs.writeFileSync(path.join(assets, "splits.json"), JSON.stringify({ main, splits }, null, 1) + "\n");
console.log(`hashed ${names.size} files into assets/; ${Object.keys(splits).length} splits`);
