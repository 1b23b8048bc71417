import { test, expect, signIn, apiRequests, Sim, waitForIdle, routeOnce } from './fixtures';
import type { Page } from '@playwright/test';

const TRUNKS = '/v1/telephony/config/premisePstn/trunks';

/** The new-trunk form, by its labels. */
class NewTrunkForm {
  constructor(private readonly page: Page) {}
  name = () => this.page.getByLabel('Name', { exact: true });
  location = () => this.page.getByLabel('Location');
  password = () => this.page.getByLabel('Password', { exact: true });
  submit = () => this.page.getByRole('button', { name: /Create trunk|Creating trunk/ });

  async open() {
    await this.page.goto('/trunks/new');
    await signIn(this.page);
    await expect(this.page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  }

  async chooseLocation(name: string) {
    await this.location().click();
    await this.location().fill(name.split(' ')[0]);
    await this.page.getByRole('option', { name }).click();
    await expect(this.location()).toHaveValue(name);
  }

  async trunkType(label: 'Registering' | 'Certificate-based') {
    await this.page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  }

  fieldError(text: string | RegExp) {
    return this.page.locator('.field-error', { hasText: text });
  }
}

async function createdBodies(sim: Sim) {
  return (await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.request);
}

test('create a registering trunk, see its details and gateway configuration, and find it in the list', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await form.name().fill('  Toronto CUBE 1  ');
  await form.chooseLocation('Toronto Office');
  await form.trunkType('Registering');
  await form.password().fill('Sup3r!Secret#2026');
  await form.submit().click();

  await expect(page.getByRole('heading', { name: /Toronto CUBE 1/ })).toBeVisible();
  await waitForIdle(page);
  expect(await createdBodies(sim)).toEqual([
    {
      name: 'Toronto CUBE 1',
      locationId: expect.any(String),
      password: 'Sup3r!Secret#2026',
      trunkType: 'REGISTERING',
    },
  ]);
  // The password is shown once, with the warning, and is filled into the configuration.
  await expect(page.getByTestId('fresh-password')).toContainText('Webex will not show it again');
  await expect(page.getByTestId('fresh-password')).toContainText('Sup3r!Secret#2026');
  const values = page.getByTestId('gateway-values');
  await expect(values).toContainText('Registrar domain');
  await expect(values).toContainText('Outbound proxy');
  const config = page.getByTestId('gateway-config');
  await expect(config).toContainText('voice class tenant 100');
  await expect(config).toContainText('password 0 Sup3r!Secret#2026');
  await expect(config).toContainText('outbound-proxy dns:');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .txt' }).click();
  expect((await download).suggestedFilename()).toBe('toronto-cube-1-cube-config.txt');
  // The password is never written to storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('Sup3r!Secret#2026');

  await page.getByRole('link', { name: 'Back to trunks' }).click();
  await page.getByLabel('Filter').fill('toronto');
  const row = page.getByRole('row', { name: /Toronto CUBE 1/ });
  await expect(row).toContainText('Toronto Office');
  await expect(row).toContainText('Registering');
  await expect(row).toContainText('Cisco Unified Border Element');
  // Leaving the details page forgot the password.
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: /Toronto CUBE 1/ })).toBeVisible();
  await expect(page.getByTestId('fresh-password')).toHaveCount(0);
});

test('create a certificate-based trunk with a checked address', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await form.name().fill('Munich SBC');
  await form.chooseLocation('Munich Lab');
  await form.trunkType('Certificate-based');
  await page.getByLabel('Device type').selectOption('AudioCodes Mediant SBC');
  // Ticked, so sent; left alone (as in the registering test) it is not sent at all.
  await page.getByLabel('Dual identity support').check();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(form.password()).not.toHaveValue('');
  const password = await form.password().inputValue();
  await page.getByLabel('Address', { exact: true }).fill('sbc-muc1.example.com');
  await page.getByLabel('Domain', { exact: true }).fill('example.com');
  await page.getByLabel('Port', { exact: true }).fill('5061');
  await page.getByRole('button', { name: 'Check address' }).click();
  await expect(page.getByText('Webex accepts this address, domain and port.')).toBeVisible();
  await expect(page.getByText('Between 250 and 2000 for this device type.')).toBeVisible();
  await page.getByLabel('Maximum concurrent calls').fill('3000');
  await form.submit().click();
  await expect(form.fieldError('250')).toBeVisible();
  await expect(page.getByLabel('Maximum concurrent calls')).toBeFocused();
  await waitForIdle(page);
  expect(await createdBodies(sim)).toEqual([]);
  await page.getByLabel('Maximum concurrent calls').fill('500');
  await form.submit().click();
  await expect(page.getByRole('heading', { name: /Munich SBC/ })).toBeVisible();
  await waitForIdle(page);
  expect(await createdBodies(sim)).toEqual([
    {
      name: 'Munich SBC',
      locationId: expect.any(String),
      password,
      trunkType: 'CERTIFICATE_BASED',
      deviceType: 'AudioCodes Mediant SBC',
      dualIdentitySupportEnabled: true,
      address: 'sbc-muc1.example.com',
      domain: 'example.com',
      port: 5061,
      maxConcurrentCalls: 500,
    },
  ]);
  await waitForIdle(page);
  const fqdn = await sim.exchanges({ method: 'POST', path: `${TRUNKS}/actions/fqdnValidation/invoke` });
  expect(fqdn.map((e) => e.request)).toEqual([{ address: 'sbc-muc1.example.com', domain: 'example.com', port: 5061 }]);
  await expect(page.getByText('sbc-muc1.example.com')).toBeVisible();
});

