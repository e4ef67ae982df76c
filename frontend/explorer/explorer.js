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
  // Signed in (session cookie): changes need the session's CSRF token, which only this origin can read.
  function mount(csrf) {
    var headers = csrf ? { "X-CSRF-Token": csrf } : {};
    var fetcher = GraphiQL.createFetcher({ url: endpoint, subscriptionUrl: subscriptionUrl, headers: headers });
    render(fetcher);
  }
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
  function render(fetcher) {
    ReactDOM.createRoot(container).render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultQuery: defaultQuery,
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false,
      }),
    );
  }
  fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: "{ ik { csrfToken } }" }),
  })
    .then(function (r) { return r.json(); })
    .then(function (a) { mount(a && a.data && a.data.ik ? a.data.ik.csrfToken : null); })
    .catch(function () { mount(null); });
})();
