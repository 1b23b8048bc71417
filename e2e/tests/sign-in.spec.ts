import { test, expect, signIn, apiRequests, DEMO_TOKEN, waitForIdle } from './fixtures';

test('the demo token signs in and the header shows the admin and org', async ({ page, sim }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page);
  await expect(page.getByTestId('signed-in-as')).toContainText('Acme Telecom Demo');
  await expect(page.getByRole('heading', { name: /Welcome, Dana Admin/ })).toBeVisible();
  const stored = await page.evaluate(() => sessionStorage.getItem('pstn-console.token'));
  expect(stored).toBe(DEMO_TOKEN);
  expect(page.url()).not.toContain(DEMO_TOKEN);
  await waitForIdle(page);
  const me = await sim.exchanges({ method: 'GET', path: '/v1/people/me' });
  expect(me.length).toBeGreaterThanOrEqual(1);
});

test('a wrong token shows the error and nothing else happens', async ({ page, sim }) => {
  await page.goto('/trunks');
  await waitForIdle(page);
  const sent = apiRequests(page);
  await page.getByLabel('Access token').fill('not-a-real-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Webex did not accept this access token');
  await expect(page.getByRole('alert')).toContainText('HTTP 401');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  expect(sent.map((r) => new URL(r.url()).pathname)).toEqual(['/v1/people/me']);
  expect(await page.evaluate(() => sessionStorage.getItem('pstn-console.token'))).toBeNull();
  // The typed token is kept so it can be corrected.
  await expect(page.getByLabel('Access token')).toHaveValue('not-a-real-token');
  void sim;
});

test('an empty token is refused before anything is sent', async ({ page, sim }) => {
  await page.goto('/');
  await waitForIdle(page);
  const sent = apiRequests(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Paste your access token first.')).toBeVisible();
  expect(sent).toEqual([]);
  void sim;
});

test('sign out returns to sign-in and forgets the token', async ({ page, sim }) => {
  await page.goto('/');
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('pstn-console.token'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  void sim;
});

test('a signed-in admin stays signed in on reload and deep links work', async ({ page, sim }) => {
  await page.goto('/locations');
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Locations', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page.getByRole('heading', { name: 'Locations', level: 1 })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  void sim;
});
