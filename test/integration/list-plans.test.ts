// How the top-level lists reach their rows, PROFILEd on the real Neo4j: a list that no criterion
// anchors reads its page from an index in order and stops after it; one whose filter names an
// entity starts from that entity; an unfiltered total comes from the count store. Checked on the
// seed and again with 3,000 generated entities, so no assertion rests on a small graph's statistics.
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import {
  agreementFilter, documentFilter, eventFilter, NO_FILTER, organisationFilter, personFilter, placeFilter, projectFilter,
  type ListFilter, type ListOrder,
} from '../../src/graph/entity/filters';
import { listCypher, listShape, sortKeys } from '../../src/graph/entity/list-cypher';
import type { DateFilter } from '../../src/generated/resolvers';
import { toGlobalId, type NodeType } from '../../src/shared/global-id';
import { startTestServer, type TestServer } from '../support/harness';
import { importGenerated } from '../support/walk';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ resetOnStop: true });
});
afterAll(() => server.stop());

// ---------------------------------------------------------------- plans and how to read them
const PAGE = 20;
type Sort = (string | number)[];

/** PROFILEs a list exactly as the list loader sends it: one key, `limit` one more than the page. */
async function profile(type: NodeType, filter: ListFilter, order: ListOrder, after: Sort | null, count: boolean) {
  const cypher = listCypher(listShape(type, filter, order, after !== null, count));
  const result = await server.db.driver.executeQuery(
    `PROFILE ${cypher}`,
    { keys: [{ filter, after, attributes: false, detail: false }], limit: PAGE + 1 },
    { database: server.db.name, routing: neo4j.routing.READ },
  );
  if (!result.summary.profile) throw new Error('no profile returned');
  return { plan: result.summary.profile, items: (result.records[0].get('page') as unknown[]).length };
}

const operators = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(operators)];
const nameOf = (op: ProfiledPlan) => op.operatorType.replace(/@.*$/, '');
const details = (op: ProfiledPlan) => String(op.arguments?.Details ?? '').replace(/\s+/g, ' ');
const dbHits = (plan: ProfiledPlan) => operators(plan).reduce((n, op) => n + op.dbHits, 0);
const describeOp = (op: ProfiledPlan) => `${nameOf(op)} ${details(op)}`.slice(0, 120);

const SCANS = ['AllNodesScan', 'NodeByLabelScan'];
const INDEX_READS = ['NodeIndexScan', 'NodeIndexSeek', 'NodeIndexSeekByRange', 'NodeUniqueIndexSeek'];

/**
 * What is wrong with the plan of a list no criterion anchors: a scan of all nodes or of the label,
 * a full Sort, no read of an index on the list's label, or (`ordered`) a page not read in index order.
 */
function unanchoredProblems(plan: ProfiledPlan, type: NodeType, ordered: boolean): string[] {
  const ops = operators(plan);
  const problems = ops.filter((op) => SCANS.includes(nameOf(op)) || nameOf(op) === 'Sort').map(describeOp);
  if (!ops.some((op) => INDEX_READS.includes(nameOf(op)) && details(op).includes(`:${type}(`))) problems.push(`no index read on :${type}`);
  if (!ops.some((op) => ['Top', 'PartialTop', 'Limit'].includes(nameOf(op)))) problems.push('no Top, PartialTop or Limit');
  if (ordered && !ops.some((op) => nameOf(op) === 'PartialTop')) problems.push('page not read in index order (no PartialTop)');
  return problems;
}

// ---------------------------------------------------------------- the lists, as the API builds their criteria
const BY_NAME: ListOrder = { field: 'NAME', descending: false };
const ORDERS: Record<string, ListOrder> = {
  'NAME ASC': BY_NAME,
  'NAME DESC': { field: 'NAME', descending: true },
  'DATE ASC': { field: 'DATE', descending: false },
  'DATE DESC': { field: 'DATE', descending: true },
};
// One range per kind of date criterion: a range of dated items, the same with undated ones, and
// undated ones only. `overlapping: false` changes parameters only, not the Cypher text.
const DATES: Record<string, DateFilter> = {
  '2010–2015': { from: '2010', to: '2015' },
  'from 2010, undated too': { from: '2010', undated: 'INCLUDE' },
  'undated only': { undated: 'ONLY' },
};
const IN_2010_2015 = DATES['2010–2015'];
const byDate = (toFilter: (date: DateFilter) => ListFilter, dates: string[]) =>
  dates.map((name): [string, ListFilter] => [`date ${name}`, toFilter(DATES[name])]);