test('an empty form shows every error, focuses the first and sends nothing', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await waitForIdle(page);
  const sent = apiRequests(page);
  await form.submit().click();
  await expect(form.fieldError(/name/i)).toBeVisible();
  await expect(form.fieldError(/location/i)).toBeVisible();
  await expect(form.fieldError(/trunk type/i)).toBeVisible();
  await expect(form.fieldError(/password/i)).toBeVisible();
  await expect(form.name()).toBeFocused();
  expect(sent.filter((r) => r.method() === 'POST')).toEqual([]);
  await waitForIdle(page);
  expect(await createdBodies(sim)).toEqual([]);
});

test('certificate-based without an address: error at the field, no request', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await form.name().fill('No Address SBC');
  await form.chooseLocation('Munich Lab');
  await form.trunkType('Certificate-based');
  await page.getByLabel('Device type').selectOption('Ribbon SBC Edge');
  await form.password().fill('An0ther!Secret');
  await page.getByLabel('Domain', { exact: true }).fill('example.com');
  await page.getByLabel('Port', { exact: true }).fill('5061');
  await page.getByLabel('Maximum concurrent calls').fill('300');
  await form.submit().click();
  await expect(form.fieldError(/address/i)).toBeVisible();
  await expect(page.getByLabel('Address', { exact: true })).toBeFocused();
  await waitForIdle(page);
  expect(await createdBodies(sim)).toEqual([]);
});

test('a duplicate name is shown at the Name field and the input is kept', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await form.name().fill('SJC-CUBE-01');
  await form.chooseLocation('Toronto Office');
  await form.trunkType('Registering');
  await form.password().fill('Dup!icate123');
  await form.submit().click();
  await expect(form.fieldError('already exists')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The trunk was not created' })).toContainText('Tracking ID');
  await expect(form.name()).toHaveValue('SJC-CUBE-01');
  await expect(form.location()).toHaveValue('Toronto Office');
  await expect(form.password()).toHaveValue('Dup!icate123');
  // Changing the name clears the server's complaint at the field.
  await form.name().fill('SJC-CUBE-09');
  await expect(form.fieldError('already exists')).toHaveCount(0);
  await waitForIdle(page);
  expect((await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.status)).toEqual([409]);
});

test('a 500 shows Webex message and tracking id, keeps the input, and a second submit works', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await sim.fault({ method: 'POST', path: TRUNKS, status: 500 });
  await form.name().fill('Retry CUBE');
  await form.chooseLocation('Melbourne Branch');
  await form.trunkType('Registering');
  await form.password().fill('R3try!Secret');
  await form.submit().click();
  const alert = page.getByRole('alert').filter({ hasText: 'The trunk was not created' });
  await expect(alert).toContainText('HTTP 500');
  await expect(alert).toContainText(/Tracking ID\s+\S+/);
  await expect(form.name()).toHaveValue('Retry CUBE');
  await expect(form.password()).toHaveValue('R3try!Secret');
  // Nothing was retried behind the admin's back.
  await waitForIdle(page);
  expect((await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.status)).toEqual([500]);
  await form.submit().click();
  await expect(page.getByRole('heading', { name: /Retry CUBE/ })).toBeVisible();
  await waitForIdle(page);
  expect((await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.status)).toEqual([500, 201]);
});

test('a double click sends one create', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await sim.fault({ method: 'POST', path: TRUNKS, delayMs: 800 });
  await form.name().fill('Once CUBE');
  await form.chooseLocation('Toronto Office');
  await form.trunkType('Registering');
  await form.password().fill('0nce!Secret');
  await form.submit().dblclick();
  await expect(page.getByRole('heading', { name: /Once CUBE/ })).toBeVisible();
  await waitForIdle(page);
  expect(await sim.exchanges({ method: 'POST', path: TRUNKS })).toHaveLength(1);
});

