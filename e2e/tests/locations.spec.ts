import { test, expect, signIn, Sim, waitForIdle } from './fixtures';
import { SIM } from '../playwright.config';
import type { Page, Request } from '@playwright/test';

const LOCATIONS = '/v1/telephony/config/locations';
const CONNECTION = /\/v1\/telephony\/pstn\/locations\/[^/]+\/connection$/;

/** The locations table, by its roles. */
class LocationList {
  constructor(private readonly page: Page) {}
  search = () => this.page.getByRole('searchbox', { name: 'Search locations' });
  table = () => this.page.getByRole('table');
  // A row element per place on the page; the places with no location are hidden.
  rows = () => this.table().locator('tbody tr:not([hidden])');
  row = (name: string) => this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  count = () => this.page.locator('.count');

  async open() {
    await this.page.goto('/locations');
    await signIn(this.page);
    await expect(this.page.getByRole('heading', { name: 'Locations', level: 1 })).toBeVisible();
  }
}

/** Watches the connection reads the page sends: how many, and most at once. */
function watchConnectionReads(page: Page) {
  const seen = { total: 0, inFlight: 0, most: 0 };
  const isRead = (r: Request) => r.method() === 'GET' && CONNECTION.test(new URL(r.url()).pathname);
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
  return seen;
}

async function connectionReads(sim: Sim) {
  return (await sim.exchanges({ method: 'GET', path: CONNECTION })).length;
}

test('every Calling location with its PSTN connection in words and by name', async ({ page, sim }) => {
  const list = new LocationList(page);
  await list.open();
  await expect(list.rows()).toHaveCount(12);
  await expect(list.count()).toContainText('12 locations');
  await expect(list.table().getByText('Loading…')).toHaveCount(0);
  // A location without Webex Calling is not listed.
  await expect(list.table()).not.toContainText('Austin Warehouse');

  await expect(list.row('San Jose HQ')).toContainText('Local gateway');
  await expect(list.row('San Jose HQ')).toContainText('Trunk SJC-CUBE-01');
  await expect(list.row('New York Office')).toContainText('Route group RG-US-East');
  await expect(list.row('Dallas Branch')).toContainText('Cloud-connected provider');
  await expect(list.row('Dallas Branch')).toContainText('Meridian Voice');
  await expect(list.row('Chicago Sales')).toContainText('Cisco PSTN');
  await expect(list.row('Paris Office')).toContainText('Integrated cloud-connected provider');
  for (const name of ['Toronto Office', 'Manchester Support', 'Munich Lab', 'Melbourne Branch']) {
    await expect(list.row(name).locator('.badge.not-configured')).toHaveText('Not configured');
  }
  // "Not configured" is a state, not an error.
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Nothing shows a raw id.
  await expect(list.table()).not.toContainText('Y2lz');
  await waitForIdle(page);
  expect(await connectionReads(sim)).toBe(12);
});

