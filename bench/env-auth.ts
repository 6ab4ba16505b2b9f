// The driver auth that the project's processes take from NEO4J_USERNAME / NEO4J_PASSWORD (the
// local Neo4j asks for its generated password; see src/db/local-credentials.ts).
import neo4j, { type AuthToken } from 'neo4j-driver';
import type { Credentials } from '../src/db/local-credentials';

export function basicAuth(credentials: Credentials): AuthToken {
  return neo4j.auth.basic(credentials.username, credentials.password);
}

export function envAuth(env: NodeJS.ProcessEnv = process.env): AuthToken | undefined {
  return env.NEO4J_USERNAME ? neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD ?? '') : undefined;
}
