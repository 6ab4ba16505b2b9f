// The gate that queues heavy reads: never more than its limit at once, turns in arrival order,
// a wait that outlasts its deadline fails (and leaves the queue), failed work frees its turn.
import { Gate, GateTimeoutError } from '../../src/db/gate';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('runs at most `limit` pieces of work at once, the rest in arrival order', async () => {
  const gate = new Gate(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const work = (n: number) => gate.run(async () => {
    started.push(n);
    running++;
    most = Math.max(most, running);
    await sleep(20);
    running--;
    return n;
  }, 5_000);
  expect(await Promise.all([1, 2, 3, 4, 5, 6].map(work))).toEqual([1, 2, 3, 4, 5, 6]);
  expect(most).toBe(2);
  expect(gate.peak).toBe(2);
  expect(started).toEqual([1, 2, 3, 4, 5, 6]);
  expect(gate.queued).toBe(0);
});

test('a wait longer than its deadline fails with GateTimeoutError and gives up its place', async () => {
  const gate = new Gate(1);
  const long = gate.run(() => sleep(100), 1_000);
  const impatient = gate.run(async () => 'never', 20);
  await expect(impatient).rejects.toBeInstanceOf(GateTimeoutError);
  expect(gate.queued).toBe(0);
  await long;
  expect(await gate.run(async () => 'next', 1_000)).toBe('next');
});

test('work that fails still frees its turn', async () => {
  const gate = new Gate(1);
  await expect(gate.run(async () => { throw new Error('boom'); }, 1_000)).rejects.toThrow('boom');
  expect(await gate.run(async () => 'after', 50)).toBe('after');
});

test('a limit below 1 is refused', () => {
  expect(() => new Gate(0)).toThrow('at least 1');
});
