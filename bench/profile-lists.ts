// DB hits of each top-level list shape (first page of 20, with and without a total), read with
// PROFILE from NEO4J_URI: `NEO4J_URI=bolt://... npx tsx bench/profile-lists.ts` (VERBOSE=1 prints
// the operators, ONLY=<text> picks cases). Anchors are the most connected entity of each type.
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { envAuth } from './env-auth';
import { listCypher, listShape } from '../src/graph/entity/list-cypher';
import { NO_FILTER, BY_NAME, type ListFilter, type ListOrder } from '../src/graph/entity/filters';
import type { NodeType } from '../src/shared/global-id';

function ops(p: ProfiledPlan, out: string[] = []): string[] {
  out.push(`${p.operatorType.replace('@neo4j', '')}(${p.dbHits})${p.arguments?.Details ? ' ' + String(p.arguments.Details).slice(0, 90).replace(/\n/g, ' ') : ''}`);
  p.children.forEach((c) => ops(c, out));
  return out;
}
function hits(p: ProfiledPlan): number { return p.dbHits + p.children.reduce((n, c) => n + hits(c), 0); }
const DESC: ListOrder = { field: 'NAME', descending: true };
const DATE: ListOrder = { field: 'DATE', descending: false };
const DATE_DESC: ListOrder = { field: 'DATE', descending: true };

async function main() {
  const d = neo4j.driver(process.env.NEO4J_URI!, envAuth());
  const anyId = async (label: string) => (await d.executeQuery(`MATCH (n:${label}) RETURN n.id AS id ORDER BY n.degree DESC LIMIT 1`, {}, { database: 'neo4j' })).records[0].get('id');
  const org = await anyId('Organisation'); const place = await anyId('Place'); const person = await anyId('Person');
  const range = { start: 20100101, end: 20151231, accept: ['WITHIN', 'OVERLAPS'] as ('WITHIN' | 'OVERLAPS')[] };
  const cases: [string, NodeType, ListFilter, ListOrder, unknown][] = [
    ['people', 'Person', NO_FILTER, BY_NAME, null],
    ['people after', 'Person', NO_FILTER, BY_NAME, ['M', 'x']],
    ['people desc after', 'Person', NO_FILTER, DESC, ['M', 'x']],
    ['orgs 1 kind', 'Organisation', { ...NO_FILTER, kinds: ['COMPANY'] }, BY_NAME, null],
    ['orgs 2 kinds desc after', 'Organisation', { ...NO_FILTER, kinds: ['COMPANY', 'UNIT'] }, DESC, ['M', 'x']],
    ['events by date', 'Event', NO_FILTER, DATE, null],
    ['events by date desc after', 'Event', NO_FILTER, DATE_DESC, [79849899, 'M', 'x']],
    ['events date range', 'Event', { ...NO_FILTER, date: range }, DATE, null],
    ['events date range by name', 'Event', { ...NO_FILTER, date: range }, BY_NAME, null],
    ['events participant', 'Event', { ...NO_FILTER, participant: person }, BY_NAME, null],
    ['orgs parent', 'Organisation', { ...NO_FILTER, parent: org }, BY_NAME, null],
    ['orgs place', 'Organisation', { ...NO_FILTER, place }, BY_NAME, null],
    ['people post org', 'Person', { ...NO_FILTER, post: { organisation: org, title: null, place: null } }, BY_NAME, null],
    ['places kinds by name', 'Place', { ...NO_FILTER, kinds: ['CITY'] }, BY_NAME, null],
    ['projects kinds by date', 'Project', { ...NO_FILTER, kinds: ['PROGRAMME'] }, DATE, null],
  ];
  for (const [name, type, filter, order, after] of cases.filter(([n]) => !process.env.ONLY || n.includes(process.env.ONLY))) {
    for (const count of [false, true]) {
      const cypher = listCypher(listShape(type, filter, order, after !== null, count));
      const r = await d.executeQuery('PROFILE ' + cypher, { keys: [{ filter, after, detail: false }], limit: neo4j.int(21) }, { database: 'neo4j' });
      const plan = r.summary.profile as ProfiledPlan;
      const rows = r.records[0]?.get('page').length;
      console.log(`== ${name}${count ? ' +total' : ''}: ${hits(plan)} db hits, ${rows} items, total ${r.records[0]?.get('total')}`);
      if (process.env.VERBOSE) console.log(ops(plan).map((s) => '    ' + s).join('\n'));
    }
  }
  await d.close();
}
main();
