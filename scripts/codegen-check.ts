// Fails when src/generated/ is stale: runs codegen in memory and compares with the files on
// disk. CI runs it so a schema change cannot land without its regenerated types.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';

async function main(): Promise<void> {
  const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
  const stale = outputs.filter((o) => {
    const path = resolve(o.filename);
    return !existsSync(path) || readFileSync(path, 'utf8') !== o.content;
  });
  if (stale.length > 0) {
    console.error(`generated files are stale: ${stale.map((o) => o.filename).join(', ')}\nrun \`npm run codegen\` and commit the result`);
    process.exit(1);
  }
  console.log(`generated files are up to date (${outputs.map((o) => o.filename).join(', ')})`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
