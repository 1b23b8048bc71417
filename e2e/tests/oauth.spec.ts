import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, apiRequests, requestLines, DEMO_TOKEN, waitForIdle } from './fixtures';
import { APP, SIM } from '../playwright.config';

// "Sign in with Webex" against the simulator's /v1/authorize (which redirects at once in e2e).

const TOKEN_KEY = 'pstn-console.token';
const EXPIRES_KEY = 'pstn-console.token-expires';
const PENDING_KEY = 'pstn-console.oauth-pending';
const AUTHORIZE = `${SIM}/v1/authorize`;

/** Everything the app keeps in sessionStorage. */
async function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...sessionStorage }));
}

/** The authorize URLs the page navigates to. */
function authorizeUrls(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(AUTHORIZE)) seen.push(new URL(r.url()));
  });
  return seen;
}

function signInWithWebex(page: Page) {
  return page.getByRole('link', { name: 'Sign in with Webex' }).click();
}

test('implicit flow: lands on the deep link signed in, the token out of the URL', async ({ page, sim }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  const authorize = authorizeUrls(page);
  await page.goto('/locations?q=Toronto');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signInWithWebex(page);

  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page).toHaveURL(`${APP}/locations?q=Toronto`);
  await expect(page.getByRole('heading', { name: 'Locations', level: 1 })).toBeVisible();

  expect(authorize).toHaveLength(1);
  const asked = authorize[0].searchParams;
  expect(asked.get('client_id')).toBe('pstn-console-e2e');
  expect(asked.get('response_type')).toBe('token');
  expect(asked.get('redirect_uri')).toBe(`${APP}/`);
  expect(asked.get('scope')).toContain('spark-admin:telephony_pstn_write');
  expect(asked.get('state')).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  expect(asked.has('code_challenge')).toBe(false);

  const stored = await storage(page);
  const token = stored[TOKEN_KEY];
  expect(token).toMatch(/^sim_/);
  expect(page.url()).not.toContain(token);
  expect(page.url()).not.toContain('access_token');
  expect(stored[PENDING_KEY]).toBeUndefined();
  expect(JSON.stringify(stored)).not.toContain(asked.get('state')!);
  // The simulator's tokens live 14 days (expires_in 1209599 s).
  expect(Number(stored[EXPIRES_KEY])).toBeGreaterThan(Date.now() + 13.9 * 24 * 3600_000);
  await expect(page.getByTestId('token-time-left')).toHaveText('Session: 13 d 23 h left');
  await waitForIdle(page);
  const me = await sim.exchanges({ method: 'GET', path: '/v1/people/me' });
  expect(me.length).toBeGreaterThanOrEqual(1);

  // A reload keeps the session and what is known of its end.
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page.getByTestId('token-time-left')).toHaveText('Session: 13 d 23 h left');

  // Signing out leaves no token behind.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const after = await storage(page);
  expect(after[TOKEN_KEY]).toBeUndefined();
  expect(after[EXPIRES_KEY]).toBeUndefined();
  expect(JSON.stringify(after)).not.toContain(token);
  expect(logs.join('\n')).not.toContain(token);
});

