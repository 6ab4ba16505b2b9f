// An in-browser query editor that works offline: GraphiQL's prebuilt bundle and React's UMD
// builds are served from node_modules (Apollo's default landing page loads from a CDN).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The UMD files are not in the packages' `exports`, so resolve each package folder instead.
const inPackage = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

export const GRAPHIQL_ASSETS: Record<string, { file: string; type: string }> = {
  '/graphiql/react.js': { file: inPackage('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  '/graphiql/react-dom.js': { file: inPackage('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.js': { file: inPackage('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  '/graphiql/graphiql.css': { file: inPackage('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

const cache = new Map<string, Buffer>();

export function readAsset(path: string): { body: Buffer; type: string } | null {
  const asset = GRAPHIQL_ASSETS[path];
  if (!asset) return null;
  let body = cache.get(path);
  if (!body) cache.set(path, (body = readFileSync(asset.file)));
  return { body, type: asset.type };
}

const DEFAULT_QUERY = `# Who holds which post, and where does it say so?
query People {
  people(first: 10) {
    totalCount
    edges {
      node {
        name
        names { value language }
        posts {
          edges {
            node {
              title
              organisation { name }
              sources { excerpt document { name } }
            }
          }
        }
      }
    }
  }
}
`;

export function graphiqlPage(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Knowledge graph · GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the query editor…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
    );
  </script>
</body>
</html>`;
}
