import { test, expect, signIn, apiRequests, waitForIdle, DEMO_TOKEN, Sim, requestLines } from './fixtures';
import type { Page } from '@playwright/test';
import { SIM } from '../playwright.config';

const ROUTE_GROUPS = '/v1/telephony/config/premisePstn/routeGroups';

/** Reads the demo org straight from the simulator, to learn ids the way a test must. */
async function webex(page: Page, path: string) {
  const r = await page.request.get(`${SIM}/v1${path}`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
  expect(r.ok(), path).toBeTruthy();
  return r.json();
}

async function trunkId(page: Page, name: string): Promise<string> {
  const { trunks } = await webex(page, '/telephony/config/premisePstn/trunks');
  return trunks.find((t: { name: string }) => t.name === name).id;
}

async function groupId(page: Page, name: string): Promise<string> {
  const { routeGroups } = await webex(page, '/telephony/config/premisePstn/routeGroups');
  return routeGroups.find((g: { name: string }) => g.name === name).id;
}

async function locationId(page: Page, name: string): Promise<string> {
  const { locations } = await webex(page, `/telephony/config/locations?name=${encodeURIComponent(name)}`);
  return locations.find((l: { name: string }) => l.name === name).id;
}

/** Writes (POST, PUT, DELETE) the simulator got for route groups. */
async function writes(sim: Sim) {
  const all = await sim.exchanges({ path: new RegExp(`^${ROUTE_GROUPS}`) });
  return all.filter((e) => e.method !== 'GET');
}

/** The route group form, by its labels and roles. */
class GroupForm {
  constructor(private readonly page: Page) {}
  name = () => this.page.getByLabel('Name', { exact: true });
  row = (n: number) => this.page.getByRole('group', { name: `Trunk ${n}`, exact: true });
  trunk = (n: number) => this.row(n).getByRole('combobox', { name: 'Trunk' });
  priority = (n: number) => this.row(n).getByLabel('Priority');
  add = () => this.page.getByRole('button', { name: 'Add trunk' });
  order = () => this.page.locator('#rg-call-order');

  async pick(n: number, trunk: string) {
    await this.trunk(n).click();
    await this.trunk(n).fill(trunk);
    await this.page.getByRole('option', { name: new RegExp(`^${trunk}`) }).click();
    await expect(this.trunk(n)).toHaveValue(trunk);
  }
}

test('the list shows every group with its trunk count and use, searchable, from the main navigation', async ({ page, sim }) => {
  void sim;
  await page.goto('/');
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Trunks', 'Route groups', 'Locations', 'History']);
  await nav.getByRole('link', { name: 'Route groups' }).click();
  await expect(page.getByRole('heading', { name: 'Route groups', level: 1 })).toBeVisible();
  await expect(page.getByText('3 route groups')).toBeVisible();
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
  await expect(row('RG-US-East')).toContainText('3 trunks');
  await expect(row('RG-US-East')).toContainText('Yes');
  await expect(row('RG-Standby')).toContainText('2 trunks');
  await expect(row('RG-Standby')).toContainText('No');
  await page.getByLabel('Search').fill('emea');
  await expect(page.getByText('1 of 3 route groups')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'New route group' }).click();
  await expect(page.getByRole('heading', { name: 'New route group' })).toBeVisible();
});