// The date criteria are one text for every dated type but its label: all of them for events,
// one for the others (planning these texts is what makes PROFILEs slow).
const ALL_DATES = Object.keys(DATES);
const ONE_DATE = ['2010–2015'];

/** Per type: whether it is dated, and its criteria that name no entity. */
const LISTS: { type: NodeType; dated: boolean; filters: [string, ListFilter][] }[] = [
  { type: 'Person', dated: false, filters: [] },
  { type: 'Organisation', dated: false, filters: [['1 kind', organisationFilter({ kinds: ['COMPANY'] })], ['2 kinds', organisationFilter({ kinds: ['UNIT', 'COMPANY'] })]] },
  { type: 'Place', dated: false, filters: [['1 kind', placeFilter({ kinds: ['CITY'] })], ['2 kinds', placeFilter({ kinds: ['CITY', 'COUNTRY'] })]] },
  { type: 'Event', dated: true, filters: byDate((date) => eventFilter({ date }), ALL_DATES) },
  { type: 'Agreement', dated: true, filters: byDate((date) => agreementFilter({ date }), ONE_DATE) },
  {
    type: 'Project',
    dated: true,
    filters: [
      ['1 kind', projectFilter({ kinds: ['PROGRAMME'] })],
      ['2 kinds', projectFilter({ kinds: ['PROGRAMME', 'FUND'] })],
      ...byDate((date) => projectFilter({ date }), ONE_DATE),
      ['1 kind, 2010–2015', projectFilter({ kinds: ['PROGRAMME'], date: IN_2010_2015 })],
    ],
  },
  { type: 'Document', dated: true, filters: byDate((date) => documentFilter({ date }), ONE_DATE) },
];
const ordersOf = (dated: boolean) => Object.entries(ORDERS).filter(([, o]) => dated || o.field === 'NAME');

/**
 * The first page with and without the total, and a later page. The total's Cypher does not
 * depend on the order, so with a date range (the slowest texts to plan) it is asked once, by name.
 */
const variantsOf = (filter: ListFilter, order: ListOrder): { after: boolean; count: boolean }[] => [
  { after: false, count: false }, { after: true, count: false },
  ...(filter.date === null || order === BY_NAME ? [{ after: false, count: true }] : []),
];
const variantName = (v: { after: boolean; count: boolean }) => `${v.after ? ' after a cursor' : ''}${v.count ? ' with total' : ''}`;

/** The sort values of the item in the middle of the type's whole list in `order`: a cursor deep in it. */
async function middleOf(type: NodeType, order: ListOrder): Promise<Sort> {
  const { props, descending } = sortKeys(order);
  const orderBy = props.map((p, i) => (i === 0 && descending ? `${p} DESC` : p)).join(', ');
  const result = await server.db.driver.executeQuery(
    `MATCH (n:${type}) WITH n ORDER BY ${orderBy} WITH collect([${props.join(', ')}]) AS sorted RETURN sorted[size(sorted) / 2] AS middle`,
    {}, { database: server.db.name, routing: neo4j.routing.READ },
  );
  return result.records[0].get('middle') as Sort;
}

/** Runs `jobs` a few at a time, answers in order: planning the many texts dominates, and Neo4j plans them concurrently. */
async function inParallel<T>(jobs: (() => Promise<T>)[], width = 3): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }));
  return results;
}

