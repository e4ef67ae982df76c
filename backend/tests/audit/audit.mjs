// Runs graphql-http's auditServer against the GraphQL endpoint given as the first argument; prints every
// check that is not "ok" (errors and warnings alike) and exits 1 if there is one.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const bad = results.filter((r) => r.status !== 'ok');
for (const r of bad) {
  console.log(`${r.status.toUpperCase()} ${r.id} ${r.name}\n    ${r.reason}`);
}
console.log(`graphql-http auditServer: ${results.length} checks, ${bad.length} not ok`);
process.exit(bad.length === 0 && results.length > 0 ? 0 : 1);