test('an organization without route groups says what they are for', async ({ page, sim }) => {
  await sim.reset('empty');
  await page.goto('/route-groups');
  await signIn(page);
  await expect(page.getByText('A route group spreads calls over several gateways')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create the first route group' })).toBeVisible();
});

test('create a group of three trunks from two locations with two priorities: the exact body, then its page', async ({ page, sim }) => {
  const [nyc1, nyc2, sjc] = [await trunkId(page, 'NYC-CUBE-01'), await trunkId(page, 'NYC-CUBE-02'), await trunkId(page, 'SJC-CUBE-01')];
  await page.goto('/route-groups/new');
  await signIn(page);
  const form = new GroupForm(page);
  await form.name().fill('  RG-Americas ');
  await form.pick(1, 'NYC-CUBE-01');
  await expect(form.order()).toHaveText('All calls go to NYC-CUBE-01.');
  await form.add().click();
  await expect(form.trunk(2)).toBeFocused();
  await expect(form.priority(2)).toHaveValue('2');
  await form.pick(2, 'NYC-CUBE-02');
  await form.priority(2).fill('1');
  await form.add().click();
  // The picker says where each trunk is.
  await form.trunk(3).fill('sjc');
  await expect(page.getByRole('option', { name: /^SJC-CUBE-01/ })).toContainText('at San Jose HQ');
  await page.getByRole('option', { name: /^SJC-CUBE-01/ }).click();
  await expect(form.trunk(3)).toHaveValue('SJC-CUBE-01');
  await expect(form.priority(3)).toHaveValue('2');
  await expect(form.order()).toHaveText('First NYC-CUBE-01 and NYC-CUBE-02, sharing calls; then SJC-CUBE-01.');

  await page.getByRole('button', { name: 'Create route group' }).click();
  await expect(page.getByRole('heading', { name: 'RG-Americas', level: 1 })).toBeVisible();
  await expect(page.getByText('Route group RG-Americas created.')).toBeVisible();
  const sent = await writes(sim);
  expect(sent.map((e) => [e.method, e.status, e.request])).toEqual([
    ['POST', 201, { name: 'RG-Americas', localGateways: [{ id: nyc1, priority: 1 }, { id: nyc2, priority: 1 }, { id: sjc, priority: 2 }] }],
  ]);
  // The details: trunks in priority order with location and status, linking to each trunk.
  const rows = page.getByRole('region', { name: /Trunks/ }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('NYC-CUBE-01');
  await expect(rows.nth(1)).toContainText('New York Office');
  await expect(rows.nth(1)).toContainText('Online');
  await expect(rows.nth(3)).toContainText('SJC-CUBE-01');
  await expect(rows.nth(3)).toContainText('San Jose HQ');
  await expect(page.getByTestId('call-order')).toHaveText('First NYC-CUBE-01 and NYC-CUBE-02, sharing calls; then SJC-CUBE-01.');
  await expect(page.getByText('Nothing uses this route group.')).toBeVisible();
  await rows.nth(3).getByRole('link', { name: 'SJC-CUBE-01' }).click();
  await expect(page).toHaveURL(new RegExp(`/trunks/${sjc}$`));
  // The history has the change, in words.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const entry = page.locator('.history-table tbody tr').filter({ hasText: 'Route group created' });
  await expect(entry).toContainText('RG-Americas: First NYC-CUBE-01 and NYC-CUBE-02, sharing calls; then SJC-CUBE-01.');
});

test('a trunk twice and an 11th trunk are refused in the page, and nothing is sent', async ({ page, sim }) => {
  await page.goto('/route-groups/new');
  await signIn(page);
  const form = new GroupForm(page);
  await form.name().fill('RG-Too-Many');
  await form.pick(1, 'SJC-CUBE-01');
  await form.add().click();
  await form.pick(2, 'SJC-CUBE-01');
  const sent = apiRequests(page);
  await page.getByRole('button', { name: 'Create route group' }).click();
  await expect(form.row(2)).toContainText('This trunk is already in row 1: a trunk can be in a route group only once.');
  await expect(form.trunk(2)).toBeFocused();
  await expect(form.trunk(2)).toHaveAttribute('aria-invalid', 'true');

  while ((await page.getByRole('group', { name: /^Trunk \d+$/ }).count()) < 10) await form.add().click();
  await expect(page.getByText('10 of 10 trunks')).toBeVisible();
  await form.add().click();
  await expect(page.getByRole('alert').filter({ hasText: 'A route group holds at most 10 trunks.' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Trunk \d+$/ })).toHaveCount(10);
  await page.getByRole('button', { name: 'Create route group' }).click();
  await expect(form.trunk(2)).toBeFocused();
  await waitForIdle(page);
  expect(requestLines(sent.filter((r) => r.method() !== 'GET'))).toEqual([]);
  expect(await writes(sim)).toEqual([]);
});

test('a name Webex already has is shown at the Name field with Webex\'s message; the input stays', async ({ page, sim }) => {
  await page.goto('/route-groups/new');
  await signIn(page);
  const form = new GroupForm(page);
  await form.name().fill('rg-emea');
  await form.pick(1, 'MAN-CUBE-01');
  await page.getByRole('button', { name: 'Create route group' }).click();
  const nameError = page.locator('#route-group-name-error');
  await expect(nameError).toHaveText('Webex says: A route group named rg-emea already exists in this organization.');
  const alert = page.getByRole('alert').filter({ hasText: 'The route group was not created' });
  await expect(alert).toContainText('HTTP 409');
  await expect(alert).toContainText(/Tracking ID\s*ROUTER_/);
  await expect(form.name()).toHaveValue('rg-emea');
  await expect(form.trunk(1)).toHaveValue('MAN-CUBE-01');
  expect((await writes(sim)).map((e) => e.status)).toEqual([409]);
  // A new name clears the message, and the same form is sent once more.
  await form.name().fill('RG-Manchester');
  await expect(nameError).toHaveCount(0);
  await page.getByRole('button', { name: 'Create route group' }).click();
  await expect(page.getByRole('heading', { name: 'RG-Manchester', level: 1 })).toBeVisible();
  expect((await writes(sim)).map((e) => e.status)).toEqual([409, 201]);
});

test('editing a group locations use asks first, naming them, then sends the exact PUT', async ({ page, sim }) => {
  const us = await groupId(page, 'RG-US-East');
  const [sjc, nyc1] = [await trunkId(page, 'SJC-CUBE-01'), await trunkId(page, 'NYC-CUBE-01')];
  await page.goto(`/route-groups/${us}`);
  await signIn(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  const form = new GroupForm(page);
  await expect(form.name()).toHaveValue('RG-US-East');
  await expect(form.trunk(3)).toHaveValue('NYC-CUBE-02');
  await form.row(3).getByRole('button', { name: 'Remove' }).click();
  await form.priority(2).fill('1');
  await expect(form.order()).toHaveText('Calls are shared between SJC-CUBE-01 and NYC-CUBE-01.');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('This route group carries the PSTN calls of 1 location: New York Office.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await waitForIdle(page);
  expect(await writes(sim)).toEqual([]);

  await page.getByRole('button', { name: 'Save changes' }).click();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Route group RG-US-East saved.')).toBeVisible();
  const sent = await writes(sim);
  expect(sent.map((e) => [e.method, e.status, e.request])).toEqual([
    ['PUT', 204, { name: 'RG-US-East', localGateways: [{ id: sjc, priority: 1 }, { id: nyc1, priority: 1 }] }],
  ]);
  await expect(page.getByRole('region', { name: /Trunks/ })).toContainText('Trunks (2 trunks)');
});

test('a group in use cannot be deleted: the page says what to change first, with links', async ({ page, sim }) => {
  const emea = await groupId(page, 'RG-EMEA');
  const berlin = await locationId(page, 'Berlin Office');
  await page.goto(`/route-groups/${emea}`);
  await signIn(page);
  const usedBy = page.getByRole('region', { name: 'Used by' });
  await expect(usedBy.getByTestId('delete-blocked')).toContainText('This route group cannot be deleted while it is in use.');
  await expect(usedBy.getByTestId('used-by-other')).toContainText('Dial plans: EMEA Premises Dialing');
  await expect(usedBy.getByTestId('used-by-other')).toContainText('Calls to extensions at London Office');
  await expect(page.getByRole('button', { name: 'Delete route group' })).toHaveCount(0);
  await usedBy.getByRole('link', { name: 'Berlin Office' }).click();
  await expect(page).toHaveURL(new RegExp(`/locations/${berlin}/pstn$`));
  await waitForIdle(page);
  expect(await writes(sim)).toEqual([]);
});

test('an unused group is deleted after its name is typed: one DELETE, back to the list; a 409 shows Webex\'s message', async ({ page, sim }) => {
  const standby = await groupId(page, 'RG-Standby');
  await page.goto(`/route-groups/${standby}`);
  await signIn(page);
  await sim.fault({
    method: 'DELETE',
    path: `${ROUTE_GROUPS}/${standby}`,
    status: 409,
    body: { message: 'Route group RG-Standby is in use by a route list.', errors: [{ description: 'Route group RG-Standby is in use by a route list.', errorCode: 27341 }], trackingId: 'ROUTER_RG_DELETE_1' },
  });
  const remove = page.getByRole('button', { name: 'Delete route group' });
  await remove.click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete route group RG-Standby?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const confirm = dialog.getByRole('button', { name: 'Delete route group' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type RG-Standby to confirm').fill('RG-Stand');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type RG-Standby to confirm').fill('RG-Standby');
  await confirm.click();
  const alert = page.getByRole('alert').filter({ hasText: 'The route group was not deleted' });
  await expect(alert).toContainText('Route group RG-Standby is in use by a route list.');
  await expect(alert).toContainText('ROUTER_RG_DELETE_1');
  expect((await writes(sim)).map((e) => [e.method, e.status])).toEqual([['DELETE', 409]]);

  await remove.click();
  await dialog.getByLabel('Type RG-Standby to confirm').fill('RG-Standby');
  await dialog.getByLabel('Type RG-Standby to confirm').press('Enter');
  await expect(page.getByRole('heading', { name: 'Route groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Route group RG-Standby deleted.' })).toBeVisible();
  await expect(page.getByText('2 route groups')).toBeVisible();
  await expect(page.getByRole('row', { name: /RG-Standby/ })).toHaveCount(0);
  expect((await writes(sim)).map((e) => [e.method, e.status])).toEqual([['DELETE', 409], ['DELETE', 204]]);
  await page.goto('/history');
  const entries = page.locator('.history-table tbody tr').filter({ hasText: 'Route group deleted' });
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('RG-Standby');
});

test('from a location\'s PSTN page, a new group is created and comes back chosen', async ({ page, sim }) => {
  const toronto = await locationId(page, 'Toronto Office');
  const lon = await trunkId(page, 'LON-SBC-01');
  await page.goto(`/locations/${toronto}/pstn`);
  await signIn(page);
  await page.getByRole('radio', { name: 'Local gateway' }).check();
  await page.getByRole('radio', { name: 'Route group', exact: true }).check();
  await page.getByRole('link', { name: 'New route group' }).click();
  await expect(page.getByRole('heading', { name: 'New route group' })).toBeVisible();
  const form = new GroupForm(page);
  await form.name().fill('RG-Toronto');
  await form.pick(1, 'LON-SBC-01');
  await page.getByRole('button', { name: 'Create route group' }).click();

  await expect(page.getByRole('heading', { name: 'Toronto Office', level: 1 })).toBeVisible();
  await expect(page.getByText('Chosen from the link: Local gateway, route group "RG-Toronto"')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Route group to use' })).toHaveValue('RG-Toronto');
  await page.getByRole('button', { name: 'Set connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' })).toBeVisible();
  const created = (await writes(sim))[0];
  expect(created.request).toEqual({ name: 'RG-Toronto', localGateways: [{ id: lon, priority: 1 }] });
  const id = (created.response as { id: string }).id;
  const puts = await sim.exchanges({ method: 'PUT', path: `/v1/telephony/pstn/locations/${toronto}/connection` });
  expect(puts.map((e) => e.request)).toEqual([{ premiseRouteType: 'ROUTE_GROUP', premiseRouteId: id }]);
});

test('the keyboard alone builds a group: choose, add, reorder, create', async ({ page, sim }) => {
  const [lon, ber] = [await trunkId(page, 'LON-SBC-01'), await trunkId(page, 'BER-SBC-01')];
  await page.goto('/route-groups/new');
  await signIn(page);
  const form = new GroupForm(page);
  await form.name().focus();
  await page.keyboard.type('RG-Keys');
  await page.keyboard.press('Tab');
  await expect(form.trunk(1)).toBeFocused();
  await page.keyboard.type('LON-SBC');
  await page.keyboard.press('Enter');
  await expect(form.trunk(1)).toHaveValue('LON-SBC-01');
  await page.keyboard.press('Tab');
  await expect(form.priority(1)).toBeFocused();
  // Move up and Move down are disabled with one row: Remove, then Add trunk.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.add()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.trunk(2)).toBeFocused();
  await page.keyboard.type('BER');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(form.trunk(2)).toHaveValue('BER-SBC-01');
  await expect(form.order()).toHaveText('First LON-SBC-01; then BER-SBC-01.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.row(2).getByRole('button', { name: 'Move up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.trunk(1)).toHaveValue('BER-SBC-01');
  await expect(form.row(1).getByRole('button', { name: 'Move down' })).toBeFocused();
  await expect(form.order()).toHaveText('First BER-SBC-01; then LON-SBC-01.');
  const submit = page.getByRole('button', { name: 'Create route group' });
  for (let i = 0; i < 20 && !(await submit.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'RG-Keys', level: 1 })).toBeVisible();
  expect((await writes(sim)).map((e) => e.request)).toEqual([
    { name: 'RG-Keys', localGateways: [{ id: ber, priority: 1 }, { id: lon, priority: 2 }] },
  ]);
});

test('the trunk picker finds any of 2,000 trunks as typed, each with its location', async ({ page, sim }) => {
  await sim.reset('large');
  await page.goto('/route-groups/new');
  await signIn(page);
  const form = new GroupForm(page);
  await form.trunk(1).click();
  // A long list shows a first part; typing narrows all of it.
  expect(await page.getByRole('option').count()).toBeLessThanOrEqual(50);
  await form.trunk(1).fill('lgw-1999');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toContainText('LGW-1999 · at Site');
  await page.keyboard.press('Enter');
  await expect(form.trunk(1)).toHaveValue('LGW-1999');
  await form.add().click();
  await form.pick(2, 'LGW-0002');
  await expect(form.order()).toHaveText('First LGW-1999; then LGW-0002.');
});

test('a 429 is waited out: the page says so, the button stays disabled, and the group is created once', async ({ page, sim }) => {
  await page.goto('/route-groups/new');
  await signIn(page);
  await sim.fault({ method: 'POST', path: ROUTE_GROUPS, status: 429, retryAfter: 1 });
  const form = new GroupForm(page);
  await form.name().fill('RG-Patient');
  await form.pick(1, 'MAN-CUBE-01');
  await page.getByRole('button', { name: 'Create route group' }).click();
  await expect(page.getByText('Webex asked the console to slow down')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Creating route group…' })).toBeDisabled();
  await expect(page.getByRole('heading', { name: 'RG-Patient', level: 1 })).toBeVisible({ timeout: 15_000 });
  const sent = await writes(sim);
  expect(sent.map((e) => e.status)).toEqual([429, 201]);
  expect(sent[1].request).toEqual(sent[0].request);
});

test('a 201 whose body cannot be read: the group is found by its name and opened, never created twice', async ({ page, sim }) => {
  await page.goto('/route-groups/new');
  await signIn(page);
  // Webex creates the group, but what comes back is not JSON (a proxy's page, say).
  await page.route(
    (url) => url.pathname === ROUTE_GROUPS,
    async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      return route.fulfill({ status: 201, contentType: 'text/html', body: '<html>Created</html>' });
    },
  );
  const form = new GroupForm(page);
  await form.name().fill('RG-Unread');
  await form.pick(1, 'MAN-CUBE-01');
  await page.getByRole('button', { name: 'Create route group' }).click();
  await expect(page.getByRole('heading', { name: 'RG-Unread', level: 1 })).toBeVisible();
  await waitForIdle(page);
  expect((await writes(sim)).map((e) => e.method)).toEqual(['POST']);
  const lookups = await sim.exchanges({ method: 'GET', path: ROUTE_GROUPS });
  expect(lookups.some((e) => new URL(`http://x${e.path}`).searchParams.get('name') === 'RG-Unread')).toBeTruthy();
});
