/** `npm run token -- <demo-user>`: prints a bearer token from the embedded default's local issuer. */
import { DEMO_USERS, issueDemoToken, usingLocalIssuer } from '../server/auth';

async function main(): Promise<void> {
  const username = process.argv[2];
  if (!usingLocalIssuer()) throw new Error('OIDC_ISSUER is set or NODE_ENV is production: get tokens from your identity provider');
  if (!username || !DEMO_USERS[username]) {
    throw new Error(`Usage: npm run token -- <demo-user>; one of: ${Object.keys(DEMO_USERS).join(', ')}`);
  }
  process.stdout.write(`${await issueDemoToken(username)}\n`);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
