// The schema contract: compares the committed contract SDL with the current schema and sorts the
// differences by criticality (@graphql-inspector/core). Pure: two SDL strings in, a report out.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel, type Change } from '@graphql-inspector/core';

export interface ContractReport {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
  /** True when nothing breaks the contract. */
  ok: boolean;
}

export async function compareSchemas(contractSdl: string, currentSdl: string): Promise<ContractReport> {
  const changes = await diff(buildSchema(contractSdl), buildSchema(currentSdl));
  const of = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  const breaking = of(CriticalityLevel.Breaking);
  return { breaking, dangerous: of(CriticalityLevel.Dangerous), safe: of(CriticalityLevel.NonBreaking), ok: breaking.length === 0 };
}

/** The current schema: every schema/*.graphql file, merged (they extend one Query type). */
export function readCurrentSdl(schemaDir: string): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
    .join('\n');
}

export function formatChanges(title: string, changes: Change[]): string {
  return changes.length === 0 ? '' : `${title} (${changes.length}):\n${changes.map((c) => `  - ${c.path ? `${c.path}: ` : ''}${c.message}`).join('\n')}\n`;
}