test('search narrows the list, survives a visit to a location, and the list shows a new connection by name', async ({ page, sim }) => {
  const list = new LocationList(page);
  await list.open();
  await list.search().pressSequentially('office', { delay: 30 });
  await expect(list.rows()).toHaveCount(6);
  await expect(list.count()).toContainText('6 of 12 locations match');
  await expect(page).toHaveURL(/\/locations\?q=office$/);
  await list.search().fill('toronto');
  await expect(list.rows()).toHaveCount(1);
  await list.search().fill('nowhere');
  await expect(list.table()).toContainText('No location matches “nowhere”.');
  await list.search().fill('toronto');

  await list.row('Toronto Office').getByRole('link', { name: 'Toronto Office' }).click();
  await expect(page.getByRole('heading', { name: 'Toronto Office', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: 'Local gateway' }).check();
  await page.getByRole('radio', { name: 'Trunk', exact: true }).check();
  const picker = page.getByRole('combobox', { name: 'Trunk to use' });
  await picker.click();
  await picker.fill('NYC-CUBE-02');
  await page.getByRole('option', { name: /^NYC-CUBE-02/ }).click();
  await page.getByRole('button', { name: 'Set connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/locations\?q=toronto$/);
  await expect(list.search()).toHaveValue('toronto');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row('Toronto Office')).toContainText('Local gateway');
  await expect(list.row('Toronto Office')).toContainText('Trunk NYC-CUBE-02');

  // The header's "Locations" is the whole list again, search box included.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await expect(page).toHaveURL(/\/locations$/);
  await expect(list.search()).toHaveValue('');
  await expect(list.count()).toContainText('12 locations');
  void sim;
});

test('a connection that cannot be read says so in its row and can be read again', async ({ page, sim }) => {
  const { locations } = await (await page.request.get(`${SIM}${LOCATIONS}?name=San%20Jose`, {
    headers: { Authorization: 'Bearer demo-admin-token' },
  })).json();
  const sanJose = locations[0].id;
  await sim.fault({ method: 'GET', path: `/v1/telephony/pstn/locations/${encodeURIComponent(sanJose)}/connection`, status: 503 });
  const list = new LocationList(page);
  await list.open();
  const row = list.row('San Jose HQ');
  await expect(row).toContainText('Could not be read (HTTP 503');
  await expect(list.row('New York Office')).toContainText('RG-US-East');
  await row.getByRole('button', { name: 'Retry' }).click();
  await expect(row).toContainText('Trunk SJC-CUBE-01');
});

test('a connection filter says how many locations it leaves out because their connection could not be read, and reads them again', async ({ page, sim }) => {
  const { locations } = await (await page.request.get(`${SIM}${LOCATIONS}?name=San%20Jose`, {
    headers: { Authorization: 'Bearer demo-admin-token' },
  })).json();
  await sim.fault({ method: 'GET', path: `/v1/telephony/pstn/locations/${encodeURIComponent(locations[0].id)}/connection`, status: 503 });
  const list = new LocationList(page);
  await list.open();
  await page.getByLabel('Current connection').selectOption({ label: 'Local gateway (any)' });
  const warning = page.getByTestId('connections-unreadable');
  await expect(warning).toContainText('The PSTN connection of 1 location could not be read, so this filter leaves it out.');
  await expect(list.row('San Jose HQ')).toHaveCount(0);
  await warning.getByRole('button', { name: 'Read them again' }).click();
  await expect(list.row('San Jose HQ')).toContainText('Trunk SJC-CUBE-01');
  await expect(warning).toHaveCount(0);
});

test('10,000 locations: the list shows at once, pages of 50, connections read only for the page, 4 at a time', async ({ page, sim }) => {
  test.setTimeout(120_000);
  await sim.reset('large');
  const reads = watchConnectionReads(page);
  const list = new LocationList(page);
  await list.open();
  await expect(list.count()).toContainText('10,000 locations · showing 1–50', { timeout: 30_000 });
  await expect(list.rows()).toHaveCount(50);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 1 of 200');
  // Every row of the page fills in.
  await expect(list.table().getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
  await expect(list.row('Site 00001 Springfield')).toContainText('Trunk LGW-0001');
  await expect(list.row('Site 00004 Brisbane')).toContainText('Not configured');
  await waitForIdle(page);
  expect(reads.total).toBe(50);
  expect(reads.most).toBeLessThanOrEqual(4);
  expect(await connectionReads(sim)).toBe(50);

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of 200');
  await expect(list.rows()).toHaveCount(50);
  await expect(list.table().getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
  await waitForIdle(page);
  expect(reads.total).toBe(100);
  expect(reads.most).toBeLessThanOrEqual(4);

  // Going back to a page already read reads nothing again.
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(list.row('Site 00001 Springfield')).toContainText('Trunk LGW-0001');
  await waitForIdle(page);
  expect(reads.total).toBe(100);

  await list.search().fill('09999');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row('Site 09999 Cork')).toBeVisible();
  await expect(list.table().getByText('Loading…')).toHaveCount(0);
  await waitForIdle(page);
  expect(reads.total).toBe(101);
  // The list was read once, page by page, not again per keystroke.
  const listReads = (await sim.exchanges({ method: 'GET', path: LOCATIONS })).map((e) => e.path);
  expect(listReads.length).toBeGreaterThanOrEqual(10);
  expect(new Set(listReads).size).toBe(listReads.length);
});

test('10,000 locations: a keystroke or a page that brings other rows puts the right location in every place, in view or not', async ({ page, sim }) => {
  test.setTimeout(120_000);
  await sim.reset('large');
  const list = new LocationList(page);
  await list.open();
  await expect(list.count()).toContainText('10,000 locations · showing 1–50', { timeout: 30_000 });
  const names = list.table().locator('tbody tr:not([hidden]) th');
  await expect(names).toHaveCount(50);
  const firstPage = await names.allTextContents();
  expect(firstPage[0]).toBe('Site 00001 Springfield');
  expect(firstPage[49]).toMatch(/^Site 00050 /);
  // The places in view take their rows at once, the others after the frame, and the table body
  // is busy meanwhile; every place ends with its row.
  const settled = () => expect(list.table().locator('tbody')).not.toHaveAttribute('aria-busy', 'true');

  await list.search().fill('site 00043');
  await expect(names).toHaveText([/^Site 00043 /]);
  await list.search().fill('');
  await settled();
  await expect(names).toHaveText(firstPage);
  await list.search().fill('hamburg');
  await expect(list.count()).toContainText(/of 10,000 locations match · showing 1–50/);
  await settled();
  await expect(names).toHaveText(Array(50).fill(/hamburg/i));
  await list.search().fill('');
  await settled();
  await expect(names).toHaveText(firstPage);

  // Scrolled to the foot of the table, Next: the last places are the ones in view now.
  const next = page.getByRole('button', { name: 'Next' });
  await next.scrollIntoViewIfNeeded();
  await expect(list.row('Site 00001 Springfield')).not.toBeInViewport();
  await next.click();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of 200');
  await settled();
  await expect(names).toHaveText(Array.from({ length: 50 }, (_, i) => new RegExp(`^Site ${String(51 + i).padStart(5, '0')} `)));
});

test('names that could not be read offer Try again', async ({ page, sim }) => {
  await page.goto('/');
  await signIn(page);
  await sim.fault({ method: 'GET', path: '/v1/telephony/config/premisePstn/routeGroups', status: 500 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Trunk and route group names could not be read' });
  await expect(alert).toContainText('HTTP 500');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toHaveCount(0);
  const list = new LocationList(page);
  await expect(list.row('New York Office')).toContainText('Route group RG-US-East');
});
