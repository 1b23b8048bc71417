import type { Page } from '@playwright/test';
import { test, expect, signIn, signInWithShortToken, waitForIdle, DEMO_TOKEN } from './fixtures';
import { SIM } from '../playwright.config';

// Nothing of one account (admin + organization) reaches another: drafts, kept selections and
// lists are dropped on sign-out and on a switch of organization, and restored only to the same
// admin on the same organization. A session that ends while a picker has the focus throws nothing.

const PARTNER_TOKEN = 'partner-admin-token';
const ORG_KEY = 'pstn-console.acting-org';

/** What the console keeps in sessionStorage that belongs to an account. */
async function accountData(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(sessionStorage).filter((k) => k.startsWith('pstn-console.draft.') || k.startsWith('pstn-console.kept.')),
  );
}

async function typeTrunkDraft(page: Page, name: string) {
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await expect.poll(() => accountData(page)).toEqual(['pstn-console.draft.trunk-new']);
}

async function signInAsPartner(page: Page) {
  await page.getByLabel('Access token').fill(PARTNER_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Pat Partner');
}

test('a draft is not offered to the next admin after a sign-out', async ({ page, sim }) => {
  await page.goto('/trunks/new');
  await signIn(page);
  await typeTrunkDraft(page, 'Admin A CUBE');
  // Kept data of any kind goes with the sign-out, not only the trunk draft.
  await page.evaluate(() => sessionStorage.setItem('pstn-console.kept.selection', '["L1"]'));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await accountData(page)).toEqual([]);

  await page.goto('/trunks/new');
  await signInAsPartner(page);
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.getByText('The form holds what you typed earlier')).toHaveCount(0);
  void sim;
});

test('after a session ends, only the same admin gets the draft back', async ({ page, sim }) => {
  const short = 'account-short-token';
  expect((await page.request.post(`${SIM}/_sim/tokens`, { data: { token: short } })).ok()).toBeTruthy();
  await page.goto('/trunks/new');
  await signIn(page, short);
  await typeTrunkDraft(page, 'Expired A CUBE');
  expect((await page.request.post(`${SIM}/_sim/tokens/expire`, { data: { token: short } })).ok()).toBeTruthy();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trunks' }).click();
  await expect(page.getByText('Your Webex session has ended')).toBeVisible();

  // Another admin signs in in the same tab: the draft is not theirs.
  await signInAsPartner(page);
  await page.goto('/trunks/new');
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  expect(await accountData(page)).toEqual([]);
  void sim;
});

test('switching organization drops the draft of the one left', async ({ page, sim }) => {
  await page.goto('/trunks/new');
  await signInAsPartner(page);
  await typeTrunkDraft(page, 'Northwind draft');
  await page.getByLabel('Organization').selectOption({ label: 'Globex Retail' });
  await expect(page.getByTestId('signed-in-as')).toContainText('Acting on Globex Retail');
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.getByText('The form holds what you typed earlier')).toHaveCount(0);

  // A draft for Globex comes back over a reload: same admin, same organization.
  await typeTrunkDraft(page, 'Globex draft');
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Acting on Globex Retail');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Globex draft');

  // Going back to the partner's own organization drops it.
  await page.getByLabel('Organization').selectOption({ label: 'Northwind Partners (your organization)' });
  await expect(page.getByTestId('signed-in-as')).not.toContainText('Acting on');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  void sim;
});

test('a partner admin keeps the chosen organization over a reload', async ({ page, sim }) => {
  await page.goto('/trunks');
  await signInAsPartner(page);
  await page.getByLabel('Organization').selectOption({ label: 'Globex Retail' });
  await expect(page.getByRole('link', { name: 'DEN-CUBE-01' })).toBeVisible();
  const globex = await page.evaluate((key) => sessionStorage.getItem(key), ORG_KEY);
  expect(globex).toBeTruthy();

  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Acting on Globex Retail');
  await expect(page.getByLabel('Organization')).toHaveValue(globex!);
  await expect(page.getByRole('link', { name: 'DEN-CUBE-01' })).toBeVisible();
  await waitForIdle(page);
  const lists = await sim.exchanges({ method: 'GET', path: '/v1/telephony/config/premisePstn/trunks' });
  expect(new URL(`http://x${lists[lists.length - 1].path}`).searchParams.get('orgId')).toBe(globex);

  // An organization the admin may no longer act on is not used: the admin's own instead.
  await page.evaluate((key) => sessionStorage.setItem(key, 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9ub3BlCg'), ORG_KEY);
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Pat Partner');
  await expect(page.getByTestId('signed-in-as')).not.toContainText('Acting on');
  await expect(page.getByRole('link', { name: 'DEN-CUBE-01' })).toHaveCount(0);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), ORG_KEY)).toBeNull();
});

test('the session ends while the trunk form\'s location picker has the focus: no error', async ({ page, pageErrors }) => {
  await page.clock.install();
  await page.goto('/trunks/new');
  await signInWithShortToken(page, 120);
  const picker = page.getByRole('combobox', { name: 'Location' });
  await picker.click();
  await picker.fill('Tor');
  await expect(picker).toBeFocused();
  await page.clock.fastForward('03:00');
  await expect(page.getByRole('alert')).toContainText('Your Webex session has ended');
  expect(pageErrors).toEqual([]);
});

test('the session ends while the PSTN page\'s route picker has the focus: no error', async ({ page, pageErrors }) => {
  const r = await page.request.get(`${SIM}/v1/telephony/config/locations?name=Toronto%20Office`, {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
  });
  const toronto = (await r.json()).locations[0].id as string;
  await page.clock.install();
  await page.goto(`/locations/${encodeURIComponent(toronto)}/pstn`);
  await signInWithShortToken(page, 120);
  await page.getByRole('radio', { name: 'Local gateway' }).check();
  await page.getByRole('radio', { name: 'Trunk', exact: true }).check();
  const picker = page.getByRole('combobox', { name: 'Trunk to use' });
  await picker.click();
  await expect(picker).toBeFocused();
  await page.clock.fastForward('03:00');
  await expect(page.getByRole('alert')).toContainText('Your Webex session has ended');
  expect(pageErrors).toEqual([]);
});

test('the organization is switched while the picker has the focus: no error', async ({ page, pageErrors }) => {
  await page.goto('/trunks/new');
  await signInAsPartner(page);
  const picker = page.getByRole('combobox', { name: 'Location' });
  await picker.click();
  await expect(picker).toBeFocused();
  // The switch happens with the focus still in the picker (as a keyboard shortcut or script would).
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('#acting-org')!;
    const other = [...select.options].find((o) => o.text === 'Globex Retail')!;
    select.value = other.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('signed-in-as')).toContainText('Acting on Globex Retail');
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('the session ends while the route group form\'s trunk picker has the focus: no error', async ({ page, pageErrors }) => {
  await page.clock.install();
  await page.goto('/route-groups/new');
  await signInWithShortToken(page, 120);
  const picker = page.getByRole('group', { name: 'Trunk 1', exact: true }).getByRole('combobox', { name: 'Trunk' });
  await picker.click();
  await expect(picker).toBeFocused();
  await page.clock.fastForward('03:00');
  await expect(page.getByRole('alert')).toContainText('Your Webex session has ended');
  expect(pageErrors).toEqual([]);
});