test('an answer whose state does not match is refused and its token not used', async ({ page, sim }) => {
  // Start a sign-in, but stop at Webex's door.
  await page.route(`${AUTHORIZE}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Webex sign-in</h1>' }),
  );
  await page.goto('/trunks');
  await signInWithWebex(page);
  await expect(page.getByRole('heading', { name: 'Webex sign-in' })).toBeVisible();

  // A forged answer carrying a valid token but not this tab's state.
  await waitForIdle(page);
  const sent = apiRequests(page);
  await page.goto(`/#access_token=${DEMO_TOKEN}&expires_in=3600&token_type=Bearer&state=wrong`);
  await expect(page.getByRole('alert')).toContainText('the state differs');
  await expect(page.getByRole('alert')).toContainText('no token was used');
  await expect(page).toHaveURL(`${APP}/trunks`);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect(requestLines(sent), 'the forged token was sent to the API').toEqual([]);
  const stored = await storage(page);
  expect(stored[TOKEN_KEY]).toBeUndefined();
  expect(stored[PENDING_KEY]).toBeUndefined();

  // Pasting a token still works from there.
  await page.getByLabel('Access token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page.getByRole('heading', { name: 'Trunks', level: 1 })).toBeVisible();
  // A pasted token's life is unknown: no time is shown.
  await expect(page.getByTestId('token-time-left')).toHaveCount(0);
  void sim;
});

test('an answer this tab never asked for is refused', async ({ page, sim }) => {
  await waitForIdle(page);
  const sent = apiRequests(page);
  await page.goto(`/locations#access_token=${DEMO_TOKEN}&state=anything`);
  await expect(page.getByRole('alert')).toContainText('not started from this browser tab');
  await expect(page).toHaveURL(`${APP}/locations`);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect(requestLines(sent)).toEqual([]);
  expect((await storage(page))[TOKEN_KEY]).toBeUndefined();
  void sim;
});

test('declining at Webex says so and signs nobody in', async ({ page, sim }) => {
  // The simulator's consent page, answered "Decline".
  await page.route(`${AUTHORIZE}**`, (route) => route.continue({ url: `${route.request().url()}&consent=deny` }));
  await page.goto('/trunks');
  await signInWithWebex(page);
  await expect(page.getByRole('alert')).toContainText('You declined');
  await expect(page).toHaveURL(`${APP}/trunks`);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect((await storage(page))[PENDING_KEY]).toBeUndefined();
  void sim;
});

test('PKCE flow: the code is exchanged with the verifier and no secret', async ({ page, sim }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        apiBase: `${SIM}/v1`,
        oauth: { clientId: 'pstn-console-e2e', redirectUri: `${APP}/`, flow: 'pkce' },
      },
    }),
  );
  const authorize = authorizeUrls(page);
  const exchanges: { body: string; contentType: string }[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url() === `${SIM}/v1/access_token`) {
      exchanges.push({ body: r.postData() ?? '', contentType: r.headers()['content-type'] ?? '' });
    }
  });
  await page.goto('/trunks');
  await signInWithWebex(page);

  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page).toHaveURL(`${APP}/trunks`);
  await expect(page.getByRole('heading', { name: 'Trunks', level: 1 })).toBeVisible();

  expect(authorize).toHaveLength(1);
  const asked = authorize[0].searchParams;
  expect(asked.get('response_type')).toBe('code');
  expect(asked.get('code_challenge_method')).toBe('S256');
  expect(exchanges).toHaveLength(1);
  const form = new URLSearchParams(exchanges[0].body);
  expect(exchanges[0].contentType).toContain('application/x-www-form-urlencoded');
  expect(form.get('grant_type')).toBe('authorization_code');
  expect(form.get('client_id')).toBe('pstn-console-e2e');
  expect(form.get('redirect_uri')).toBe(`${APP}/`);
  expect(form.get('code')).toMatch(/^code_/);
  const verifier = form.get('code_verifier')!;
  expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
  expect(createHash('sha256').update(verifier).digest('base64url')).toBe(asked.get('code_challenge'));
  expect([...form.keys()]).not.toContain('client_secret');
  expect(exchanges[0].body).not.toContain('secret');
  expect(authorize[0].href).not.toContain(verifier);

  const stored = await storage(page);
  expect(stored[TOKEN_KEY]).toMatch(/^sim_/);
  expect(stored[PENDING_KEY]).toBeUndefined();
  expect(JSON.stringify(stored)).not.toContain(verifier);
  expect(page.url()).not.toContain('code=');
  await expect(page.getByTestId('token-time-left')).toHaveText('Session: 13 d 23 h left');
  void sim;
});

test('an error answer without our state shows only our words', async ({ page, sim }) => {
  await page.goto('/trunks#error=server_error&error_description=Your%20account%20is%20locked%3A%20call%20555-0100');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This sign-in answer did not come from a sign-in started here.');
  await expect(page.getByText('555-0100')).toHaveCount(0);
  await expect(page).toHaveURL(`${APP}/trunks`);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

  // With a state, but not one this tab started: the same.
  await page.route(`${AUTHORIZE}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Webex sign-in</h1>' }),
  );
  await signInWithWebex(page);
  await expect(page.getByRole('heading', { name: 'Webex sign-in' })).toBeVisible();
  await page.goto('/trunks?error=server_error&error_description=Call%20555-0100&state=forged');
  await expect(page.getByRole('alert')).toContainText('This sign-in answer did not come from a sign-in started here.');
  await expect(page.getByText('555-0100')).toHaveCount(0);
  void sim;
});

test('an error answer with our state shows Webex\'s description', async ({ page, sim }) => {
  await page.route(`${AUTHORIZE}**`, (route) => {
    const state = new URL(route.request().url()).searchParams.get('state') ?? '';
    const answer = new URLSearchParams({ error: 'invalid_scope', error_description: 'The scope is not allowed for this app.', state });
    return route.fulfill({ status: 302, headers: { location: `${APP}/?${answer}` } });
  });
  await page.goto('/locations');
  await signInWithWebex(page);
  await expect(page.getByRole('alert')).toContainText('Webex did not sign you in: The scope is not allowed for this app.');
  await expect(page).toHaveURL(`${APP}/locations`);
  void sim;
});

test('a token in the query string is ignored and taken out of the address bar', async ({ page, sim }) => {
  const sent = apiRequests(page);
  await page.goto(`/trunks?type=REGISTERING&access_token=${DEMO_TOKEN}&expires_in=3600&token_type=Bearer`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(`${APP}/trunks?type=REGISTERING`);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await waitForIdle(page);
  expect(requestLines(sent), 'the token from the query was used').toEqual([]);
  expect((await storage(page))[TOKEN_KEY]).toBeUndefined();
  void sim;
});
