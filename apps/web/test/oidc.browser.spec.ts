import { expect, expectNoAxeViolations, test } from './support/portal';
import { API_RESOURCE, PORTAL_CLIENT_ID, startOidcProvider, type RunningProvider } from './support/oidc-provider';
import { freePort, startApi, type RunningApi } from './support/servers';
import * as path from 'node:path';
import { REPO_ROOT } from './support/servers';

// AUTH_MODE=oidc: the portal signs in with Authorization Code + PKCE (oidc-client-ts) against a
// real OpenID provider on loopback; the browser logs in through the provider's own pages, and the
// API checks the access token as it always does (issuer keys, audience, role and organisation claims).
test.describe.configure({ mode: 'serial' });

let provider: RunningProvider;
let api: RunningApi;

test.beforeAll(async () => {
  const providerPort = await freePort();
  const issuer = `http://127.0.0.1:${providerPort}`;
  // The API must know the issuer and the provider the portal's address: start the API first on a
  // port of its own choosing, then the provider with that address.
  api = await startApi({
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: issuer,
    OIDC_AUDIENCE: API_RESOURCE,
    OIDC_CLIENT_ID: PORTAL_CLIENT_ID,
    OIDC_PORTAL_SCOPE: 'openid profile api',
    DATA_DIR: path.join(REPO_ROOT, '.tmp', 'browser-data', `oidc-${Date.now()}`),
  });
  provider = await startOidcProvider(api.url, providerPort);
});

test.afterAll(async () => {
  await api?.stop();
  await provider?.stop();
});

test('signs in through the OpenID provider, uses the API with its token, and signs out', async ({ page }) => {
  await page.goto(`${api.url}/inloggen?terug=/zaken`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  await expectNoAxeViolations(page, 'oidc-inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();

  // The provider's own pages (its development login and consent screens).
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill('prov-anna');
  await page.locator('input[name="password"]').fill('irrelevant');
  await page.getByRole('button', { name: /sign-in/i }).click();
  if (new URL(page.url()).origin === provider.issuer) {
    await page.getByRole('button', { name: /continue/i }).click();
  }

  // Back in the portal, signed in: the API accepted the provider's access token.
  await expect(page).toHaveURL(`${api.url}/zaken`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn zaken');
  await expect(page.getByText('Anna de Linde, Fysiotherapie De Linde')).toBeVisible();
  await expect(page.getByText('Er zijn geen zaken.')).toBeVisible();
  await expectNoAxeViolations(page, 'oidc-mijn-zaken');

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await page.getByRole('button', { name: /yes, sign me out/i }).click();
  await expect(page).toHaveURL(`${api.url}/uitgelogd`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('U bent uitgelogd');
  await expectNoAxeViolations(page, 'oidc-uitgelogd');
});

test('an expired or refused sign-in asks to sign in again', async ({ page }) => {
  await page.goto(`${api.url}/zaken`);
  // Not signed in: the portal sends the person to sign in and back.
  await expect(page).toHaveURL(`${api.url}/inloggen?terug=%2Fzaken`);
  // A token the API refuses (as after expiry) ends the session with a clear message.
  await page.evaluate(() => sessionStorage.setItem('gzc.token', 'not-a-valid-token'));
  await page.goto(`${api.url}/zaken`);
  await expect(page.getByText('U bent uitgelogd, omdat uw sessie is verlopen.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log opnieuw in' })).toBeVisible();
  await expectNoAxeViolations(page, 'oidc-sessie-verlopen');
});
