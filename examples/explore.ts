// Explore the graph with the SDK: search a name (English or Chinese), open the best match, walk
// its relationships and print the source passage behind each fact.
//
//   KG_URL=http://localhost:4000/graphql npx tsx examples/explore.ts 麦重乙
//   npm run example:explore -- "Leong Der Yao"
import { createClient, GraphQLRequestError, pages, type CitationFieldsFragment } from '../sdk/src/index';

const url = process.env.KG_URL ?? 'http://localhost:4000/graphql';
const name = process.argv.slice(2).join(' ').trim() || '麦重乙';
const client = createClient({ url });

async function main(): Promise<void> {
  const hits = await client.search({ query: name, first: 5 });
  if (hits.edges.length === 0) {
    console.log(`no entity named "${name}"`);
    return;
  }
  console.log(`search "${name}": ${hits.totalCount} match(es)`);
  for (const { node, score } of hits.edges) console.log(`  ${node.__typename} ${node.name} (${node.key}) score ${score.toFixed(2)}`);

  const entity = await client.entity({ key: hits.edges[0].node.key, relationshipsFirst: 1 });
  if (!entity) return;
  console.log(`\n${entity.__typename} ${entity.name} [${entity.key}]`);
  for (const n of entity.names) console.log(`  name ${n.value} (${n.language}, ${n.kind})`);
  for (const note of entity.notes) console.log(`  note: ${note}`);
  for (const s of entity.sources) console.log(`  ${s.field ?? 'fact'} ← ${source(s)}`);

  console.log(`\nrelationships (${entity.relationships.totalCount}):`);
  const relationships = pages(async (after) => {
    const page = await client.entity({ key: entity.key, relationshipsFirst: 20, relationshipsAfter: after });
    return page?.relationships ?? { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
  });
  for await (const r of relationships) {
    const detail = r.__typename === 'Post' ? ` as ${r.title ?? '?'}` : 'role' in r && r.role ? ` as ${r.role}` : '';
    console.log(`- ${r.from.name} -[${r.type}${detail}]-> ${r.to.name}`);
    for (const s of r.sources) console.log(`    ${source(s)}`);
    for (const note of r.notes) console.log(`    note: ${note}`);
  }
}

main().catch((e: unknown) => {
  if (e instanceof GraphQLRequestError) console.error(`${e.code} (HTTP ${e.status}): ${e.message}`);
  else console.error(e);
  process.exit(1);
});

/** A passage of a document, or a record of an imported dataset. */
function source(s: CitationFieldsFragment): string {
  if (s.document) return `${s.document.key} [${s.start}, ${s.end}): "${s.excerpt}"`;
  return `dataset ${s.dataset?.name ?? '?'} (${s.dataset?.version ?? s.dataset?.date ?? ''}, ${s.dataset?.licence ?? ''}), record ${s.record}`;
}
