/**
 * Configuration, read from the environment and validated once. No process.env elsewhere
 * (scripts that start Neo4j set NEO4J_URI before loading this).
 */
import { z } from 'zod';
import { CARE_STATUS, REFERRAL_TYPE } from '../model/enums';

/** A comma-separated list of codes, each one of `allowed`. */
const codeList = (allowed: string[], fallback: string) => z.string().default(fallback)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((xs) => xs.every((x) => allowed.includes(x)), { message: `each code must be one of ${allowed.join(', ')}` });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z.string().default('neo4j'),
  /** Port for the embedded launcher's Bolt connector. */
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j'),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(64).default(512),
  NEO4J_HEAP: z.string().default('2g'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Embedded default: local OIDC issuer with demo users. Set OIDC_ISSUER + OIDC_JWKS_URI to use a real one. */
  OIDC_ISSUER: z.string().optional(),
  OIDC_JWKS_URI: z.string().optional(),
  OIDC_AUDIENCE: z.string().default('safeguarding-graph'),
  SEED_SCALE: z.enum(['demo', 'borough', 'none']).default('demo'),
  SEED: z.coerce.number().int().default(20251),
  /** Where the access log's checkpoints are kept, outside the database (server/modules/accesslog/access-log-checkpoints.ts). */
  ACCESS_LOG_CHECKPOINTS: z.string().min(1).default('.data/access-log-checkpoints.jsonl'),
  ACCESS_LOG_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** What makes a child "known" to panels and plans (comma lists of the model's codes; see server/domain/known.ts). */
  KNOWN_REFERRAL_TYPES: codeList(Object.keys(REFERRAL_TYPE), 'PANEL,MACE,NRM'),
  KNOWN_CARE_STATUSES: codeList(Object.keys(CARE_STATUS), 'CPP,CLA'),
  /** The borough's own file: name, national comparators, ward boundaries (server/platform/borough.ts, config/README.md). */
  BOROUGH_CONFIG: z.string().min(1).default('config/borough.json'),
  /** Client addresses allowed to read /metrics, comma-separated (server/ops/ops-routes.ts). */
  METRICS_ALLOW: z.string().default('127.0.0.1,::1').transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean)),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests and launchers that change the environment after start-up. */
export function resetConfig(): void {
  cached = undefined;
}
