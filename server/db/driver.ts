/** One driver per process, created from config. */
import neo4j, { Driver } from 'neo4j-driver';
import { config } from '../config';

let driver: Driver | undefined;

export function getDriver(): Driver {
  if (!driver) {
    const c = config();
    if (!c.NEO4J_URI) throw new Error('NEO4J_URI is not set: start Neo4j with scripts/neo4j (npm start / npm test do this)');
    driver = neo4j.driver(c.NEO4J_URI, neo4j.auth.basic(c.NEO4J_USER, c.NEO4J_PASSWORD), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
    });
  }
  return driver;
}

export const database = (): string => config().NEO4J_DATABASE;

export async function closeDriver(): Promise<void> {
  if (driver) {
    const d = driver;
    driver = undefined;
    await d.close();
  }
}
