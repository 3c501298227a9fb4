export { issueDemoToken, usingLocalIssuer, LOCAL_ISSUER } from './issuer';
export { authenticate, userFromClaims } from './verify';
export { DEMO_USERS, DEMO_PASSWORD } from './demo-users';
export { authRouter } from './routes';