/** Every unanchored shape of a type's lists (order, criteria, first or later page, with or without a total). */
async function unanchoredProblemsOf(type: NodeType, dated: boolean, filters: [string, ListFilter][]): Promise<string[]> {
  const jobs: (() => Promise<string[]>)[] = [];
  for (const [orderName, order] of ordersOf(dated)) {
    const middle = await middleOf(type, order);
    // With a date range, NAME DESC is NAME ASC but for the direction of the Top over the range.
    for (const [filterName, filter] of [['unfiltered', NO_FILTER] as [string, ListFilter], ...filters.filter(([, f]) => f.date === null || orderName !== 'NAME DESC')]) {
      // The page is read in sort order unless a date range picks the index (a range that takes
      // undated items too is read as two ranges, merged by a Top).
      const twoRanges = filter.date !== null && filter.date.accept.includes('UNDATED') && filter.date.accept.length > 1;
      const ordered = filter.date === null || (order.field === 'DATE' && !order.descending && !twoRanges);
      for (const v of variantsOf(filter, order)) {
        jobs.push(async () => {
          const { plan } = await profile(type, filter, order, v.after ? middle : null, v.count);
          return unanchoredProblems(plan, type, ordered).map((p) => `${type} ${filterName} by ${orderName}${variantName(v)}: ${p}`);
        });
      }
    }
  }
  return (await inParallel(jobs)).flat();
}

// ---------------------------------------------------------------- lists anchored at an entity
/** The value of `f` each anchor's entity is sought by. */
const ANCHOR_VALUES: Record<string, string> = {
  participant: 'f.participant', party: 'f.party', parent: 'f.parent', place: 'f.place',
  postOrganisation: '(f.post).organisation', postPlace: '(f.post).place',
};

/** The best-connected entity of `label` with a relationship matching `pattern`, as a global id. */
async function anchor(label: NodeType, pattern: string): Promise<string> {
  const result = await server.db.driver.executeQuery(
    `MATCH (n:${label}) WHERE EXISTS { (n)${pattern} } RETURN n.id AS key ORDER BY n.degree DESC, n.id LIMIT 1`,
    {}, { database: server.db.name, routing: neo4j.routing.READ },
  );
  if (result.records.length === 0) throw new Error(`no ${label} with ${pattern}`);
  return toGlobalId(label, result.records[0].get('key') as string);
}

/** Lists whose filter names an entity, without (`dated: false`) or with a date criterion too. */
async function anchoredLists(dated: boolean): Promise<[string, NodeType, ListFilter][]> {
  const person = await anchor('Person', '-[:PARTICIPATED_IN]->()');
  const partyToAgreement = await anchor('Organisation', '-[:PARTY_TO]->()');
  const partyToProject = await anchor('Organisation', '-[:INVOLVED_IN]->()');
  const parent = await anchor('Organisation', '<-[:PART_OF]-()');
  const employer = await anchor('Organisation', '<-[:HOLDS_POST]-()');
  const place = await anchor('Place', '<-[:LOCATED_IN]-()');
  if (dated) {
    return [
      ['events with a participant, 2010–2015', 'Event', eventFilter({ participant: person, date: IN_2010_2015 })],
      ['agreements of a party, from 2010, undated too', 'Agreement', agreementFilter({ party: partyToAgreement, date: DATES['from 2010, undated too'] })],
      ['projects of a party, 2 kinds, 2010–2015', 'Project', projectFilter({ party: partyToProject, kinds: ['PROGRAMME', 'PROJECT'], date: IN_2010_2015 })],
    ];
  }
  return [
    ['events with a participant', 'Event', eventFilter({ participant: person })],
    ['events in a place', 'Event', eventFilter({ place })],
    ['events in a place with a participant', 'Event', eventFilter({ place, participant: person })],
    ['agreements of a party', 'Agreement', agreementFilter({ party: partyToAgreement })],
    ['projects of a party', 'Project', projectFilter({ party: partyToProject })],
    ['units of an organisation', 'Organisation', organisationFilter({ parent })],
    ['units of an organisation, 1 kind', 'Organisation', organisationFilter({ parent, kinds: ['UNIT'] })],
    ['organisations in a place', 'Organisation', organisationFilter({ place })],
    ['organisations in a place, units of one, 2 kinds', 'Organisation', organisationFilter({ place, parent, kinds: ['UNIT', 'COMPANY'] })],
    ['places within a place', 'Place', placeFilter({ within: place })],
    ['places within a place, 1 kind', 'Place', placeFilter({ within: place, kinds: ['CITY'] })],
    ['people with a post in an organisation', 'Person', personFilter({ organisation: employer })],
    ['people with a post in a country', 'Person', personFilter({ country: place })],
    ['people with a post in an organisation, by title, in a country', 'Person', personFilter({ organisation: employer, postTitle: 'director', country: place })],
  ];
}

