// What an import command reads: one NDJSON file, or a folder's *.ndjson files in name order.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A command line the import commands cannot act on (exit code 2). */
export class UsageError extends Error {}

export function filesOf(target: string): string[] {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${target}: no such file or folder`);
  if (!stat.isDirectory()) return [target];
  const files = readdirSync(target).filter((f) => f.endsWith('.ndjson')).sort().map((f) => join(target, f));
  if (files.length === 0) throw new UsageError(`${target}: no .ndjson files in this folder`);
  return files;
}
