// Mounts GraphiQL against Koers' own GraphQL endpoint. Loaded after React, ReactDOM and GraphiQL (UMD globals).
(function () {
  "use strict";
  var container = document.getElementById("graphiql");
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {
    container.textContent = "De GraphQL-verkenner kon niet worden geladen.";
    return;
  }
  var endpoint = new URL(container.dataset.endpoint, window.location.href).href;
  var wsScheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  var subscriptionUrl = wsScheme + "//" + window.location.host + container.dataset.subscriptions;
  var fetcher = GraphiQL.createFetcher({ url: endpoint, subscriptionUrl: subscriptionUrl });
  var defaultQuery = [
    "# Koers GraphQL API. Run with ▶ or Ctrl+Enter.",
    "query Overzicht {",
    "  themas {",
    "    id",
    "    naam",
    "    actieplannen {",
    "      id",
    "      titel",
    "      rollup {",
    "        totaal",
    "        aandeelAfgerond",
    "        slechtsteGezondheid",
    "      }",
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