/**
 * What is wrong with anchored plans: a scan, or fewer unique seeks of the anchor on Entity(id)
 * than one for the page and one for the total. First page without the total, a later page with it.
 */
async function anchoredProblems(dated: boolean): Promise<string[]> {
  const jobs: (() => Promise<string[]>)[] = [];
  for (const [name, type, filter] of await anchoredLists(dated)) {
    // The order changes only the Top over the anchor's candidates; by date where a date range is given.
    const orders = Object.entries(ORDERS).filter(([n]) => (dated ? n === 'DATE DESC' : n === 'NAME ASC'));
    for (const [orderName, order] of orders) {
      const middle = await middleOf(type, order);
      for (const v of [{ after: false, count: false }, { after: true, count: true }]) {
        jobs.push(async () => {
          const seekOf = ANCHOR_VALUES[listShape(type, filter, order, v.after, v.count).anchor!];
          const { plan } = await profile(type, filter, order, v.after ? middle : null, v.count);
          const label = `${name} by ${orderName}${variantName(v)}`;
          const ops = operators(plan);
          const problems = ops.filter((op) => SCANS.includes(nameOf(op))).map((op) => `${label}: ${describeOp(op)}`);
          const seeks = ops.filter((op) => nameOf(op) === 'NodeUniqueIndexSeek' && details(op).includes(`:Entity(id) WHERE id = ${seekOf}`));
          if (seeks.length < (v.count ? 2 : 1)) {
            const starts = ops.filter((op) => op.children.length === 0 && !['Argument', 'Unwind'].includes(nameOf(op))).map(describeOp);
            problems.push(`${label}: ${seeks.length} seek(s) of ${seekOf} on Entity(id); starts from ${starts.join('; ')}`);
          }
          return problems;
        });
      }
    }
  }
  return (await inParallel(jobs)).flat();
}

// ---------------------------------------------------------------- the questions, on each graph
function planQuestions(graph: string) {
  test.each(LISTS)(`${graph}: does every list of $type without an anchor read its page from an index, without scanning or sorting the label?`, async ({ type, dated, filters }) => {
    expect(await unanchoredProblemsOf(type, dated, filters)).toEqual([]);
  });

  test(`${graph}: do the totals of unfiltered lists come from the count store, at no extra cost?`, async () => {
    for (const { type, dated } of LISTS) {
      for (const [, order] of ordersOf(dated)) {
        const without = await profile(type, NO_FILTER, order, null, false);
        const { plan } = await profile(type, NO_FILTER, order, null, true);
        expect(operators(plan).filter((op) => nameOf(op) === 'NodeCountFromCountStore').map(details)).toEqual([`count( (:${type}) ) AS total`]);
        expect(dbHits(plan) - dbHits(without.plan)).toBeLessThanOrEqual(2);
      }
    }
  });

  test(`${graph}: does every list whose filter names an entity start from that entity, found by its id?`, async () => {
    expect(await anchoredProblems(false)).toEqual([]);
  });

  // Regression: anchored lists with a date range once carried no hint, so on the seed graph (where
  // the range holds next to nothing) the planner started from the type's date index and checked
  // the anchor on each candidate. Anchored lists now hint the anchor's id index.
  test(`${graph}: does a list whose filter names an entity and a date range start from that entity too?`, async () => {
    expect(await anchoredProblems(true)).toEqual([]);
  });

  test(`${graph}: does a post title alone start from the titles' text index?`, async () => {
    for (const [count, after] of [[false, null], [true, null], [true, ['M', 'person-m']]] as [boolean, Sort | null][]) {
      const { plan } = await profile('Person', personFilter({ postTitle: 'director' }), BY_NAME, after, count);
      const ops = operators(plan);
      expect(ops.filter((op) => SCANS.includes(nameOf(op))).map(describeOp)).toEqual([]);
      expect(ops.filter((op) => /RelationshipIndexContainsScan$/.test(nameOf(op))).length).toBe(count ? 2 : 1);
    }
  });
}

