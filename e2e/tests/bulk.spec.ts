import { test, expect, signIn, Sim, DEMO_TOKEN } from './fixtures';
import type { Page, Request } from '@playwright/test';
import { SIM } from '../playwright.config';
import { readFileSync } from 'node:fs';

const CONNECTION = /\/v1\/telephony\/pstn\/locations\/[^/]+\/connection$/;
const READS = /\/v1\/telephony\/pstn\/locations\/[^/]+\/(connection|connectionOptions)$/;

async function webex(page: Page, path: string, token = DEMO_TOKEN) {
  const r = await page.request.get(`${SIM}/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(r.ok(), path).toBeTruthy();
  return r.json();
}

async function putConnection(page: Page, location: string, body: unknown) {
  const r = await page.request.put(`${SIM}/v1/telephony/pstn/locations/${encodeURIComponent(location)}/connection`, {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
    data: body,
  });
  expect(r.status()).toBe(204);
}

async function rateLimit(page: Page, writesPerSecond: number | null) {
  const r = await page.request.post(`${SIM}/_sim/rate-limit`, { data: { writesPerSecond } });
  expect(r.ok()).toBeTruthy();
}

async function mintToken(page: Page): Promise<string> {
  const r = await page.request.post(`${SIM}/_sim/tokens`, { data: { like: DEMO_TOKEN } });
  expect(r.ok()).toBeTruthy();
  return (await r.json()).token;
}

/** Every location named like `Site 00…` of the large seed, by name. */
async function largeLocations(page: Page): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let start = 0;
  for (;;) {
    const { locations } = await webex(page, `/telephony/config/locations?name=Site%2000&max=1000&start=${start}`);
    for (const l of locations) out.set(l.name, l.id);
    if (locations.length < 1000) return out;
    start += 1000;
  }
}

async function routeGroupId(page: Page, name: string): Promise<string> {
  const { routeGroups } = await webex(page, `/telephony/config/premisePstn/routeGroups?name=${encodeURIComponent(name)}`);
  return routeGroups.find((g: { name: string }) => g.name === name).id;
}

/** The locations list, with the selection. */
class Locations {
  constructor(private readonly page: Page) {}
  search = () => this.page.getByRole('searchbox', { name: 'Search locations' });
  country = () => this.page.getByLabel('Country');
  connection = () => this.page.getByLabel('Current connection');
  chosen = () => this.page.getByTestId('chosen-count');
  selectAll = () => this.page.getByRole('button', { name: /^Select all .* shown$/ });
  change = () => this.page.getByRole('link', { name: /^Change PSTN of / });
}

/** The bulk page. */
class Bulk {
  constructor(private readonly page: Page) {}
  totals = () => this.page.locator('.totals');
  apply = () => this.page.getByRole('button', { name: /^Apply to / });
  dialog = () => this.page.getByRole('alertdialog');
  status = () => this.page.locator('.bulk-status');
  progress = () => this.page.getByRole('progressbar', { name: 'Locations done' });
  changed = () => this.page.getByTestId('bulk-changed');
  failed = () => this.page.getByTestId('bulk-failed');
  results = () => this.page.locator('.bulk-results');
  row = (name: string) => this.results().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });

  async routeGroup(name: string) {
    await this.page.getByRole('radio', { name: 'Local gateway' }).check();
    await this.page.getByRole('radio', { name: 'Route group', exact: true }).check();
    const picker = this.page.getByRole('combobox', { name: 'Route group to use' });
    await picker.click();
    await picker.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    await expect(picker).toHaveValue(name);
  }
}

/** Chooses the 134 German locations with `00` in their name (all on a provider) on the large seed. */
async function chooseGerman(page: Page) {
  const list = new Locations(page);
  await page.goto('/locations');
  await signIn(page);
  await list.search().fill('Site 00');
  await list.country().selectOption('DE');
  await list.connection().selectOption({ label: 'Cloud-connected provider' });
  await expect(page.getByText(/Reading connections: [\d,]+ of 134/)).toHaveCount(0, { timeout: 30_000 });
  await expect(list.selectAll()).toHaveText('Select all 134 shown');
  await list.selectAll().click();
  await expect(list.chosen()).toHaveText('134 locations chosen');
  return list;
}

test('history lists a single change with its tracking id, puts it back, downloads and clears', async ({ page, sim }) => {
  const { locations } = await webex(page, '/telephony/config/locations?name=London%20Office');
  const london = locations[0].id;
  await page.goto(`/locations/${encodeURIComponent(london)}/pstn`);
  await signIn(page);
  await page.getByRole('radio', { name: 'Route group', exact: true }).check();
  const picker = page.getByRole('combobox', { name: 'Route group to use' });
  await picker.click();
  await page.getByRole('option', { name: /^RG-EMEA/ }).click();
  await page.locator('form').getByRole('button', { name: 'Change connection' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Change connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' })).toBeVisible();
  const [put] = await sim.exchanges({ method: 'PUT', path: CONNECTION });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  const rows = page.locator('.history-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('PSTN connection changed');
  await expect(rows.first()).toContainText('Local gateway, trunk "LON-SBC-01" → Local gateway, route group "RG-EMEA"');
  await expect(rows.first()).toContainText(put.trackingId as string);
  await expect(rows.first().getByRole('link', { name: 'London Office' })).toHaveAttribute('href', `/locations/${encodeURIComponent(london)}/pstn`);

  // Downloads: the JSON and the CSV of the same entry.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (JSON)' }).click()]);
  const entries = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ what: 'PSTN connection changed', subject: 'London Office', result: 'done', trackingId: put.trackingId });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (CSV)' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('time,what,subject,before,after,result,HTTP status,tracking id');
  expect(lines[1]).toContain(',PSTN connection changed,London Office,"Local gateway, trunk ""LON-SBC-01""","Local gateway, route group ""RG-EMEA""",done,,');

  // Put back, with the PSTN page's confirmation.
  await rows.first().getByRole('button', { name: 'Put back Local gateway, trunk "LON-SBC-01"' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('From: Local gateway, route group "RG-EMEA"');
  await expect(dialog).toContainText('To: Local gateway, trunk "LON-SBC-01"');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Change connection' }).click();
  await expect(page.getByText('London Office is back on Local gateway, trunk "LON-SBC-01".')).toBeVisible();
  const now = await webex(page, `/telephony/pstn/locations/${encodeURIComponent(london)}/connection`);
  expect(now.routeType).toBe('TRUNK');
  const puts = await sim.exchanges({ method: 'PUT', path: CONNECTION });
  expect(puts.map((e) => e.request)).toEqual([put.request, { premiseRouteType: 'TRUNK', premiseRouteId: now.routeId }]);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^Put back/ })).toHaveCount(0);

  // A reload keeps it, and so does signing in again; Clear asks first.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/history');
  await signIn(page);
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByText('No changes made in this tab yet.')).toBeVisible();
});

test('bulk: 134 chosen by filter, preview, paced apply under the rate limit, report, undo, history', async ({ page, sim }) => {
  test.setTimeout(180_000);
  await sim.reset('large');
  const ids = await largeLocations(page);
  const rg = await routeGroupId(page, 'RG-001');
  await chooseGerman(page);
  // Meanwhile three of them were moved to the target already.
  for (const name of ['Site 00003 Hamburg', 'Site 00011 Hamburg', 'Site 00019 Hamburg']) {
    await putConnection(page, ids.get(name)!, { premiseRouteType: 'ROUTE_GROUP', premiseRouteId: rg });
  }
  const before = await sim.exchanges({ method: 'PUT', path: CONNECTION });
  await new Locations(page).change().click();
  await expect(page.getByRole('heading', { name: 'Change the PSTN of many locations' })).toBeVisible();
  const bulk = new Bulk(page);
  await bulk.routeGroup('RG-001');
  // Site 00035 (i = 34) offers no local gateway: 25 of them in all.
  await expect(bulk.totals()).toHaveText('106 will change · 3 already set · 25 cannot', { timeout: 60_000 });
  const preview = page.locator('.bulk-preview');
  const row = (name: string) => preview.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('Site 00003 Hamburg')).toContainText('already set: skipped');
  await expect(row('Site 00035 Hamburg')).toContainText('cannot: this location does not offer a local gateway');
  await expect(row('Site 00027 Hamburg')).toContainText('Cloud-connected provider "EuroLink Carrier"');
  await expect(row('Site 00027 Hamburg')).toContainText('Local gateway, route group "RG-001"');
  await expect(row('Site 00027 Hamburg')).toContainText('will change');
  // Nothing is sent before the confirmation.
  expect(await sim.exchanges({ method: 'PUT', path: CONNECTION })).toHaveLength(before.length);

  await rateLimit(page, 5);
  await bulk.apply().click();
  await expect(bulk.dialog()).toContainText('106 will change · 3 already set · 25 cannot');
  await expect(bulk.dialog().getByRole('button', { name: 'Cancel' })).toBeFocused();
  await bulk.dialog().getByRole('button', { name: 'Apply to 106 locations' }).click();
  await expect(bulk.progress()).toHaveAttribute('aria-valuemax', '106');
  await expect(bulk.status()).toHaveText('Done.', { timeout: 120_000 });
  await expect(bulk.changed()).toHaveText('106');
  await expect(bulk.progress()).toHaveAttribute('aria-valuenow', '106');

  const writes = (await sim.exchanges({ method: 'PUT', path: CONNECTION })).slice(before.length);
  expect(writes.some((e) => e.status === 429), 'the rate limit was met').toBeTruthy();
  const bulkWrites = writes.filter((e) => e.status === 204);
  expect(bulkWrites).toHaveLength(106);
  expect(new Set(bulkWrites.map((e) => e.path)).size, 'no location written twice').toBe(106);
  for (const e of bulkWrites) expect(e.request).toEqual({ premiseRouteType: 'ROUTE_GROUP', premiseRouteId: rg });
  await expect(bulk.row('Site 00027 Hamburg')).toContainText('changed');
  await expect(bulk.row('Site 00035 Hamburg')).toContainText('skipped: cannot');

  // The report: one line a location.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (CSV)' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('location name,location id,from,to,result,HTTP status,tracking id,time');
  expect(lines).toHaveLength(135);
  const line = lines.find((l) => l.startsWith('Site 00027 Hamburg,'))!;
  const tracking = bulkWrites.find((e) => e.path.includes(encodeURIComponent(ids.get('Site 00027 Hamburg')!)))!.trackingId;
  const expected = `Site 00027 Hamburg,${ids.get('Site 00027 Hamburg')},"Cloud-connected provider ""EuroLink Carrier""","Local gateway, route group ""RG-001""",changed,204,${tracking},`;
  expect(line.startsWith(expected), line).toBeTruthy();
  expect(line).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

  // Undo puts every changed location back, paced the same way.
  await rateLimit(page, null);
  await page.getByRole('button', { name: 'Put back the 106 changed' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Put back' }).click();
  await expect(page.getByRole('heading', { name: 'Putting back' })).toBeVisible();
  await expect(bulk.status()).toHaveText('Done.', { timeout: 120_000 });
  await expect(bulk.changed()).toHaveText('106');
  for (const name of ['Site 00027 Hamburg', 'Site 00043 Hamburg', 'Site 00987 Hamburg']) {
    const now = await webex(page, `/telephony/pstn/locations/${encodeURIComponent(ids.get(name)!)}/connection`);
    expect(now.displayName, name).toBe('EuroLink Carrier');
  }
  const back = (await sim.exchanges({ method: 'PUT', path: CONNECTION })).slice(before.length).filter((e) => e.status === 204 && (e.request as { id?: string }).id);
  expect(back).toHaveLength(106);

  // The history has both runs, one entry each.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const entries = page.locator('.history-table tbody tr');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('PSTN of many locations put back');
  await expect(entries.nth(0)).toContainText('106 changed, 0 failed, 0 skipped');
  await expect(entries.nth(1)).toContainText('PSTN of many locations');
  await expect(entries.nth(1)).toContainText('106 changed, 0 failed, 28 skipped');
});

/** Starts a run of the 134 German locations to RG-001 (`token`: the one to sign in with). */
async function startGerman(page: Page, token = DEMO_TOKEN, beforeApply: () => Promise<void> = async () => {}) {
  const list = new Locations(page);
  await page.goto('/locations');
  await signIn(page, token);
  await list.search().fill('Site 00');
  await list.country().selectOption('DE');
  await list.selectAll().click();
  await expect(list.chosen()).toHaveText('134 locations chosen');
  await list.change().click();
  const bulk = new Bulk(page);
  await bulk.routeGroup('RG-001');
  await expect(bulk.totals()).toHaveText('109 will change · 25 cannot', { timeout: 60_000 });
  await beforeApply();
  await bulk.apply().click();
  await bulk.dialog().getByRole('button', { name: 'Apply to 109 locations' }).click();
  return bulk;
}

/** Checks that every location changed by the bulk run was written once, with the exact body. */
async function writtenOnce(sim: Sim, rg: string, count: number) {
  const done = (await sim.exchanges({ method: 'PUT', path: CONNECTION })).filter((e) => e.status === 204);
  expect(new Set(done.map((e) => e.path)).size, 'no location written twice').toBe(done.length);
  expect(done).toHaveLength(count);
  for (const e of done) expect(e.request).toEqual({ premiseRouteType: 'ROUTE_GROUP', premiseRouteId: rg });
}

test('bulk: stop halfway, reload, and continue with those not sent, never sending one twice', async ({ page, sim }) => {
  test.setTimeout(180_000);
  await sim.reset('large');
  const rg = await routeGroupId(page, 'RG-001');
  await rateLimit(page, 2);
  const bulk = await startGerman(page);
  await expect.poll(async () => Number(await bulk.changed().textContent()), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(bulk.status()).toHaveText(/^Stopped\. [\d,]+ locations? not sent\.$/, { timeout: 30_000 });
  const stoppedAt = Number(await bulk.changed().textContent());
  const sent = (await sim.exchanges({ method: 'PUT', path: CONNECTION })).filter((e) => e.status === 204).length;
  expect(sent).toBe(stoppedAt);
  // Nothing more goes after Stop.
  await page.waitForTimeout(1500);
  expect((await sim.exchanges({ method: 'PUT', path: CONNECTION })).filter((e) => e.status === 204)).toHaveLength(sent);

  await page.reload();
  await expect(bulk.status()).toHaveText(`Stopped. ${109 - stoppedAt} locations not sent.`);
  await expect(bulk.results()).toContainText('not sent');
  await rateLimit(page, null);
  await page.getByRole('button', { name: `Continue with the ${109 - stoppedAt} not sent` }).click();
  await expect(bulk.status()).toHaveText('Done.', { timeout: 120_000 });
  await expect(bulk.changed()).toHaveText('109');
  await writtenOnce(sim, rg, 109);
});

test('bulk: a 401 halfway stops the run; signing in again as the same admin continues it', async ({ page, sim }) => {
  test.setTimeout(180_000);
  await sim.reset('large');
  const rg = await routeGroupId(page, 'RG-001');
  const first = await mintToken(page);
  await rateLimit(page, 2);
  const bulk = await startGerman(page, first);
  await expect.poll(async () => Number(await bulk.changed().textContent()), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  const r = await page.request.post(`${SIM}/_sim/tokens/expire`, { data: { token: first } });
  expect(r.ok()).toBeTruthy();
  await expect(page.getByLabel('Access token')).toBeVisible({ timeout: 30_000 });
  await rateLimit(page, null);
  await signIn(page, await mintToken(page));
  await expect(bulk.status()).toHaveText(/^Stopped when Webex ended the session\. [\d,]+ locations? not sent\.$/, { timeout: 30_000 });
  const done = Number(await bulk.changed().textContent());
  await page.getByRole('button', { name: `Continue with the ${109 - done} not sent` }).click();
  await expect(bulk.status()).toHaveText('Done.', { timeout: 120_000 });
  await expect(bulk.changed()).toHaveText('109');
  await writtenOnce(sim, rg, 109);
  const refused = (await sim.exchanges({ method: 'PUT', path: CONNECTION })).filter((e) => e.status === 401);
  expect(refused.length).toBeGreaterThan(0);
});

test('bulk: failures show per row with Webex\'s message and tracking id, and are retried on request', async ({ page, sim }) => {
  test.setTimeout(180_000);
  await sim.reset('large');
  const ids = await largeLocations(page);
  const rg = await routeGroupId(page, 'RG-001');
  for (const [name, tracking] of [['Site 00027 Hamburg', 'ROUTER_BULK_1'], ['Site 00043 Hamburg', 'ROUTER_BULK_2']]) {
    await sim.fault({
      method: 'PUT',
      path: `/v1/telephony/pstn/locations/${encodeURIComponent(ids.get(name)!)}/connection`,
      status: 400,
      body: { message: 'Route group is being updated.', errors: [{ description: 'Route group is being updated.', errorCode: 27011 }], trackingId: tracking },
    });
  }
  const bulk = await startGerman(page);
  await expect(bulk.status()).toHaveText('Done.', { timeout: 120_000 });
  await expect(bulk.changed()).toHaveText('107');
  await expect(bulk.failed()).toHaveText('2');
  await expect(bulk.row('Site 00027 Hamburg')).toContainText('failed: Route group is being updated.');
  await expect(bulk.row('Site 00027 Hamburg')).toContainText('400');
  await expect(bulk.row('Site 00027 Hamburg')).toContainText('ROUTER_BULK_1');
  await expect(bulk.row('Site 00043 Hamburg')).toContainText('ROUTER_BULK_2');
  await page.getByRole('button', { name: 'Retry the 2 failed' }).click();
  await expect(bulk.status()).toHaveText('Done.', { timeout: 60_000 });
  await expect(bulk.changed()).toHaveText('109');
  await expect(bulk.row('Site 00027 Hamburg')).toContainText('changed');
  await writtenOnce(sim, rg, 109);
});

test('bulk: a tab whose storage is full says the run is not kept, and the run still ends', async ({ page, sim }) => {
  test.setTimeout(180_000);
  await sim.reset('large');
  const rg = await routeGroupId(page, 'RG-001');
  // Another page of this site filled the tab's storage.
  const bulk = await startGerman(page, DEMO_TOKEN, () =>
    page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 64; size >>= 1) {
        for (;;) {
          try {
            sessionStorage.setItem(`other-page-${n++}`, 'x'.repeat(size));
          } catch {
            break;
          }
        }
      }
    }),
  );
  await expect(page.getByTestId('bulk-not-kept')).toContainText('too large for this tab');
  await expect(bulk.status()).toHaveText('Done.', { timeout: 120_000 });
  await expect(bulk.changed()).toHaveText('109');
  await writtenOnce(sim, rg, 109);
});

test('10,000 locations: all of two searches chosen, 2,500 previewed with at most 4 reads in flight, the page answering meanwhile', async ({ page, sim }) => {
  test.setTimeout(240_000);
  await sim.reset('large');
  const list = new Locations(page);
  await page.goto('/locations');
  await signIn(page);
  for (const q of ['Springfield', 'Reading']) {
    await list.search().fill(q);
    await expect(list.selectAll()).toHaveText('Select all 1,250 shown', { timeout: 30_000 });
    await list.selectAll().click();
  }
  await expect(list.chosen()).toHaveText('2,500 locations chosen');
  // The list's own reads are over before the preview's are counted.
  await expect(page.locator('.location-table').getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
  const seen = { inFlight: 0, most: 0, total: 0 };
  const isRead = (r: Request) => r.method() === 'GET' && READS.test(new URL(r.url()).pathname);
  page.on('request', (r) => {
    if (!isRead(r)) return;
    seen.total += 1;
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
  });
  const done = (r: Request) => {
    if (isRead(r)) seen.inFlight -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await list.change().click();
  const reading = page.getByRole('progressbar', { name: 'Reading connections' });
  await expect(reading).toHaveAttribute('aria-valuemax', '2500');
  // The page answers while it reads: typing shows at once.
  const find = page.getByRole('searchbox', { name: 'Find in the preview' });
  await find.pressSequentially('Site 0150', { delay: 20 });
  await expect(find).toHaveValue('Site 0150');
  expect(Number(await reading.getAttribute('aria-valuenow'))).toBeLessThan(2500);
  const bulk = new Bulk(page);
  await bulk.routeGroup('RG-002');
  await expect(bulk.totals()).toContainText('will change', { timeout: 200_000 });
  expect(seen.most).toBeLessThanOrEqual(4);
  expect(seen.total).toBe(5000);
  // The preview shows the rows found.
  await expect(page.locator('.bulk-preview tbody tr')).toHaveCount(2);
  void sim;
});
