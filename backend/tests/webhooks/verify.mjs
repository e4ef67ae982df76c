// Verifies Koers' webhook deliveries with the Standard Webhooks reference library (npm `standardwebhooks`).
// Argument: a JSON file {secret, messages: [{headers: {"webhook-id", "webhook-timestamp", "webhook-signature"}, body}]}.
// Prints one JSON line: {verified: n, tamperedRefused: n}; exits 1 when any delivery fails to verify.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const wh = new Webhook(input.secret);
let verified = 0;
let tamperedRefused = 0;
for (const m of input.messages) {
  const payload = wh.verify(m.body, m.headers);
  if (typeof payload !== "object" || payload === null || typeof payload.type !== "string") {
    throw new Error(`verified, but no event in ${m.body}`);
  }
  verified += 1;
  try {
    wh.verify(m.body + " ", m.headers);
  } catch {
    tamperedRefused += 1;
  }
}
console.log(JSON.stringify({ verified, tamperedRefused }));
