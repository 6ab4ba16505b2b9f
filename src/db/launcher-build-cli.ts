// `npm run neo4j:build`: builds the local Neo4j launcher now (npm start and the tests do it on
// first use), showing Maven's download progress.
import { ensureLauncherBuilt, launcherIsBuilt } from './launcher-build';

const upToDate = launcherIsBuilt();
ensureLauncherBuilt((line) => console.log(line)).then(
  () => upToDate && console.log('the local Neo4j launcher is up to date'),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
