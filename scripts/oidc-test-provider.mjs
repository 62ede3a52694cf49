// A real OpenID Connect provider (the npm package oidc-provider) for the staff sign-in tests, started by
// scripts/test-services.d/oidc.sh. Never for production: its login form (devInteractions) takes any password.
//
// Arguments: the folder oidc-provider is installed in, a file to write the port to, a file to log authorization
// requests to (one JSON line each, so a test can see the PKCE challenge it was sent), and the pid of the shell that
// started it (it exits when that shell is gone).
//
// The issuer is http://localhost:PORT while Leeway's test hosts are http://127.0.0.1:PORT: two different sites, so the
// browser treats the round trip as cross-site, as it will be in production.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, portFile, logFile, watchedPid] = process.argv.slice(2);
const { default: Provider } = await import(pathToFileURL(join(modules, 'node_modules', 'oidc-provider', 'lib', 'index.js')).href);

// The accounts the tests sign in as: the login is the account id; "groups" is the role claim Leeway maps.
const accounts = {
  'agent@corp.test': { name: 'Ada Agent', groups: ['everyone', 'billing-agents'] },
  'lead@corp.test': { name: 'Lee Lead', groups: ['everyone', 'billing-agents', 'billing-leads'] },
  'admin@corp.test': { name: 'Adi Admin', groups: ['everyone', 'billing-admins'] },
  'outsider@corp.test': { name: 'Otto Outsider', groups: ['everyone'] },
  'disabled@corp.test': { name: 'Dee Disabled', groups: ['billing-agents'] },
};

const clientId = 'leeway-staff-console';
const callbackPath = '/console/sign-in/oidc';

let handler = (_req, res) => { res.statusCode = 503; res.end(); };
const listeners = [createServer((req, res) => handler(req, res)), createServer((req, res) => handler(req, res))];
await new Promise((resolve, reject) => { listeners[0].once('error', reject); listeners[0].listen(0, '127.0.0.1', resolve); });
const { port } = listeners[0].address();
// localhost may resolve to ::1 first; answer there too when this machine has IPv6 loopback.
listeners[1].once('error', () => {});
listeners[1].listen(port, '::1');

const issuer = `http://localhost:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: 'leeway-test-secret',
    token_endpoint_auth_method: 'client_secret_post',
    redirect_uris: [`http://127.0.0.1${callbackPath}`],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  // Claims in the ID token too, as Entra ID and Okta can send them; Leeway reads both places.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: account.name, groups: account.groups };
      },
    };
  },
  // Staff sign in to a first-party app: no consent screen (the grant is made here, as an IdP does for its own apps).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email groups');
    await grant.save();
    return grant;
  },
  ttl: { Session: 600, Interaction: 600, Grant: 600 },
});

// Each test host listens on its own port: the test client may return to the callback path on any port of 127.0.0.1
// (as RFC 8252 allows native clients), nothing else.
const allowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
  if (this.clientId !== clientId) return allowed.call(this, value);
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname === callbackPath && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
};

const log = (event, ctx) => {
  const p = ctx.oidc?.params ?? {};
  appendFileSync(logFile, JSON.stringify({
    event,
    at: new Date().toISOString(),
    client_id: p.client_id,
    redirect_uri: p.redirect_uri,
    response_type: p.response_type,
    scope: p.scope,
    code_challenge: p.code_challenge,
    code_challenge_method: p.code_challenge_method,
    pushed: Boolean(p.request_uri),
  }) + '\n');
};
provider.on('authorization.success', (ctx) => log('authorization.success', ctx));
provider.on('pushed_authorization_request.success', (ctx) => log('pushed_authorization_request.success', ctx));
provider.on('authorization.error', (ctx, error) => appendFileSync(logFile, JSON.stringify({ event: 'authorization.error', error: error.message, description: error.error_description }) + '\n'));
provider.on('grant.error', (ctx, error) => appendFileSync(logFile, JSON.stringify({ event: 'grant.error', error: error.message, description: error.error_description }) + '\n'));
provider.on('server_error', (ctx, error) => appendFileSync(logFile, JSON.stringify({ event: 'server_error', error: String(error?.stack ?? error) }) + '\n'));

handler = provider.callback();
writeFileSync(`${portFile}.tmp`, String(port));
renameSync(`${portFile}.tmp`, portFile);

setInterval(() => {
  try {
    process.kill(Number(watchedPid), 0);
  } catch {
    process.exit(0);
  }
}, 1000);
