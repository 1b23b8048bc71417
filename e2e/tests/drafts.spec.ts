import { test, expect, signIn, waitForIdle } from './fixtures';
import { SIM } from '../playwright.config';

test('token expiry mid-form: after signing in again the form comes back filled, password empty', async ({ page, sim }) => {
  const short = 'short-lived-admin-token';
  const minted = await page.request.post(`${SIM}/_sim/tokens`, { data: { token: short, like: 'demo-admin-token' } });
  expect(minted.ok()).toBeTruthy();

  await page.goto('/trunks/new');
  await page.getByLabel('Access token').fill(short);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'New trunk' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Draft CUBE');
  await page.getByLabel('Location').click();
  await page.getByLabel('Location').fill('Toronto');
  await page.getByRole('option', { name: 'Toronto Office' }).click();
  await page.getByRole('radio', { name: /^Certificate-based/ }).check();
  await page.getByLabel('Address', { exact: true }).fill('sbc-tor1.example.com');
  await page.getByLabel('Domain', { exact: true }).fill('example.com');
  await page.getByLabel('Port', { exact: true }).fill('5061');
  await page.getByLabel('Password', { exact: true }).fill('Dr4ft!Secret');

  // Webex stops accepting the token; the next call answers 401.
  expect((await page.request.post(`${SIM}/_sim/tokens/expire`, { data: { token: short } })).ok()).toBeTruthy();
  await page.getByRole('button', { name: 'Check address' }).click();
  await expect(page.getByText('Your Webex session has ended')).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain('Dr4ft!Secret');

  await signIn(page);
  await expect(page).toHaveURL(/\/trunks\/new$/);
  await expect(page.getByText('The form holds what you typed earlier')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Draft CUBE');
  await expect(page.getByLabel('Location')).toHaveValue('Toronto Office');
  await expect(page.getByRole('radio', { name: /^Certificate-based/ })).toBeChecked();
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('sbc-tor1.example.com');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('5061');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

  // A created trunk clears the draft.
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue('example.com');
  await page.getByLabel('Device type').selectOption('Cisco Unified Border Element');
  await page.getByLabel('Maximum concurrent calls').fill('300');
  await page.getByLabel('Password', { exact: true }).fill('N3w!Secret');
  await page.getByRole('button', { name: 'Create trunk' }).click();
  await expect(page.getByRole('heading', { name: /Draft CUBE/ })).toBeVisible();
  await page.goto('/trunks/new');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.getByText('The form holds what you typed earlier')).toHaveCount(0);
  void sim;
});

test('token expiry on the PSTN page: after signing in again the choice is still there', async ({ page, sim }) => {
  const short = 'short-lived-pstn-token';
  expect((await page.request.post(`${SIM}/_sim/tokens`, { data: { token: short, like: 'demo-admin-token' } })).ok()).toBeTruthy();
  const { locations } = await (
    await page.request.get(`${SIM}/v1/telephony/config/locations?name=Toronto%20Office`, {
      headers: { Authorization: 'Bearer demo-admin-token' },
    })
  ).json();
  const toronto = locations[0].id as string;

  await page.goto(`/locations/${encodeURIComponent(toronto)}/pstn`);
  await page.getByLabel('Access token').fill(short);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('radio', { name: 'Local gateway' }).check();
  await page.getByRole('radio', { name: 'Trunk', exact: true }).check();
  const picker = page.getByRole('combobox', { name: 'Trunk to use' });
  await picker.click();
  await picker.fill('MAN-CUBE');
  await page.getByRole('option', { name: /^MAN-CUBE-01/ }).click();

  expect((await page.request.post(`${SIM}/_sim/tokens/expire`, { data: { token: short } })).ok()).toBeTruthy();
  await page.getByRole('button', { name: 'Set connection' }).click();
  await expect(page.getByText('Your Webex session has ended')).toBeVisible();

  await signIn(page);
  await expect(page.getByRole('radio', { name: 'Local gateway' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Trunk to use' })).toHaveValue('MAN-CUBE-01');
  await page.getByRole('button', { name: 'Set connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The PSTN connection is set.' })).toBeVisible();
  await waitForIdle(page);
  const puts = await sim.exchanges({ method: 'PUT', path: `/v1/telephony/pstn/locations/${toronto}/connection` });
  expect(puts.map((e) => e.status)).toEqual([401, 204]);
  expect(puts[1].request).toEqual({ premiseRouteType: 'TRUNK', premiseRouteId: expect.any(String) });
});