describe('on the seed graph', () => {
  test('is the Cypher PROFILEd here the text and parameters the API sends for a list?', async () => {
    const query = `query($after: String) { events(filter: {date: {from: "2010", undated: INCLUDE}}, orderBy: {field: DATE, direction: DESC}, first: 1, after: $after) {
      totalCount pageInfo { endCursor } edges { node { name } } } }`;
    const first = await server.gql(query);
    expect(first.errors).toBeUndefined();
    const { queries } = await server.recordQueries(() => server.gql(query, { after: first.data!.events.pageInfo.endCursor }));
    const lists = queries.filter((q) => q.operation === 'entity.list');
    expect(lists).toHaveLength(1);
    const filter = eventFilter({ date: { from: '2010', undated: 'INCLUDE' } });
    const order = ORDERS['DATE DESC'];
    expect(lists[0].cypher).toBe(listCypher(listShape('Event', filter, order, true, true)));
    expect(lists[0].params).toEqual({ keys: [{ filter, after: expect.any(Array), attributes: false, detail: false }], limit: 2 });
  });

  planQuestions('seed');
});

describe('with 3,000 generated entities', () => {
  beforeAll(async () => {
    // Every relationship the list filters follow from an anchor; a sample of the many posts and
    // participations (enough for anchors with hundreds of them, and a quicker import).
    const seen = new Map<string, number>();
    const every: Record<string, number> = { HOLDS_POST: 5, PARTICIPATED_IN: 20 };
    await importGenerated({
      entities: 3000,
      seed: 7,
      select: (relationships) => relationships.filter((r) => {
        const n = (seen.get(r.type) ?? 0) + 1;
        seen.set(r.type, n);
        return ['PART_OF', 'LOCATED_IN', 'PARTY_TO', 'INVOLVED_IN', 'GOVERNS'].includes(r.type) || (every[r.type] !== undefined && n % every[r.type] === 0);
      }),
    });
    const { records } = await server.db.driver.executeQuery('MATCH (n:Person) RETURN count(n) AS people', {}, { database: server.db.name });
    expect(records[0].get('people')).toBeGreaterThan(1000);
  }, 180_000);

  planQuestions('generated');

  // A page of 20 reads 21 index entries (21 per kind when kinds are given) and caches a few
  // properties of each: about 50-100 db hits; reading the 1,350 people or 600 organisations would
  // cost several times the bound. Kinds by date are the exception: the date index is read and
  // filtered by kind, so a page reads about 21 / (the kinds' share of the type) entries: a sixth
  // here, ~120 entries and ~280 db hits, more for a rarer kind.
  const PAGE_HITS = 250;
  const KINDS_BY_DATE_HITS = 500;

  test('does a page of 20 cost the same few db hits at the start and deep in every list without a date range?', async () => {
    const costs: string[] = [];
    for (const { type, dated, filters } of LISTS) {
      for (const [orderName, order] of ordersOf(dated)) {
        const middle = await middleOf(type, order);
        for (const [filterName, filter] of [['unfiltered', NO_FILTER] as [string, ListFilter], ...filters.filter(([, f]) => f.date === null)]) {
          const bound = filter.kinds.length > 0 && order.field === 'DATE' ? KINDS_BY_DATE_HITS : PAGE_HITS;
          const first = await profile(type, filter, order, null, false);
          const deep = await profile(type, filter, order, middle, false);
          expect(first.items).toBe(PAGE + 1);
          for (const [page, { plan }] of [['first page', first], ['after the middle', deep]] as const) {
            if (dbHits(plan) >= bound) costs.push(`${type} ${filterName} by ${orderName}, ${page}: ${dbHits(plan)} db hits`);
          }
        }
      }
    }
    expect(costs).toEqual([]);
  });
});
