// Configuration works with no environment at all and refuses nonsense with a clear message.
import { ConfigError, readConfig } from '../../src/config';

test('a fresh clone needs no configuration: local Neo4j, port 4000', () => {
  const config = readConfig({});
  expect(config.neo4jRemote).toBeUndefined();
  expect(config.port).toBe(4000);
  expect(config.neo4jDatabase).toBe('neo4j');
});

test('NEO4J_URI switches to that server, with credentials and database', () => {
  const config = readConfig({ NEO4J_URI: 'neo4j://cluster:7687', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'kg' });
  expect(config.neo4jRemote).toEqual({ uri: 'neo4j://cluster:7687', username: 'u', password: 'p' });
  expect(config.neo4jDatabase).toBe('kg');
});

test('a bad number is refused by name', () => {
  expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  expect(() => readConfig({ MAX_QUERY_DEPTH: '1' })).toThrow(/MAX_QUERY_DEPTH/);
});
