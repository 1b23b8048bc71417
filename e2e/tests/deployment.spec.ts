import { test, expect, signIn, waitForIdle } from './fixtures';

test('the page runs under its Content-Security-Policy', async ({ page, sim }) => {
  const response = await page.goto('/');
  const html = await response!.text();
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  await signIn(page);
  await page.getByRole('link', { name: 'Trunks' }).first().click();
  await expect(page.getByText('6 trunks')).toBeVisible();
  expect(violations).toEqual([]);
  void sim;
});

test('config.json is asked for once (index.html starts it, the app takes its answer) and its apiBase is used', async ({ page, sim }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/config.json')) asked.push(r.url());
  });
  await page.goto('/');
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await waitForIdle(page);
  expect(asked).toHaveLength(1);
  // The answer was used: the sign-in went to the simulator that config.json names.
  expect((await sim.exchanges({ method: 'GET', path: '/v1/people/me' })).length).toBeGreaterThan(0);
});

test('deep links load from 404.html on hosts without rewrites', async ({ page, sim }) => {
  const index = await (await page.request.get('/index.html')).text();
  const notFound = await (await page.request.get('/404.html')).text();
  expect(notFound).toBe(index);
  void sim;
});

test('API names are rendered as text, never as markup', async ({ page, sim }) => {
  await page.goto('/trunks/new');
  await signIn(page);
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  await page.getByLabel('Name', { exact: true }).fill(payload);
  await page.getByLabel('Location').click();
  await page.getByLabel('Location').fill('Toronto');
  await page.getByRole('option', { name: 'Toronto Office' }).click();
  await page.getByRole('radio', { name: /^Registering/ }).check();
  await page.getByLabel('Password', { exact: true }).fill('Xss!Pass123');
  await page.getByRole('button', { name: 'Create trunk' }).click();
  await expect(page.getByRole('heading', { name: payload })).toBeVisible();
  await page.goto('/trunks');
  await expect(page.getByRole('link', { name: payload })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  void sim;
});

test('a bad config.json is explained on the page, not a blank screen', async ({ page, sim }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"apiBase": "webexapis.com/v1"}' }),
  );
  await page.goto('/trunks');
  await expect(page.getByRole('heading', { name: 'PSTN Console cannot start' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('"apiBase" must be an http(s) URL');
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{apiBase' }));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('config.json is not valid');
  void sim;
});

test('a location whose name is a script payload renders as text', async ({ page, sim }) => {
  const payload = '<img src=y onerror="window.__xss=3">Evil <b>Office</b>';
  await page.route(/\/v1\/telephony\/config\/locations(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.locations[0].name = payload;
    await route.fulfill({ response, json: body });
  });
  await page.goto('/locations');
  await signIn(page);
  await expect(page.getByRole('link', { name: payload })).toBeVisible();
  await expect(page.locator('img[src="y"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'Office' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  void sim;
});
