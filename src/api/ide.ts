// A GraphQL IDE (GraphiQL) served from the installed packages: no CDN, works offline.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** URL path → file on disk, for the IDE's scripts and styles. */
export const IDE_ASSETS: Record<string, { file: string; type: string }> = {
  "/ide/react.js": { file: join(packageDir("react"), "umd/react.production.min.js"), type: "text/javascript" },
  "/ide/react-dom.js": { file: join(packageDir("react-dom"), "umd/react-dom.production.min.js"), type: "text/javascript" },
  "/ide/graphiql.js": { file: join(packageDir("graphiql"), "graphiql.min.js"), type: "text/javascript" },
  "/ide/graphiql.css": { file: join(packageDir("graphiql"), "graphiql.min.css"), type: "text/css" },
};

export const EXAMPLE_QUERY = `# Programmes that reports from two or more districts mention
{
  recurringPrograms(level: DISTRICT, minJurisdictions: 2, first: 5) {
    totalCount
    edges {
      node {
        program { name }
        jurisdictionCount
        jurisdictions { name code }
        firstYear
        lastYear
      }
    }
  }
}
`;

export function idePage(): string {
  return `<!doctype html>
<html lang="zh">
<head>
  <meta charset="utf-8">
  <title>kg-reports · GraphQL</title>
  <link rel="stylesheet" href="/ide/graphiql.css">
  <style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="ide"></div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
    ReactDOM.createRoot(document.getElementById("ide")).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)} })
    );
  </script>
</body>
</html>
`;
}
