/** One driver per process, created from config; every driver in the project opens through openDriver(). */
import net from 'node:net';
import tls from 'node:tls';
import neo4j, { Config, Driver } from 'neo4j-driver';
import { config } from '../config';

let nagleOff = false;
/**
 * neo4j-driver for JavaScript (5.28) leaves Nagle's algorithm on for its Bolt sockets, so a
 * transaction's small messages can wait for the server's delayed ACK (~40 ms on Linux): one
 * access-log append measured 52 ms sequentially, 4.5 ms with TCP_NODELAY. The Python driver sets
 * TCP_NODELAY itself (neo4j-python-driver#1122); the JS driver has no option for it, so the
 * sockets it opens with net.connect / tls.connect get noDelay here (http uses createConnection).
 */
function disableNagleForBolt(): void {
  if (nagleOff) return;
  nagleOff = true;
  for (const mod of [net, tls] as Array<{ connect: (...args: unknown[]) => net.Socket }>) {
    const connect = mod.connect;
    mod.connect = function connectWithoutNagle(...args: unknown[]) {
      const socket = connect.apply(mod, args);
      socket.setNoDelay(true);
      return socket;
    };
  }
}

export function openDriver(uri: string, user: string, password: string, options: Config = {}): Driver {
  disableNagleForBolt();
  return neo4j.driver(uri, neo4j.auth.basic(user, password), options);
}

let driver: Driver | undefined;

export function getDriver(): Driver {
  if (!driver) {
    const c = config();
    if (!c.NEO4J_URI) throw new Error('NEO4J_URI is not set: start Neo4j with scripts/neo4j (npm start / npm test do this)');
    driver = openDriver(c.NEO4J_URI, c.NEO4J_USER, c.NEO4J_PASSWORD, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
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
