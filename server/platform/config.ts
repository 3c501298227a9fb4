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

/** Enquiries about a child, multi-agency meetings (strategy, MACE, panel), disruption, analysis, data quality, audit. */
const DEFAULT_PURPOSES = 'safeguarding-enquiry,multi-agency-meeting,disruption,analysis,data-quality,audit';

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
  /**
   * The identity provider's userinfo endpoint: role and agency are read from it (at most 5 minutes
   * old), so a role changed there applies within 5 minutes. Without it a configured provider's
   * tokens may live at most 5 minutes (server/auth/verify.ts).
   */
  OIDC_USERINFO_URI: z.string().url().optional(),
  /** /graphql requests a minute per client address (behind a proxy every user shares its address) and per signed-in user. */
  GRAPHQL_RATE_PER_IP: z.coerce.number().int().min(1).default(600),
  GRAPHQL_RATE_PER_USER: z.coerce.number().int().min(1).default(240),
  /** Browser origins (scheme://host[:port]) of other sites allowed to call /graphql; none by default (the workspace is same-origin). */
  CORS_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((xs) => xs.every((o) => /^https?:\/\/[^/\s*]+$/.test(o)), { message: 'comma-separated origins such as https://workspace.example (no path, no *)' }),
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
  /**
   * Why a person-level read may be made: the purposes a justification names (server/platform/justification.ts),
   * comma-separated codes of lower-case letters, digits and hyphens.
   */
  JUSTIFICATION_PURPOSES: z.string().default(DEFAULT_PURPOSES)
    .transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))])
    .refine((xs) => xs.length >= 1 && xs.length <= 20 && xs.every((x) => /^[a-z0-9][a-z0-9-]{1,39}$/.test(x)),
      { message: '1 to 20 comma-separated codes of lower-case letters, digits and hyphens (2-40 characters each)' }),
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
