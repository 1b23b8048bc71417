import { test, expect, signIn, apiRequests, DEMO_TOKEN, Sim, waitForIdle, requestLines } from './fixtures';
import type { Page } from '@playwright/test';
import { SIM } from '../playwright.config';

const CONNECTION = /\/v1\/telephony\/pstn\/locations\/[^/]+\/connection$/;

/** Reads the demo org straight from the simulator, to learn ids the way a test must. */
async function webex(page: Page, path: string) {
  const r = await page.request.get(`${SIM}/v1${path}`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
  expect(r.ok(), path).toBeTruthy();
  return r.json();
}

async function locationId(page: Page, name: string): Promise<string> {
  const { locations } = await webex(page, `/telephony/config/locations?name=${encodeURIComponent(name)}`);
  const found = locations.find((l: { name: string }) => l.name === name);
  expect(found, name).toBeTruthy();
  return found.id;
}

async function trunkId(page: Page, name: string): Promise<string> {
  const { trunks } = await webex(page, '/telephony/config/premisePstn/trunks');
  return trunks.find((t: { name: string }) => t.name === name).id;
}

async function routeGroupId(page: Page, name: string): Promise<string> {
  const { routeGroups } = await webex(page, '/telephony/config/premisePstn/routeGroups');
  return routeGroups.find((g: { name: string }) => g.name === name).id;
}

async function optionId(page: Page, location: string, name: string): Promise<string> {
  const { items } = await webex(page, `/telephony/pstn/locations/${encodeURIComponent(location)}/connectionOptions`);
  return items.find((o: { displayName: string }) => o.displayName === name).id;
}

function connectionPath(location: string) {
  return `/v1/telephony/pstn/locations/${encodeURIComponent(location)}/connection`;
}

async function puts(sim: Sim) {
  return sim.exchanges({ method: 'PUT', path: CONNECTION });
}

/** The PSTN page of one location, by its roles and labels. */
class PstnPage {
  constructor(private readonly page: Page) {}
  current = () => this.page.getByRole('region', { name: 'Current connection' });
  localGateway = () => this.page.getByRole('radio', { name: 'Local gateway' });
  provider = () => this.page.getByRole('radio', { name: 'Cloud-connected PSTN provider' });
  trunk = () => this.page.getByRole('radio', { name: 'Trunk', exact: true });
  routeGroup = () => this.page.getByRole('radio', { name: 'Route group', exact: true });
  trunkPicker = () => this.page.getByRole('combobox', { name: 'Trunk to use' });
  groupPicker = () => this.page.getByRole('combobox', { name: 'Route group to use' });
  set = () => this.page.getByRole('button', { name: 'Set connection' });
  change = () => this.page.locator('form').getByRole('button', { name: 'Change connection' });
  dialog = () => this.page.getByRole('alertdialog');
  saved = () => this.page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' });

  async open(location: string, query = '') {
    await this.page.goto(`/locations/${encodeURIComponent(location)}/pstn${query}`);
    await signIn(this.page);
    await expect(this.current()).toBeVisible();
  }

  async pick(picker: ReturnType<PstnPage['trunkPicker']>, name: string) {
    await picker.click();
    await picker.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    await expect(picker).toHaveValue(name);
  }
}

test('a location without PSTN is set to a trunk: no confirmation, the exact body, read back', async ({ page, sim }) => {
  const toronto = await locationId(page, 'Toronto Office');
  const sjc = await trunkId(page, 'SJC-CUBE-01');
  const pstn = new PstnPage(page);
  await pstn.open(toronto);
  await expect(page.getByRole('heading', { name: 'Toronto Office', level: 1 })).toBeVisible();
  await expect(pstn.current()).toContainText('Not configured');
  await expect(page.getByRole('heading', { name: 'Set the connection' })).toBeVisible();

  await pstn.localGateway().check();
  await pstn.trunk().check();
  await expect(page.locator('input[name="pstnConnectionType"]:checked')).toHaveValue('LOCAL_GATEWAY');
  await expect(page.locator('input[name="premiseRouteType"]:checked')).toHaveValue('TRUNK');
  await pstn.pick(pstn.trunkPicker(), 'SJC-CUBE-01');
  await expect(page.locator('input[name="premiseRouteId"]')).toHaveAttribute('data-value', sjc);
  await pstn.set().click();

  await expect(pstn.saved()).toBeVisible();
  await expect(pstn.saved()).toContainText('Local gateway, trunk "SJC-CUBE-01"');
  await expect(pstn.dialog()).toHaveCount(0);
  await expect(pstn.current()).toContainText('Local gateway');
  await expect(pstn.current()).toContainText('SJC-CUBE-01');
  await expect(pstn.current()).not.toContainText(sjc);
  await expect(page.getByRole('heading', { name: 'Change the connection' })).toBeVisible();

  await waitForIdle(page);
  const sent = await puts(sim);
  expect(sent).toHaveLength(1);
  expect(sent[0].path.split('?')[0]).toBe(connectionPath(toronto));
  expect(sent[0].request).toEqual({ premiseRouteType: 'TRUNK', premiseRouteId: sjc });
  expect(sent[0].status).toBe(204);
  // After the 204 the connection is read again.
  await waitForIdle(page);
  const all = await sim.exchanges({ path: connectionPath(toronto) });
  const at = all.findIndex((e) => e.method === 'PUT');
  expect(all.slice(at + 1).some((e) => e.method === 'GET' && e.status === 200)).toBeTruthy();
});

test('switching from a trunk to a route group asks first, from → to, and reads the new state back', async ({ page, sim }) => {
  const london = await locationId(page, 'London Office');
  const emea = await routeGroupId(page, 'RG-EMEA');
  const pstn = new PstnPage(page);
  await pstn.open(london);
  await expect(pstn.current()).toContainText('LON-SBC-01');
  // The form starts from the current connection.
  await expect(pstn.localGateway()).toBeChecked();
  await expect(pstn.trunk()).toBeChecked();
  await expect(pstn.trunkPicker()).toHaveValue('LON-SBC-01');

  await pstn.routeGroup().check();
  await pstn.groupPicker().click();
  // Route groups show how many trunks they hold.
  await expect(page.getByRole('option', { name: /RG-EMEA.*2 trunks/ })).toBeVisible();
  await page.getByRole('option', { name: /^RG-EMEA/ }).click();
  await pstn.change().click();

  const dialog = pstn.dialog();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('From: Local gateway, trunk "LON-SBC-01"');
  await expect(dialog).toContainText('To: Local gateway, route group "RG-EMEA"');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Cancel sends nothing and keeps the choice.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await waitForIdle(page);
  expect(await puts(sim)).toHaveLength(0);
  await expect(pstn.groupPicker()).toHaveValue('RG-EMEA');

  await pstn.change().click();
  await dialog.getByRole('button', { name: 'Change connection' }).click();
  await expect(pstn.saved()).toBeVisible();
  await expect(pstn.current()).toContainText('RG-EMEA');
  await expect(pstn.current()).toContainText('2 trunks: LON-SBC-01, BER-SBC-01');
  await waitForIdle(page);
  const sent = await puts(sim);
  expect(sent.map((e) => [e.status, e.request])).toEqual([[204, { premiseRouteType: 'ROUTE_GROUP', premiseRouteId: emea }]]);

  // Sending the same again is refused here, before Webex.
  await pstn.change().click();
  await expect(page.getByText('This is already the location')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await waitForIdle(page);
  expect(await puts(sim)).toHaveLength(1);
});

test('a cloud-connected provider is chosen by its option id alone; Control Hub options are not offered', async ({ page, sim }) => {
  const manchester = await locationId(page, 'Manchester Support');
  const albion = await optionId(page, manchester, 'Albion Telecom');
  const pstn = new PstnPage(page);
  await pstn.open(manchester);
  await expect(pstn.current()).toContainText('Not configured');
  await expect(page.getByText('Also available for this location, but set up in Control Hub')).toBeVisible();
  await expect(page.locator('.elsewhere')).toContainText('Globalnet Integrated PSTN');
  await expect(page.getByRole('radio', { name: /Globalnet/ })).toHaveCount(0);

  await pstn.provider().check();
  await page.getByRole('radio', { name: 'Albion Telecom' }).check();
  await expect(page.locator('input[name="id"]:checked')).toHaveValue(albion);
  await pstn.set().click();

  await expect(pstn.saved()).toContainText('Cloud-connected provider "Albion Telecom"');
  await expect(pstn.current()).toContainText('Albion Telecom');
  await waitForIdle(page);
  const sent = await puts(sim);
  expect(sent).toHaveLength(1);
  expect(sent[0].request).toEqual({ id: albion });
});

test('submitting without a route shows the error at the field and sends nothing', async ({ page, sim }) => {
  const munich = await locationId(page, 'Munich Lab');
  const pstn = new PstnPage(page);
  await pstn.open(munich);
  await waitForIdle(page);
  const sent = apiRequests(page);

  // Nothing chosen at all: the error is at the connection type.
  await pstn.set().click();
  await expect(page.getByText('Choose how this location connects to the phone network.')).toBeVisible();
  await expect(pstn.localGateway()).toBeFocused();

  await pstn.localGateway().check();
  await pstn.trunk().check();
  await pstn.set().click();
  const error = page.locator('#premise-route-id-error');
  await expect(error).toHaveText('Choose a trunk.');
  await expect(pstn.trunkPicker()).toBeFocused();
  await expect(pstn.trunkPicker()).toHaveAttribute('aria-invalid', 'true');
  await expect(pstn.dialog()).toHaveCount(0);

  expect(requestLines(sent.filter((r) => r.method() !== 'GET'))).toEqual([]);
  await waitForIdle(page);
  expect(await puts(sim)).toHaveLength(0);

  // Choosing a route clears the error.
  await pstn.pick(pstn.trunkPicker(), 'MAN-CUBE-01');
  await expect(error).toHaveCount(0);
});

test('a 429 with Retry-After: the console waits, says so, and makes the change once', async ({ page, sim }) => {
  const melbourne = await locationId(page, 'Melbourne Branch');
  const pstn = new PstnPage(page);
  await pstn.open(melbourne);
  await sim.fault({ method: 'PUT', path: connectionPath(melbourne), status: 429, retryAfter: 1 });

  await pstn.localGateway().check();
  await pstn.trunk().check();
  await pstn.pick(pstn.trunkPicker(), 'SJC-CUBE-01');
  await pstn.set().click();

  await expect(page.getByText('Webex asked the console to slow down')).toBeVisible();
  // While it waits, the change cannot be sent a second time.
  await expect(page.getByRole('button', { name: 'Setting the connection…' })).toBeDisabled();
  await expect(pstn.saved()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Webex asked the console to slow down')).toHaveCount(0);
  await expect(pstn.current()).toContainText('SJC-CUBE-01');

  await waitForIdle(page);
  const sent = await puts(sim);
  expect(sent.map((e) => e.status)).toEqual([429, 204]);
  expect(sent[1].request).toEqual(sent[0].request);
});

test('a refused change keeps the choice and shows Webex\'s message and tracking id', async ({ page, sim }) => {
  const toronto = await locationId(page, 'Toronto Office');
  const pstn = new PstnPage(page);
  await pstn.open(toronto);
  await sim.fault({
    method: 'PUT',
    path: connectionPath(toronto),
    status: 400,
    body: { message: 'Trunk is not available for this location.', errors: [{ description: 'Trunk is not available for this location.', errorCode: 27010 }], trackingId: 'ROUTER_PSTN_TEST_1' },
  });
  await pstn.localGateway().check();
  await pstn.trunk().check();
  await pstn.pick(pstn.trunkPicker(), 'NYC-CUBE-01');
  await pstn.set().click();

  const alert = page.getByRole('alert').filter({ hasText: 'The PSTN connection was not changed' });
  await expect(alert).toContainText('Trunk is not available for this location.');
  await expect(alert).toContainText('ROUTER_PSTN_TEST_1');
  await expect(pstn.trunkPicker()).toHaveValue('NYC-CUBE-01');
  await expect(pstn.current()).toContainText('Not configured');
  await waitForIdle(page);
  expect((await puts(sim)).map((e) => e.status)).toEqual([400]);
});

test('a link with premiseRouteType and premiseRouteId preselects that route', async ({ page, sim }) => {
  const berlin = await locationId(page, 'Berlin Office');
  const ber = await trunkId(page, 'BER-SBC-01');
  const pstn = new PstnPage(page);
  await pstn.open(berlin, `?premiseRouteType=TRUNK&premiseRouteId=${encodeURIComponent(ber)}`);

  await expect(pstn.current()).toContainText('RG-EMEA');
  await expect(page.getByText('Chosen from the link: Local gateway, trunk "BER-SBC-01"')).toBeVisible();
  await expect(pstn.localGateway()).toBeChecked();
  await expect(pstn.trunk()).toBeChecked();
  await expect(pstn.trunkPicker()).toHaveValue('BER-SBC-01');
  // The location's own trunk comes first and is marked as such.
  await pstn.trunkPicker().click();
  await expect(page.getByRole('option').first()).toContainText("BER-SBC-01 · this location's trunk");
  await page.keyboard.press('Escape');

  await pstn.change().click();
  await expect(pstn.dialog()).toContainText('From: Local gateway, route group "RG-EMEA"');
  await expect(pstn.dialog()).toContainText('To: Local gateway, trunk "BER-SBC-01"');
  await pstn.dialog().getByRole('button', { name: 'Change connection' }).click();
  await expect(pstn.saved()).toBeVisible();
  await waitForIdle(page);
  expect((await puts(sim)).map((e) => e.request)).toEqual([{ premiseRouteType: 'TRUNK', premiseRouteId: ber }]);
});

test('a link naming an unknown route preselects nothing and says why', async ({ page, sim }) => {
  const toronto = await locationId(page, 'Toronto Office');
  const pstn = new PstnPage(page);
  await pstn.open(toronto, '?premiseRouteType=TRUNK&premiseRouteId=no-such-trunk');
  await expect(page.getByText('The link named a trunk this organization does not have.')).toBeVisible();
  await expect(pstn.localGateway()).not.toBeChecked();
  void sim;
});

test('a 403 that names no scope: the page names the scope and role setting the connection needs', async ({ page, sim }) => {
  const toronto = await locationId(page, 'Toronto Office');
  const pstn = new PstnPage(page);
  await pstn.open(toronto);
  await sim.fault({ method: 'PUT', path: connectionPath(toronto), status: 403, body: { message: 'Forbidden.', trackingId: 'ROUTER_403' } });
  await pstn.localGateway().check();
  await pstn.trunk().check();
  await pstn.pick(pstn.trunkPicker(), 'SJC-CUBE-01');
  await pstn.set().click();
  const alert = page.getByRole('alert').filter({ hasText: 'The PSTN connection was not changed' });
  await expect(alert).toContainText(
    'Setting the PSTN connection needs a full administrator token with spark-admin:telephony_pstn_write.',
  );
  await expect(alert).toContainText('HTTP 403');
  await expect(alert).not.toContainText('named above');
});

test('a 2xx whose read-back differs from what was sent is not called a success', async ({ page, sim }) => {
  const toronto = await locationId(page, 'Toronto Office');
  const pstn = new PstnPage(page);
  await pstn.open(toronto);
  // A proxy answers the PUT with its own 200 page; Webex never sees the change.
  await page.route(
    (url) => url.pathname === connectionPath(toronto),
    (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '<html>OK</html>' })
        : route.continue(),
  );
  await pstn.localGateway().check();
  await pstn.trunk().check();
  await pstn.pick(pstn.trunkPicker(), 'SJC-CUBE-01');
  await pstn.set().click();
  const warning = page.getByRole('alert').filter({ hasText: 'the change may not have been made' });
  await expect(warning).toContainText('Webex now reports: Not configured');
  await expect(pstn.saved()).toHaveCount(0);
  await expect(pstn.current()).toContainText('Not configured');
  await waitForIdle(page);
  expect(await puts(sim)).toEqual([]);
});
