import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { SIM, SUBPATH, SUBPATH_APP } from '../playwright.config';

// The release build made with `--public-url /tools/pstn/`, served by a host that has nothing
// outside /tools/pstn/ (the simulator's `--app-base`): links, navigation, reloads, and the return
// from Webex all stay under the sub-path. The API is the simulator the other tests use.

const BASE = `${SUBPATH_APP}${SUBPATH}`; // http://127.0.0.1:8190/tools/pstn/

/** Every URL the page requests and every address its frame shows. */
function watch(page: Page) {
  const requests: string[] = [];
  const addresses: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) addresses.push(f.url());
  });
  return { requests, addresses };
}

/** Asserts that nothing left the sub-path: the app's requests and addresses, and no other host. */
function expectUnderSubpath({ requests, addresses }: { requests: string[]; addresses: string[] }) {
  expect(requests.length).toBeGreaterThan(0);
  const outside = requests.filter((u) => !u.startsWith(BASE) && !u.startsWith(`${SIM}/v1/`));
  expect(outside, 'requests outside the sub-path and the API').toEqual([]);
  const elsewhere = addresses.filter((u) => !u.startsWith(BASE));
  expect(elsewhere, 'addresses outside the sub-path').toEqual([]);
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('under a sub-path: deep link, sign-in, links, navigation and reload stay under it', async ({ page, sim }) => {
  // The host has nothing outside the sub-path, so a link that escaped it would fail.
  expect((await page.request.get(`${SUBPATH_APP}/trunks/new`)).status()).toBe(404);
  expect((await page.request.get(`${BASE}trunks/new`)).status()).toBe(200);

  const seen = watch(page);
  await page.goto(`${BASE}trunks/new`);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  await expect(page).toHaveURL(`${BASE}trunks/new`);
  await expect(page.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', '/tools/pstn/trunks');

  // Creating a trunk navigates to it from code.
  await page.getByLabel('Name', { exact: true }).fill('Subpath CUBE');
  await page.getByLabel('Location').click();
  await page.getByLabel('Location').fill('Toronto');
  await page.getByRole('option', { name: 'Toronto Office' }).click();
  await page.getByRole('radio', { name: /^Registering/ }).check();
  await page.getByLabel('Password', { exact: true }).fill('Sub!Path#2026');
  await page.getByRole('button', { name: 'Create trunk' }).click();
  await expect(page.getByRole('heading', { name: /Subpath CUBE/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${BASE}trunks/[^/?]+$`));

  // Header links; the search keeps its address under the sub-path too.
  await mainNav(page).getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByRole('heading', { name: 'Locations', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(`${BASE}locations`);
  await expect(mainNav(page).getByRole('link', { name: 'Locations' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('searchbox', { name: 'Search locations' }).fill('toronto');
  await expect(page).toHaveURL(`${BASE}locations?q=toronto`);

  await mainNav(page).getByRole('link', { name: 'Trunks' }).click();
  await expect(page.getByText('7 trunks')).toBeVisible();
  await expect(page).toHaveURL(`${BASE}trunks`);
  await expect(page.getByRole('link', { name: 'New trunk' })).toHaveAttribute('href', '/tools/pstn/trunks/new');

  // A trunk, and from it a location's PSTN page with the trunk preselected.
  await page.getByRole('link', { name: 'NYC-CUBE-02' }).click();
  await expect(page.getByRole('heading', { name: /NYC-CUBE-02/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${BASE}trunks/[^/?]+$`));
  const trunkPage = page.url();
  await page.getByRole('link', { name: "Use for a location's PSTN" }).click();
  await expect(page).toHaveURL(new RegExp(`^${BASE}locations/[^/?]+/pstn\\?premiseRouteType=TRUNK&premiseRouteId=`));
  await expect(page.getByRole('link', { name: '← All locations' })).toHaveAttribute('href', '/tools/pstn/locations');

  // Back, and a reload of a deep link (served by the host's fallback under the sub-path).
  await page.goBack();
  await expect(page).toHaveURL(trunkPage);
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page.getByRole('heading', { name: /NYC-CUBE-02/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to trunks' }).click();
  await expect(page).toHaveURL(`${BASE}trunks`);

  // The start page, and signing out, land on the sub-path's root.
  await page.getByRole('link', { name: 'PSTN Console' }).click();
  await expect(page).toHaveURL(BASE);
  await page.getByRole('link', { name: /^1\. Trunks/ }).click();
  await expect(page).toHaveURL(`${BASE}trunks`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(BASE);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  expectUnderSubpath(seen);
  expect(seen.requests).toContain(`${BASE}config.json`);
  void sim;
});

test('under a sub-path: "Sign in with Webex" returns to the page the admin was on', async ({ page, sim }) => {
  const seen = watch(page);
  const authorize: URL[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${SIM}/v1/authorize`)) authorize.push(new URL(r.url()));
  });
  await page.goto(`${BASE}locations?q=Toronto`);
  await page.getByRole('link', { name: 'Sign in with Webex' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page).toHaveURL(`${BASE}locations?q=Toronto`);
  await expect(page.getByRole('heading', { name: 'Locations', level: 1 })).toBeVisible();
  expect(authorize).toHaveLength(1);
  expect(authorize[0].searchParams.get('redirect_uri')).toBe(BASE);
  expect(page.url()).not.toContain('access_token');
  // The return itself lands on the sub-path (Webex redirects to redirect_uri).
  expect(seen.addresses.some((u) => u.startsWith(`${BASE}#access_token=`))).toBeTruthy();
  expectUnderSubpath({
    requests: seen.requests.filter((u) => !u.startsWith(`${SIM}/v1/authorize`)),
    addresses: seen.addresses.filter((u) => !u.startsWith(`${SIM}/v1/authorize`)),
  });
  void sim;
});
