/**
 * `npm run verify-log`: proves the access log's hash chain. Uses NEO4J_URI when set, else the
 * embedded default's Bolt port (a running `npm start`). Exit code 0 when intact, 1 when broken.
 */
async function main(): Promise<void> {
  process.env.NEO4J_URI ??= `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`;
  const { getDriver, database, closeDriver } = await import('../server/db/driver');
  const { verifyAccessLog } = await import('../server/security/access-log-verify');
  try {
    const r = await verifyAccessLog(getDriver(), database());
    if (r.ok) console.log(`Access log intact: ${r.entries} entries, hash chain verified`);
    else console.error(`Access log BROKEN at entry ${r.brokenAt}: ${r.reason} (${r.entries} entries verified before it)`);
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    await closeDriver();
  }
}

main().catch((e) => {
  console.error(`Could not verify the access log: ${(e as Error).message}`);
  process.exit(2);
});
