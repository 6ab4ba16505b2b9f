import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localCredentials, passwordFile } from '../../src/db/local-credentials';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-credentials-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the first call writes a random password readable by its owner alone; later calls read it', () => {
  const first = localCredentials(join(dir, 'neo4j'));
  expect(first.username).toBe('neo4j');
  expect(first.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(statSync(passwordFile(join(dir, 'neo4j'))).mode & 0o777).toBe(0o600);
  expect(localCredentials(join(dir, 'neo4j'))).toEqual(first);
  const other = mkdtempSync(join(tmpdir(), 'kg-credentials-'));
  try {
    expect(localCredentials(other).password).not.toBe(first.password);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('a file others can read is made private; an empty one is refused with what to do', () => {
  writeFileSync(passwordFile(dir), 'chosen-by-the-operator\n', { mode: 0o644 });
  expect(localCredentials(dir).password).toBe('chosen-by-the-operator');
  expect(statSync(passwordFile(dir)).mode & 0o777).toBe(0o600);
  expect(readFileSync(passwordFile(dir), 'utf8')).toBe('chosen-by-the-operator\n');
  writeFileSync(passwordFile(dir), '\n');
  expect(() => localCredentials(dir)).toThrow(/is empty: delete it and start again/);
});
