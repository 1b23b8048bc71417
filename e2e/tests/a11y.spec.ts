import { test, expect, signIn, expectAccessible, focusRing, missingIdReferences, Sim, DEMO_TOKEN } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { SIM } from '../playwright.config';

// Accessibility: axe (WCAG 2.1 A + AA) on the pages and states below in both colour schemes, the
// keyboard-only flows, and one test for each fix of issue 11. (Every other test's last state is
// checked too, by the fixtures.)

const TRUNKS = '/v1/telephony/config/premisePstn/trunks';
const CONNECTION = /\/v1\/telephony\/pstn\/locations\/[^/]+\/connection$/;

async function locationId(page: Page, name: string): Promise<string> {
  const r = await page.request.get(`${SIM}/v1/telephony/config/locations?name=${encodeURIComponent(name)}`, {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
  });
  const { locations } = await r.json();
  return locations.find((l: { name: string }) => l.name === name).id;
}

/** The element that has the keyboard focus, as a locator. */
const focused = (page: Page) => page.locator(':focus');

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking that every control on the
 * way shows a visible focus ring; fails after `limit` presses.
 */
async function tabTo(page: Page, target: Locator, { back = false, limit = 25 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const ring = await focusRing(page);
    expect(ring.style, `focus ring of ${ring.element}`).not.toBe('none');
    expect(ring.width, `focus ring of ${ring.element}`).toBeGreaterThanOrEqual(2);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${limit} presses of Tab did not reach ${target}`);
}

/** Signs in on the sign-in page with the keyboard only. */
async function signInWithKeyboard(page: Page) {
  await expect(page.getByLabel('Access token')).toBeVisible();
  await tabTo(page, page.getByLabel('Access token'));
  await page.keyboard.type(DEMO_TOKEN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
}

/** WCAG contrast ratio of two CSS colours "rgb(r, g, b)". */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test.describe('axe finds nothing in light and dark', () => {
  test('sign-in: fresh, an empty token, a refused token', async ({ page, sim }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Paste your access token first.')).toBeVisible();
    await expectAccessible(page, 'sign-in with an empty token');
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'did not accept' })).toBeVisible();
    await expectAccessible(page, 'sign-in with a refused token');
    void sim;
  });

  test('home, the lists, and a page that does not exist', async ({ page, sim }) => {
    await page.goto('/');
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Welcome, Dana Admin' })).toBeVisible();
    await expectAccessible(page, 'home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trunks' }).click();
    await expect(page.getByText('6 trunks')).toBeVisible();
    await expect(page.getByRole('row').nth(1)).not.toContainText('…');
    await expectAccessible(page, 'trunk list (current header link)');
    await page.getByLabel('Filter').fill('zzzz');
    await expect(page.getByText('No trunk matches the filter.')).toBeVisible();
    await expectAccessible(page, 'trunk list, nothing matches');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
    await expect(page.getByRole('row', { name: /Toronto Office/ })).toContainText('Not configured');
    await expectAccessible(page, 'locations list');
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page, 'not found');
    void sim;
  });

  test('new trunk: empty with every error, certificate-based with errors, a checked address, a refused create', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
    await expectAccessible(page, 'new trunk form');
    await page.getByRole('button', { name: 'Create trunk' }).click();
    await expect(page.locator('.field-error', { hasText: /password/i })).toBeVisible();
    await expectAccessible(page, 'new trunk form with every error');

    await page.getByRole('radio', { name: 'Certificate-based' }).check();
    await page.getByLabel('Address', { exact: true }).fill('not a host');
    await page.getByLabel('Maximum concurrent calls').fill('-1');
    await page.getByRole('button', { name: 'Create trunk' }).click();
    await expect(page.locator('.field-error', { hasText: /address/i })).toBeVisible();
    await expectAccessible(page, 'certificate-based trunk form with errors');

    await page.getByLabel('Address', { exact: true }).fill('sbc-muc1.example.com');
    await page.getByLabel('Domain', { exact: true }).fill('example.com');
    await page.getByLabel('Port', { exact: true }).fill('5061');
    await page.getByRole('button', { name: 'Check address' }).click();
    await expect(page.getByText('Webex accepts this address, domain and port.')).toBeVisible();
    await expectAccessible(page, 'certificate-based trunk form, address checked');

    await page.getByLabel('Name', { exact: true }).fill('SJC-CUBE-01');
    await page.getByLabel('Location').click();
    await page.getByLabel('Location').fill('Munich');
    await expect(page.getByRole('option', { name: 'Munich Lab' })).toBeVisible();
    await expectAccessible(page, 'location picker open, first match highlighted');
    await page.getByRole('option', { name: 'Munich Lab' }).click();
    await page.getByLabel('Device type').selectOption('AudioCodes Mediant SBC');
    await page.getByLabel('Password', { exact: true }).fill('Dup!icate123');
    await page.getByLabel('Maximum concurrent calls').fill('500');
    await page.getByRole('button', { name: 'Create trunk' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The trunk was not created' })).toBeVisible();
    await expectAccessible(page, 'new trunk refused by Webex');
    void sim;
  });

  test('trunk details: just created (password shown), registering, certificate-based, partial answer, not found', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await signIn(page);
    await page.getByLabel('Name', { exact: true }).fill('A11y CUBE');
    await page.getByLabel('Location').click();
    await page.getByLabel('Location').fill('Toronto');
    await page.getByRole('option', { name: 'Toronto Office' }).click();
    await page.getByRole('radio', { name: 'Registering' }).check();
    await page.getByLabel('Password', { exact: true }).fill('Sup3r!Secret#2026');
    await page.getByRole('button', { name: 'Create trunk' }).click();
    await expect(page.getByTestId('fresh-password')).toBeVisible();
    await expectAccessible(page, 'trunk details, just created');

    await page.goto('/trunks');
    await page.getByRole('link', { name: 'LON-SBC-01' }).click();
    await expect(page.getByRole('heading', { name: 'LON-SBC-01' })).toBeVisible();
    await expectAccessible(page, 'certificate-based trunk details');

    await page.route(/\/v1\/telephony\/config\/premisePstn\/trunks\/[^/?]+(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.responseStatus = [{ code: 25013, type: 'ERROR', summaryEnglish: 'CPAPI: Error retrieving outboundproxy.' }];
      await route.fulfill({ response, status: 206, json: body });
    });
    await page.goto('/trunks');
    await page.getByRole('link', { name: 'NYC-CUBE-01' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'HTTP 206' })).toBeVisible();
    await expectAccessible(page, 'registering trunk details, partial answer');
    await page.unroute(/\/v1\/telephony\/config\/premisePstn\/trunks\/[^/?]+(\?.*)?$/);

    await page.goto('/trunks/no-such-trunk');
    await expect(page.getByRole('alert').filter({ hasText: 'The trunk could not be loaded' })).toBeVisible();
    await expectAccessible(page, 'trunk that does not exist');
    void sim;
  });

  test('PSTN page: not configured, errors at the fields, a refused change', async ({ page, sim }) => {
    const toronto = await locationId(page, 'Toronto Office');
    await page.goto(`/locations/${encodeURIComponent(toronto)}/pstn`);
    await signIn(page);
    await expect(page.getByRole('region', { name: 'Current connection' })).toContainText('Not configured');
    await expectAccessible(page, 'PSTN page, not configured');
    // No picker option is on the page until a list opens.
    await expect(page.locator('[role="option"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Set connection' }).click();
    await expect(page.getByText('Choose how this location connects to the phone network.')).toBeVisible();
    await page.getByRole('radio', { name: 'Local gateway' }).check();
    await page.getByRole('radio', { name: 'Trunk', exact: true }).check();
    await page.getByRole('button', { name: 'Set connection' }).click();
    await expect(page.locator('#premise-route-id-error')).toBeVisible();
    await expectAccessible(page, 'PSTN page with an error at the route');

    await sim.fault({
      method: 'PUT',
      path: `/v1/telephony/pstn/locations/${encodeURIComponent(toronto)}/connection`,
      status: 400,
      body: { message: 'Trunk is not available for this location.', errors: [{ description: 'Trunk is not available for this location.', errorCode: 27010 }], trackingId: 'ROUTER_A11Y' },
    });
    await page.getByRole('combobox', { name: 'Trunk to use' }).click();
    await page.getByRole('combobox', { name: 'Trunk to use' }).fill('NYC');
    await page.getByRole('option', { name: /^NYC-CUBE-01/ }).click();
    await page.getByRole('button', { name: 'Set connection' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The PSTN connection was not changed' })).toBeVisible();
    await expectAccessible(page, 'PSTN change refused');
  });

  test('PSTN page: configured, the confirmation open, the change made', async ({ page, sim }) => {
    const london = await locationId(page, 'London Office');
    await page.goto(`/locations/${encodeURIComponent(london)}/pstn`);
    await signIn(page);
    await expect(page.getByRole('region', { name: 'Current connection' })).toContainText('LON-SBC-01');
    await expectAccessible(page, 'PSTN page, configured');
    await page.getByRole('radio', { name: 'Route group', exact: true }).check();
    await page.getByRole('combobox', { name: 'Route group to use' }).click();
    await page.getByRole('option', { name: /^RG-EMEA/ }).click();
    await page.locator('form').getByRole('button', { name: 'Change connection' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectAccessible(page, 'PSTN confirmation dialog open');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Change connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' })).toBeVisible();
    await expectAccessible(page, 'PSTN change made');
    void sim;
  });

  test('PSTN page: a change refused for rights (403)', async ({ page, sim }) => {
    const london = await locationId(page, 'London Office');
    await page.goto(`/locations/${encodeURIComponent(london)}/pstn`);
    await page.getByLabel('Access token').fill('demo-readonly-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('radio', { name: 'Trunk', exact: true }).check();
    await page.getByRole('combobox', { name: 'Trunk to use' }).click();
    await page.getByRole('combobox', { name: 'Trunk to use' }).fill('SJC');
    await page.getByRole('option', { name: /^SJC-CUBE-01/ }).click();
    await page.locator('form').getByRole('button', { name: 'Change connection' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Change connection' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'HTTP 403' })).toBeVisible();
    await expectAccessible(page, 'PSTN change refused for rights (403)');
    void sim;
  });

  test('lists that could not be read (500)', async ({ page, sim }) => {
    await page.goto('/');
    await signIn(page);
    await sim.fault({ method: 'GET', path: TRUNKS, status: 500 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trunks' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The trunks could not be loaded' })).toBeVisible();
    await expectAccessible(page, 'trunk list failed');
    await sim.fault({ method: 'GET', path: '/v1/telephony/config/locations', status: 500 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The locations could not be read' })).toBeVisible();
    await expectAccessible(page, 'locations list failed');
  });
});

test.describe('keyboard only', () => {
  test('create a registering trunk', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await signInWithKeyboard(page);
    // After signing in, the focus is on the page the admin asked for.
    await expect(page.getByRole('heading', { name: 'New trunk', level: 1 })).toBeFocused();

    await tabTo(page, page.getByLabel('Name', { exact: true }));
    await page.keyboard.type('Keyboard CUBE');
    const location = page.getByRole('combobox', { name: 'Location' });
    await tabTo(page, location);
    await page.keyboard.type('Toronto');
    await expect(page.getByRole('option', { name: 'Toronto Office' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(location).toHaveValue('Toronto Office');
    const registering = page.getByRole('radio', { name: 'Registering' });
    await tabTo(page, registering);
    await page.keyboard.press('Space');
    await expect(registering).toBeChecked();
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type('K3yboard!Only#1');
    await tabTo(page, page.getByRole('button', { name: 'Create trunk' }));
    await page.keyboard.press('Enter');

    // The new trunk's page, with the focus on its heading.
    await expect(page.getByRole('heading', { name: 'Keyboard CUBE', level: 1 })).toBeFocused();
    const created = (await sim.exchanges({ method: 'POST', path: TRUNKS })).map((e) => e.request);
    expect(created).toEqual([
      {
        name: 'Keyboard CUBE',
        locationId: await locationId(page, 'Toronto Office'),
        password: 'K3yboard!Only#1',
        trunkType: 'REGISTERING',
      },
    ]);
    // The gateway configuration scrolls, and so can be reached and scrolled with the keyboard.
    const config = page.getByRole('region', { name: 'Gateway configuration' });
    await tabTo(page, config, { limit: 40 });
    await page.keyboard.press('End');
    await expect.poll(() => config.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  });

  test("change a location's PSTN connection, with the confirmation", async ({ page, sim }) => {
    const london = await locationId(page, 'London Office');
    await page.goto(`/locations/${encodeURIComponent(london)}/pstn`);
    await signInWithKeyboard(page);
    await expect(page.getByRole('heading', { name: 'London Office', level: 1 })).toBeFocused();

    // Into the radio group on the checked radio; an arrow moves the choice.
    await tabTo(page, page.getByRole('radio', { name: 'Trunk', exact: true }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Route group', exact: true })).toBeChecked();
    const group = page.getByRole('combobox', { name: 'Route group to use' });
    await tabTo(page, group);
    await page.keyboard.type('EMEA');
    await page.keyboard.press('Enter');
    await expect(group).toHaveValue('RG-EMEA');
    const submit = page.locator('form').getByRole('button', { name: 'Change connection' });
    await tabTo(page, submit);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('alertdialog');
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const confirm = dialog.getByRole('button', { name: 'Change connection' });
    await expect(cancel).toBeFocused();
    // Tab stays in the dialog, both ways.
    await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm).toBeFocused();
    // Escape cancels and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(submit).toBeFocused();
    expect(await sim.exchanges({ method: 'PUT', path: CONNECTION })).toHaveLength(0);

    await page.keyboard.press('Enter');
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
    // The focus goes to what happened.
    const saved = page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' });
    await expect(saved).toBeVisible();
    await expect(page.locator('#pstn-outcome')).toBeFocused();
    const sent = await sim.exchanges({ method: 'PUT', path: CONNECTION });
    expect(sent.map((e) => e.request)).toEqual([{ premiseRouteType: 'ROUTE_GROUP', premiseRouteId: expect.any(String) }]);
  });
});

test.describe('fixed in issue 11', () => {
  test('every page names the tab, and the focus goes to its heading after sign-in and links', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await expect(page).toHaveTitle('Sign in · PSTN Console');
    await signIn(page);
    await expect(page).toHaveTitle('New trunk · PSTN Console');
    await expect(page.getByRole('heading', { name: 'New trunk', level: 1 })).toBeFocused();
    // A link inside the page (gone once followed): the focus is not dropped to the body.
    await page.locator('.breadcrumb').getByRole('link', { name: 'Trunks' }).click();
    await expect(page).toHaveTitle('Trunks · PSTN Console');
    await expect(page.getByRole('heading', { name: 'Trunks', level: 1 })).toBeFocused();
    await page.getByRole('link', { name: 'NYC-CUBE-01' }).click();
    await expect(page).toHaveTitle('Trunk NYC-CUBE-01 · PSTN Console');
    await expect(page.getByRole('heading', { name: 'NYC-CUBE-01', level: 1 })).toBeFocused();
    await page.getByRole('link', { name: 'Locations' }).click();
    await expect(page).toHaveTitle('Locations · PSTN Console');
    await expect(page.getByRole('heading', { name: 'Locations', level: 1 })).toBeFocused();
    await page.getByRole('link', { name: 'London Office' }).click();
    await expect(page).toHaveTitle('London Office: PSTN connection · PSTN Console');
    await expect(page.getByRole('heading', { name: 'London Office', level: 1 })).toBeFocused();
    await page.getByRole('link', { name: 'PSTN Console' }).click();
    await expect(page).toHaveTitle('Home · PSTN Console');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.goto('/nowhere');
    await expect(page).toHaveTitle('Page not found · PSTN Console');
    void sim;
  });

  test('a skip link is the first stop and moves the focus to the main content', async ({ page, sim }) => {
    await page.goto('/trunks');
    await signIn(page);
    await page.reload();
    await expect(page.getByText('6 trunks')).toBeVisible();
    // The first page of a visit keeps the focus at the top, where the skip link comes first.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await expect(page).toHaveURL(/\/trunks$/);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'New trunk' })).toBeFocused();
    void sim;
  });

  test('the focus ring is opaque and stands out 3:1 from the page in both schemes; the current header link is readable', async ({ page, sim }) => {
    await page.goto('/trunks');
    await signIn(page);
    const current = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trunks' });
    await expect(current).toHaveAttribute('aria-current', 'page');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.keyboard.press('Tab');
      await expect(focused(page)).toHaveCount(1);
      const { outline, background, text, soft } = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const link = document.querySelector('.main-nav a[aria-current="page"]') as HTMLElement;
        return {
          outline: getComputedStyle(el).outlineColor,
          background: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(link).color,
          soft: getComputedStyle(link).backgroundColor,
        };
      });
      expect(outline, `${colorScheme}: no transparency`).toMatch(/^rgb\(/);
      expect(contrast(outline, background), `${colorScheme}: ring on the page`).toBeGreaterThanOrEqual(3);
      expect(contrast(text, soft), `${colorScheme}: current header link`).toBeGreaterThanOrEqual(4.5);
    }
    void sim;
  });

  test('the picker: no match is said outside the list, and re-entering keeps the choice', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await signIn(page);
    const location = page.getByRole('combobox', { name: 'Location' });
    // The locations are in (typing earlier would search an empty list).
    await expect(page.getByRole('heading', { name: 'New trunk', level: 1 })).toBeVisible();
    await expect(page.getByText('Loading locations…')).toHaveCount(0);
    await location.focus();
    await page.keyboard.type('London');
    await page.keyboard.press('Enter');
    await expect(location).toHaveValue('London Office');
    const londonId = await location.getAttribute('data-value');

    // Back into it with the keyboard: the choice shows, highlighted; Enter keeps it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(location).toBeFocused();
    await expect(location).toHaveValue('London Office');
    const active = await location.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveAccessibleName('London Office');
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(location).toHaveValue('London Office');
    await expect(location).toHaveAttribute('data-value', londonId!);

    // Nothing matches: no option, no highlight, and "No match" said outside the listbox.
    await page.keyboard.type('zzzz');
    await expect(page.locator('#trunk-locationId-list [role="option"]')).toHaveCount(0);
    await expect(location).not.toHaveAttribute('aria-activedescendant', /.+/);
    await expect(location).toHaveAttribute('aria-expanded', 'false');
    await expect(location).toHaveAccessibleDescription(/No match/);
    await expect(page.getByRole('listbox')).toHaveCount(0);
    expect(await page.locator('[role="listbox"] > :not([role="option"])').count()).toBe(0);
    await expectAccessible(page, 'picker with no match');
    // Escape gives the choice back.
    await page.keyboard.press('Escape');
    await expect(location).toHaveValue('London Office');
    void sim;
  });

  test('descriptions point only at ids on the page; the maximum is described by its range', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await signIn(page);
    await page.getByRole('radio', { name: 'Certificate-based' }).check();
    await page.getByLabel('Device type').selectOption('AudioCodes Mediant SBC');
    expect(await missingIdReferences(page)).toEqual([]);
    await expect(page.getByLabel('Maximum concurrent calls')).toHaveAccessibleDescription('Between 250 and 2000 for this device type.');
    await page.getByRole('button', { name: 'Create trunk' }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Unique in your organization.*Enter/);
    expect(await missingIdReferences(page)).toEqual([]);
    void sim;
  });

  test('trunk types are radios with a short name and the advice as description', async ({ page, sim }) => {
    await page.goto('/trunks/new');
    await signIn(page);
    await expect(page.getByRole('radio', { name: 'Registering', exact: true })).toHaveAccessibleDescription(/Cisco IOS XE local gateway/);
    await expect(page.getByRole('radio', { name: 'Certificate-based', exact: true })).toHaveAccessibleDescription(/session border controller/);
    void sim;
  });

  test('trunk details: the status is beside the heading, the configuration is a focusable region, copies are announced', async ({ page, context, sim }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/trunks');
    await signIn(page);
    await page.getByRole('link', { name: 'NYC-CUBE-01' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('NYC-CUBE-01');
    await expect(page.getByTestId('trunk-status')).toBeVisible();
    const config = page.getByRole('region', { name: 'Gateway configuration' });
    await expect(config).toHaveAttribute('tabindex', '0');
    await page.getByRole('button', { name: 'Copy username' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied username' })).toHaveCount(1);
    void sim;
  });

  test('the confirmation dialog makes the page behind it inert', async ({ page, sim }) => {
    const london = await locationId(page, 'London Office');
    await page.goto(`/locations/${encodeURIComponent(london)}/pstn`);
    await signIn(page);
    await page.getByRole('radio', { name: 'Route group', exact: true }).check();
    await page.getByRole('combobox', { name: 'Route group to use' }).click();
    await page.getByRole('option', { name: /^RG-EMEA/ }).click();
    await page.locator('form').getByRole('button', { name: 'Change connection' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    // Nothing behind the dialog can take the focus.
    for (const selector of ['.app-header button', 'form input[type="radio"]', '.breadcrumb a']) {
      const took = await page.locator(selector).first().evaluate((el: HTMLElement) => {
        el.focus();
        return document.activeElement === el;
      });
      expect(took, selector).toBe(false);
    }
    await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
    void sim;
  });
});

export type { Sim };