test('a link naming a location that is not a Calling location of the org says so and sends nothing with it', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await page.goto('/trunks/new?locationId=Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vLXN1Y2g');
  await signIn(page);
  const message = 'The link named a location that is not a Webex Calling location of this organization. Choose one.';
  await expect(form.fieldError(message)).toBeVisible();
  await form.name().fill('Linked CUBE');
  await form.trunkType('Registering');
  await form.password().fill('L1nked!pass');
  await form.submit().click();
  await expect(form.location()).toBeFocused();
  await waitForIdle(page);
  expect(await createdBodies(sim)).toEqual([]);
  await form.chooseLocation('Toronto Office');
  await expect(form.fieldError(message)).toHaveCount(0);
  await form.submit().click();
  await expect(page.getByRole('heading', { name: /Linked CUBE/ })).toBeVisible();
  const [body] = (await createdBodies(sim)) as { locationId: string }[];
  expect(body.locationId).not.toBe('Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL25vLXN1Y2g');
});

test('the trunk list filters by type and text and sorts by location', async ({ page, sim }) => {
  await page.goto('/trunks');
  await signIn(page);
  await expect(page.getByText('6 trunks')).toBeVisible();
  await page.getByLabel('Type').selectOption('CERTIFICATE_BASED');
  await expect(page.getByText('2 of 6 trunks')).toBeVisible();
  await page.getByLabel('Type').selectOption('');
  await page.getByLabel('Filter').fill('new york');
  await expect(page.getByText('2 of 6 trunks')).toBeVisible();
  await page.getByLabel('Filter').fill('');
  await page.getByRole('button', { name: 'Sort by location' }).click();
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Berlin Office');
  await expect(page.getByRole('link', { name: 'New trunk' })).toBeVisible();
  void sim;
});

test('trunk details show the warnings of a partial (206) answer and read live-org variants', async ({ page, sim }) => {
  await page.goto('/trunks');
  await signIn(page);
  await page.getByRole('link', { name: 'NYC-CUBE-01' }).click();
  await expect(page.getByTestId('gateway-config')).toBeVisible();
  const url = page.url();
  // Live orgs answer some trunks with 206, `organization` instead of `customer`, a list of
  // warnings and a lower-case status: the page must read them all.
  await page.route(/\/v1\/telephony\/config\/premisePstn\/trunks\/[^/?]+(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    delete body.customer;
    body.organization = { id: 'o', name: 'Acme Telecom Demo' };
    body.status = 'offline';
    delete body.outboundProxy;
    body.responseStatus = [
      { code: 25013, type: 'ERROR', summaryEnglish: 'CPAPI: Error retrieving outboundproxy.' },
    ];
    await route.fulfill({ response, status: 206, json: body });
  });
  await page.goto(url);
  await expect(page.getByTestId('trunk-status')).toHaveText('Offline');
  await expect(page.getByRole('status').filter({ hasText: 'HTTP 206' })).toContainText(
    'CPAPI: Error retrieving outboundproxy. (code 25013)',
  );
  await expect(page.getByTestId('gateway-values')).toContainText('Outbound proxy');
  void sim;
});

test('a 403 names the missing scope and says how to get it; the input is kept', async ({ page, sim }) => {
  await page.goto('/trunks/new');
  await page.getByLabel('Access token').fill('demo-readonly-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Robin Reader');
  const form = new NewTrunkForm(page);
  await form.name().fill('Read-only CUBE');
  await form.chooseLocation('Toronto Office');
  await form.trunkType('Registering');
  await form.password().fill('R3ad!Only');
  await form.submit().click();
  const alert = page.getByRole('alert').filter({ hasText: 'The trunk was not created' });
  await expect(alert).toContainText('spark-admin:telephony_config_write');
  await expect(alert).toContainText('HTTP 403');
  await expect(alert).toContainText('full administrator');
  await expect(form.name()).toHaveValue('Read-only CUBE');
  void sim;
});

test('2,000 trunks: the list shows at once, 50 rows a page, device types read only for the page', async ({ page, sim }) => {
  await sim.reset('large');
  const details: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'GET' && /\/premisePstn\/trunks\/[^/]+$/.test(path)) details.push(path);
  });
  await page.goto('/trunks');
  await signIn(page);
  await expect(page.getByText('2000 trunks')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(51);
  await expect(page.getByText('Page 1 of 40')).toBeVisible();
  await expect.poll(() => details.length).toBe(50);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Page 2 of 40')).toBeVisible();
  await expect.poll(() => details.length).toBe(100);
  await page.getByLabel('Filter').fill('zzzz-no-such-trunk');
  await expect(page.getByText('No trunk matches the filter.')).toBeVisible();
});

/** Fills a valid registering trunk. */
async function fillRegistering(form: NewTrunkForm, name: string, password: string) {
  await form.name().fill(name);
  await form.chooseLocation('Toronto Office');
  await form.trunkType('Registering');
  await form.password().fill(password);
}

