// `npm run contract:check`: fails (exit 1, listing them) when schema/*.graphql breaks the
// committed contract schema-contract/schema.graphql; additions pass. `npm run contract:update`
// (codegen, then `--update`) copies the regenerated SDL src/generated/schema.graphql over the
// contract, to accept a change on purpose.
import { copyFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareSchemas, formatChanges, readCurrentSdl } from './contract';

const ROOT = resolve(__dirname, '..');
const CONTRACT = resolve(ROOT, 'schema-contract/schema.graphql');
const GENERATED = resolve(ROOT, 'src/generated/schema.graphql');

async function main(): Promise<void> {
  if (process.argv.includes('--update')) {
    copyFileSync(GENERATED, CONTRACT);
    console.log('schema-contract/schema.graphql updated from src/generated/schema.graphql');
    return;
  }
  const report = await compareSchemas(readFileSync(CONTRACT, 'utf8'), readCurrentSdl(resolve(ROOT, 'schema')));
  process.stdout.write(formatChanges('non-breaking changes', report.safe));
  process.stdout.write(formatChanges('dangerous changes', report.dangerous));
  if (!report.ok) {
    process.stderr.write(formatChanges('BREAKING changes to the schema contract', report.breaking));
    console.error('the schema breaks schema-contract/schema.graphql; if intended, run `npm run contract:update` and commit it');
    process.exit(1);
  }
  console.log('schema contract: no breaking changes');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
