// Apollo Client (core, no React) with useGETForQueries and its persisted-query link, unmodified, against the
// GraphQL endpoint given as the first argument. Prints one JSON line with what it saw.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';

const url = process.argv[2];
const requests = [];
const loggingFetch = (input, init) => {
  const u = new URL(typeof input === 'string' ? input : input.url);
  requests.push({
    method: init?.method ?? 'GET',
    hashOnly: u.searchParams.has('extensions') && !u.searchParams.has('query'),
  });
  return fetch(input, init);
};
const sha256 = (q) => createHash('sha256').update(q).digest('hex');
const link = createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
  new HttpLink({ uri: url, useGETForQueries: true, fetch: loggingFetch }),
);
const client = new ApolloClient({ link, cache: new InMemoryCache() });
const query = gql`query Plannen { actieplannen { id titel } }`;
const eerste = await client.query({ query, fetchPolicy: 'network-only' });
const tweede = await client.query({ query, fetchPolicy: 'network-only' });
console.log(
  JSON.stringify({
    requests,
    eerste: eerste.data?.actieplannen?.length ?? null,
    tweede: tweede.data?.actieplannen?.length ?? null,
  }),
);
