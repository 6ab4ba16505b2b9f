// The environment, read and validated once at start-up. Nothing else reads process.env.
import { join } from 'node:path';
import { DEFAULT_COSTLY_QUERY_CONCURRENCY, DEFAULT_COSTLY_QUERY_COST } from './api/admission';
import { DEFAULT_DRAIN_MS } from './api/drain';
import { DEFAULT_MAX_RESPONSE_BYTES } from './api/response-size';
import { DEFAULT_HEAVY_READ_CONCURRENCY } from './db/database';

export interface Neo4jRemoteConfig {
  uri: string;
  username?: string;
  password?: string;
}

export interface Config {
  host: string;
  port: number;
  /** Set: use that server. Unset: start the project's own local Neo4j. */
  neo4jRemote?: Neo4jRemoteConfig;
  neo4jDatabase: string;
  localNeo4jDataDir: string;
  localNeo4jPort: number;
  localNeo4jHeap: string;
  /** Most memory one transaction may use in the local Neo4j (db.memory.transaction.max). */
  localNeo4jTransactionMemory: string;
  transactionTimeoutMs: number;
  /** Heavy reads (neighbourhoods, paths) this process runs at once; the rest queue. */
  heavyReadConcurrency: number;
  /** Per transaction of `npm run import` (one batch, or one step of recounting degrees). */
  importTransactionTimeoutMs: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Operations estimated at this cost or more run `costlyQueryConcurrency` at a time; the rest queue. */
  costlyQueryCost: number;
  costlyQueryConcurrency: number;
  maxResponseBytes: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** How long a stop waits for requests in flight before cutting them. */
  shutdownDrainMs: number;
  /** NODE_ENV=production: error messages give no schema details ("Did you mean ...?"). */
  production: boolean;
  seedOnStart: boolean;
}

export class ConfigError extends Error {}

/**
 * Room for a dashboard's nested page of 100 with its sources (every value counted), or five paths
 * of 4 hops with each step's sources; not for pages nested four deep.
 */
export const DEFAULT_MAX_QUERY_COST = 1_000_000;

/** Per operation: aliases, directives and lexical tokens (a 1 MB body of aliases is ~100k tokens). */
export const DEFAULT_SYNTAX_LIMITS = { maxAliases: 50, maxDirectives: 50, maxTokens: 10_000 } as const;

const ROOT = join(__dirname, '..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    neo4jRemote: uri ? { uri, username: env.NEO4J_USERNAME, password: env.NEO4J_PASSWORD } : undefined,
    neo4jDatabase: env.NEO4J_DATABASE?.trim() || 'neo4j',
    localNeo4jDataDir: env.NEO4J_LOCAL_DATA_DIR ?? join(ROOT, '.data', 'neo4j'),
    localNeo4jPort: int(env, 'NEO4J_LOCAL_PORT', 0, 0, 65535),
    localNeo4jHeap: env.NEO4J_LOCAL_HEAP ?? '1g',
    localNeo4jTransactionMemory: env.NEO4J_LOCAL_TX_MEMORY ?? '256m',
    transactionTimeoutMs: int(env, 'NEO4J_TX_TIMEOUT_MS', 10_000, 100, 600_000),
    heavyReadConcurrency: int(env, 'HEAVY_READ_CONCURRENCY', DEFAULT_HEAVY_READ_CONCURRENCY, 1, 256),
    importTransactionTimeoutMs: int(env, 'IMPORT_TX_TIMEOUT_MS', 300_000, 1_000, 3_600_000),
    maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 10, 2, 50),
    maxQueryCost: int(env, 'MAX_QUERY_COST', DEFAULT_MAX_QUERY_COST, 100, 100_000_000),
    costlyQueryCost: int(env, 'COSTLY_QUERY_COST', DEFAULT_COSTLY_QUERY_COST, 1, 100_000_000),
    costlyQueryConcurrency: int(env, 'COSTLY_QUERY_CONCURRENCY', DEFAULT_COSTLY_QUERY_CONCURRENCY, 1, 256),
    maxResponseBytes: int(env, 'MAX_RESPONSE_BYTES', DEFAULT_MAX_RESPONSE_BYTES, 1_000, 1_000_000_000),
    maxAliases: int(env, 'MAX_ALIASES', DEFAULT_SYNTAX_LIMITS.maxAliases, 0, 10_000),
    maxDirectives: int(env, 'MAX_DIRECTIVES', DEFAULT_SYNTAX_LIMITS.maxDirectives, 0, 10_000),
    maxTokens: int(env, 'MAX_TOKENS', DEFAULT_SYNTAX_LIMITS.maxTokens, 100, 1_000_000),
    production: env.NODE_ENV === 'production',
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    shutdownDrainMs: int(env, 'SHUTDOWN_DRAIN_MS', DEFAULT_DRAIN_MS, 0, 600_000),
    seedOnStart: (env.SEED_ON_START ?? 'true') !== 'false',
  };
}

/** The request limits the API takes from the configuration (see api/server.ts ApiOptions). */
export function requestLimits(config: Config) {
  const { maxQueryDepth, maxQueryCost, costlyQueryCost, costlyQueryConcurrency, maxResponseBytes, maxAliases, maxDirectives, maxTokens } = config;
  return {
    maxQueryDepth, maxQueryCost, costlyQueryCost, costlyQueryConcurrency, costlyQueryWaitMs: config.transactionTimeoutMs,
    maxResponseBytes, maxAliases, maxDirectives, maxTokens, hideSchemaDetails: config.production,
  };
}

function oneOf(env: NodeJS.ProcessEnv, key: string, allowed: string[], fallback: string): string {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  if (!allowed.includes(raw)) throw new ConfigError(`${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw;
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${key} must be an integer in ${min}..${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}
