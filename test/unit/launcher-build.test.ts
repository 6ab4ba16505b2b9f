import { parseDownload } from '../../src/db/launcher-build';

test("Maven's finished downloads are read as file and bytes, colour codes or not", () => {
  expect(parseDownload('[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar (12 MB at 4.1 MB/s)'))
    .toEqual({ file: 'neo4j-kernel-5.26.30.jar', bytes: 12_000_000 });
  expect(parseDownload('\u001b[1;34m[INFO]\u001b[m Downloaded from central: https://repo/x/y-1.pom (2.5 kB at 31 kB/s)'))
    .toEqual({ file: 'y-1.pom', bytes: 2500 });
  expect(parseDownload('\u001b[0m[INFO] Downloaded from central: https://repo/a.jar (512 B at 9 kB/s)')).toEqual({ file: 'a.jar', bytes: 512 });
  expect(parseDownload('[INFO] Downloading from central: https://repo/a.jar')).toBeNull();
  expect(parseDownload('[INFO] BUILD SUCCESS')).toBeNull();
});