test('a 201 whose body cannot be read: the trunk is found by name and offered, never created twice', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  // Webex creates the trunk, but what comes back is not JSON (a proxy's page, say).
  await page.route(
    (url) => url.pathname === TRUNKS,
    async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      return route.fulfill({ status: 201, contentType: 'text/html', body: '<html>Created</html>' });
    },
  );
  await fillRegistering(form, 'Unread CUBE', 'Unr3ad!Secret');
  await form.submit().click();

  const accepted = page.getByTestId('trunk-accepted');
  await expect(accepted).toContainText('Webex accepted the trunk but its answer could not be read');
  await expect(page.getByText('The trunk was not created')).toHaveCount(0);
  await expect(form.submit()).toBeDisabled();
  await accepted.getByRole('link', { name: 'Open the trunk' }).click();
  await expect(page.getByRole('heading', { name: /Unread CUBE/ })).toBeVisible();
  await expect(page.getByTestId('fresh-password')).toContainText('Unr3ad!Secret');

  await waitForIdle(page);
  expect(await sim.exchanges({ method: 'POST', path: TRUNKS })).toHaveLength(1);
  const lookups = await sim.exchanges({ method: 'GET', path: TRUNKS });
  expect(lookups.some((e) => new URL(`http://x${e.path}`).searchParams.get('name') === 'Unread CUBE')).toBeTruthy();
});

test('a 429 on create: the wait, with the seconds left, shows next to the submit button', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await sim.fault({ method: 'POST', path: TRUNKS, status: 429, retryAfter: 2 });
  await fillRegistering(form, 'Busy CUBE', 'Bu5y!Secret');
  await form.submit().click();
  const note = page.locator('form .actions').getByRole('status');
  await expect(note).toHaveText(/^Webex is busy; sending again in [12] s…$/);
  await expect(form.submit()).toBeDisabled();
  await expect(page.getByRole('heading', { name: /Busy CUBE/ })).toBeVisible({ timeout: 15_000 });
  await waitForIdle(page);
  expect((await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.status)).toEqual([429, 201]);
});

test('a failed trunk list load offers Try again: 500, an unreadable body, the network down', async ({ page, sim }) => {
  await page.goto('/trunks');
  await signIn(page);
  await expect(page.getByText('6 trunks')).toBeVisible();
  const failures: [string, () => Promise<void>][] = [
    ['HTTP 500', () => sim.fault({ method: 'GET', path: TRUNKS, status: 500 })],
    [
      'HTTP 200',
      // A proxy's answer, not Webex's: made in the browser, so the simulator's record holds only
      // what Webex itself would answer (webex-spec-check).
      () =>
        routeOnce(page, (url) => url.pathname === TRUNKS, (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: '"not a trunk list"', headers: { 'access-control-allow-origin': '*' } }),
        ),
    ],
    [
      'could not be reached',
      () => routeOnce(page, (url) => url.pathname === TRUNKS, (route) => route.abort('internetdisconnected')),
    ],
  ];
  for (const [words, arm] of failures) {
    await arm();
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'The trunks could not be loaded' });
    await expect(alert).toContainText(words);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('6 trunks')).toBeVisible();
    await expect(alert).toHaveCount(0);
  }
});

test('a 400 naming the domain marks the Domain field with Webex\'s words', async ({ page, sim }) => {
  const form = new NewTrunkForm(page);
  await form.open();
  await form.name().fill('Unverified SBC');
  await form.chooseLocation('Munich Lab');
  await form.trunkType('Certificate-based');
  await page.getByLabel('Device type').selectOption('AudioCodes Mediant SBC');
  await form.password().fill('Unv3rified!Secret');
  const domain = page.getByLabel('Domain', { exact: true });
  await page.getByLabel('Address', { exact: true }).fill('sbc1.unverified.example');
  await domain.fill('unverified.example');
  await page.getByLabel('Port', { exact: true }).fill('5061');
  await page.getByLabel('Maximum concurrent calls').fill('300');
  await form.submit().click();

  await expect(form.fieldError('is not verified')).toBeVisible();
  await expect(form.fieldError('is not verified')).toHaveAttribute('id', 'trunk-domain-error');
  await expect(domain).toHaveAttribute('aria-invalid', 'true');
  await expect(domain).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'The trunk was not created' })).toContainText('25024');
  // Another domain: Webex's complaint no longer holds for the field.
  await domain.fill('example.com');
  await expect(form.fieldError('is not verified')).toHaveCount(0);
  await expect(domain).toHaveAttribute('aria-invalid', 'false');
  await waitForIdle(page);
  expect((await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.status)).toEqual([400]);
});
