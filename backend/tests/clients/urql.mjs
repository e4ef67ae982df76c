// urql, unmodified, with its default exchanges (cacheExchange, fetchExchange), once with its default options and once
// with queries by GET (its `preferGetMethod: 'within-url-limit'` option), against the GraphQL
// endpoint given as the first argument. Prints one JSON line per client with what it saw.
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';

const url = process.argv[2];
async function run(options) {
  const methods = [];
  const client = new Client({
    url,
    ...options,
    exchanges: [cacheExchange, fetchExchange],
    fetch: (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
  const themas = await client.query(gql`query Themas { themas { sleutel naam } }`, {}).toPromise();
  const filter = await client
    .query(gql`query Zoek($f: ActieFilter) { acties(filter: $f, first: 3) { totalCount } }`, { f: { tekst: 'a' } })
    .toPromise();
  const mutatie = await client
    .mutation(gql`mutation($i: VoortgangRapporterenInvoer!) { actieVoortgangRapporteren(invoer: $i) { id } }`, {
      i: { id: 'x', versie: 1, voortgang: 1 },
    })
    .toPromise();
  console.log(
    JSON.stringify({
      methods,
      themas: themas.data?.themas?.length ?? null,
      themasError: themas.error?.message ?? null,
      totalCount: filter.data?.acties?.totalCount ?? null,
      filterError: filter.error?.message ?? null,
      mutationCode: mutatie.error?.graphQLErrors?.[0]?.extensions?.code ?? null,
    }),
  );
}

await run({});
await run({ preferGetMethod: 'within-url-limit' });
