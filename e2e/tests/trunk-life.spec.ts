import { test, expect, signIn, Sim, waitForIdle } from './fixtures';
import { SIM } from '../playwright.config';
import type { Page } from '@playwright/test';

const TRUNKS = '/v1/telephony/config/premisePstn/trunks';

/** Opens a trunk's details page from the list. */
async function openTrunk(page: Page, name: string) {
  await page.goto('/trunks');
  await signIn(page);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
}

async function deletes(sim: Sim) {
  return sim.exchanges({ method: 'DELETE', path: new RegExp(`^${TRUNKS}/`) });
}

test('the details page lists what uses the trunk, by name, with links', async ({ page, sim }) => {
  await openTrunk(page, 'SJC-CUBE-01');
  const used = page.getByTestId('used-by');
  await expect(used).toContainText('PSTN connection of locations: 1 location\'s PSTN connection');
  await expect(used).toContainText('Route groups: 1 route group');
  await expect(used).toContainText('Dial plans: 1 dial plan');
  await expect(used).toContainText('US Premises Dialing');
  await expect(used).toContainText('Calls to on-premises extensions');
  await expect(used.getByRole('link', { name: 'San Jose HQ' })).toHaveAttribute('href', /\/locations\/[^/]+\/pstn$/);
  await expect(used.getByRole('link', { name: 'RG-US-East' })).toHaveAttribute('href', /\/route-groups\/[^/]+$/);
  void sim;
});

test('delete is refused while the trunk is used: names, links and what to change; nothing is deleted', async ({ page, sim }) => {
  await openTrunk(page, 'SJC-CUBE-01');
  await expect(page.getByTestId('used-by')).toBeVisible();
  await page.getByRole('button', { name: 'Delete trunk' }).click();
  const blocked = page.getByTestId('delete-blocked');
  await expect(blocked).toContainText('This trunk cannot be deleted while it is in use.');
  await expect(blocked).toContainText('Give these locations another PSTN connection');
  await expect(blocked).toContainText('Remove the trunk from these route groups.');
  await expect(blocked.getByRole('link', { name: 'San Jose HQ' })).toBeVisible();
  await expect(blocked.getByRole('link', { name: 'RG-US-East' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await waitForIdle(page);
  expect(await deletes(sim)).toEqual([]);
  // The usage was read again for the delete (once on page load, once on the click).
  expect((await sim.exchanges({ method: 'GET', path: /\/usage$/ })).length).toBe(2);
  await blocked.getByRole('link', { name: 'San Jose HQ' }).click();
  await expect(page).toHaveURL(/\/locations\/[^/]+\/pstn$/);
});

test('delete an unused trunk by typing its name: one DELETE, a notice, and it is gone from the list', async ({ page, sim }) => {
  await openTrunk(page, 'MAN-CUBE-01');
  await expect(page.getByTestId('used-by-nothing')).toContainText('Nothing uses this trunk');
  await page.getByRole('button', { name: 'Delete trunk' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete trunk MAN-CUBE-01?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('of location Manchester Support');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const confirm = dialog.getByRole('button', { name: 'Delete trunk' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type MAN-CUBE-01 to confirm').fill('man-cube-01');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type MAN-CUBE-01 to confirm').fill('MAN-CUBE-01');
  await confirm.click();
  await expect(page).toHaveURL(/\/trunks$/);
  await expect(page.getByTestId('notice')).toHaveText('Trunk MAN-CUBE-01 deleted.');
  await expect(page.getByText('5 trunks')).toBeVisible();
  await expect(page.getByRole('link', { name: 'MAN-CUBE-01' })).toHaveCount(0);
  const sent = await deletes(sim);
  expect(sent.map((e) => e.status)).toEqual([204]);
  // The list is the session's kept one, with the trunk taken out: it was read once, before.
  await waitForIdle(page);
  expect(await sim.exchanges({ method: 'GET', path: TRUNKS })).toHaveLength(1);
  // The history has it, with Webex's tracking id.
  const row = await historyRow(page);
  await expect(row).toContainText('Trunk deleted');
  await expect(row).toContainText('trunk "MAN-CUBE-01" at Manchester Support');
  await expect(row).toContainText(sent[0].trackingId as string);
});

/** The newest row of the history page, opened from the header. */
async function historyRow(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  return page.locator('.history-table tbody tr').first();
}

test('Cancel and Escape close the dialog and send nothing; the page behind is inert', async ({ page, sim }) => {
  await openTrunk(page, 'MAN-CUBE-01');
  const open = page.getByRole('button', { name: 'Delete trunk' });
  await open.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  // A modal dialog: the browser makes the page behind inert.
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  await page.getByRole('link', { name: 'Back to trunks' }).click({ timeout: 1_000, trial: true }).then(
    () => { throw new Error('the page behind the dialog took a click'); },
    () => undefined,
  );
  await dialog.getByLabel('Type MAN-CUBE-01 to confirm').fill('MAN-CUBE-01');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: /MAN-CUBE-01/ })).toBeVisible();
  await waitForIdle(page);
  expect(await deletes(sim)).toEqual([]);
});

test('a 409 on delete (used meanwhile) shows Webex message and the fresh where-used list', async ({ page, sim }) => {
  await openTrunk(page, 'MAN-CUBE-01');
  await page.getByRole('button', { name: 'Delete trunk' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Type MAN-CUBE-01 to confirm').fill('MAN-CUBE-01');
  const path = new URL(page.url()).pathname.replace('/trunks/', `${TRUNKS}/`);
  await sim.fault({
    method: 'DELETE',
    path: decodeURIComponent(path),
    status: 409,
    body: { message: 'Trunk MAN-CUBE-01 is in use and cannot be deleted.', errors: [{ description: 'in use', errorCode: 27340 }], trackingId: 'ROUTER_TEST_409' },
  });
  await dialog.getByRole('button', { name: 'Delete trunk' }).click();
  await expect(dialog).toHaveCount(0);
  const error = page.getByRole('alert').filter({ hasText: 'Webex did not delete the trunk.' });
  await expect(error).toContainText('Trunk MAN-CUBE-01 is in use and cannot be deleted.');
  await expect(error).toContainText('ROUTER_TEST_409');
  await expect(page).toHaveURL(/\/trunks\/[^/]+$/);
  // The where-used list was read again after the refusal.
  await expect.poll(async () => (await sim.exchanges({ method: 'GET', path: /\/usage$/ })).length).toBe(3);
});

async function puts(sim: Sim) {
  return (await sim.exchanges({ method: 'PUT', path: new RegExp(`^${TRUNKS}/`) })).map((e) => e.request);
}

/** Opens the edit page of a trunk from its details page. */
async function openEdit(page: Page, name: string) {
  await openTrunk(page, name);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit trunk ${name}` })).toBeVisible();
}

test('edit the name and maximum calls of a certificate-based trunk: exactly those go with the password', async ({ page, sim }) => {
  await openEdit(page, 'LON-SBC-01');
  const name = page.getByLabel('Name', { exact: true });
  const calls = page.getByLabel('Maximum concurrent calls');
  await expect(name).toHaveValue('LON-SBC-01');
  await expect(calls).toHaveValue('500');
  await expect(page.getByText('Between 250 and 1000 for this device type.')).toBeVisible();
  await expect(page.getByTestId('fixed-values')).toContainText('sbc-lon1.example.com');
  await expect(page.getByText('cannot be changed through the Webex API')).toBeVisible();
  const save = page.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();
  await expect(page.getByText('Nothing to save')).toBeVisible();

  await name.fill('LON-SBC-02');
  await calls.fill('1001');
  await save.click();
  // Errors first, nothing sent: the password is needed, and 1001 is out of range.
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await expect(page.getByText("Enter the trunk's current password, or generate a new one.")).toBeVisible();
  await expect(page.getByText('Enter a whole number from 250 to 1000.')).toBeVisible();
  await waitForIdle(page);
  expect(await puts(sim)).toEqual([]);

  await page.getByLabel('Password', { exact: true }).fill('Seeded!Passw0rd');
  await calls.fill('750');
  await save.click();
  await expect(page.getByTestId('notice')).toHaveText('Trunk saved.');
  await expect(page.getByRole('heading', { level: 1, name: /LON-SBC-02/ })).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText('750');
  expect(await puts(sim)).toEqual([{ name: 'LON-SBC-02', password: 'Seeded!Passw0rd', maxConcurrentCalls: 750 }]);

  // The kept trunk list has the new name at once, without reading the list again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trunks' }).click();
  await expect(page.getByRole('link', { name: 'LON-SBC-02', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'LON-SBC-01', exact: true })).toHaveCount(0);
  await expect(page.locator('.list-status')).toContainText('Read at');
  await waitForIdle(page);
  expect(await sim.exchanges({ method: 'GET', path: TRUNKS })).toHaveLength(1);

  const row = await historyRow(page);
  await expect(row).toContainText('Trunk saved');
  await expect(row).toContainText('name "LON-SBC-01", at most 500 calls → name "LON-SBC-02", at most 750 calls');
  await expect(row.getByRole('link', { name: 'LON-SBC-02' })).toBeVisible();
  await expect(row).not.toContainText('Seeded!Passw0rd');
});

test('a new generated password alone is a valid edit; the details show it once with the configuration', async ({ page, sim }) => {
  await openEdit(page, 'MAN-CUBE-01');
  await expect(page.getByLabel('Maximum concurrent calls')).toHaveCount(0);
  await page.getByRole('button', { name: 'Generate' }).click();
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).not.toHaveValue('');
  const generated = await password.inputValue();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Trunk saved.');
  expect(await puts(sim)).toEqual([{ name: 'MAN-CUBE-01', password: generated }]);
  await expect(page.getByTestId('fresh-password')).toContainText(generated);
  await expect(page.getByTestId('gateway-config')).toContainText(`password 0 ${generated}`);
  // Shown once: gone after a reload.
  await page.reload();
  await expect(page.getByTestId('gateway-config')).toBeVisible();
  await expect(page.getByTestId('fresh-password')).toHaveCount(0);
  await expect(page.getByTestId('gateway-config')).not.toContainText(generated);
});

test('a duplicate name on edit is shown at the Name field and the input is kept', async ({ page, sim }) => {
  await openEdit(page, 'LON-SBC-01');
  await page.getByLabel('Name', { exact: true }).fill('BER-SBC-01');
  await page.getByLabel('Password', { exact: true }).fill('Seeded!Passw0rd');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.field-error', { hasText: 'already exists' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The trunk was not saved' })).toContainText('HTTP 409');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('BER-SBC-01');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('Seeded!Passw0rd');
  expect((await sim.exchanges({ method: 'PUT' })).map((e) => e.status)).toEqual([409]);
});

test('while offline the page re-reads the status every 10 s, one read at a time, until online; leaving stops it', async ({ page, sim }) => {
  await page.clock.install();
  await openTrunk(page, 'MAN-CUBE-01');
  const watch = page.getByTestId('status-watch');
  await expect(watch).toContainText('Waiting for the gateway to register… last checked');
  const detailPath = decodeURIComponent(new URL(page.url()).pathname.replace('/trunks/', `${TRUNKS}/`));
  const reads = async () => (await sim.exchanges({ method: 'GET', path: detailPath })).length;
  const before = await reads();

  // "Check now" while a slow read is under way sends nothing more.
  let inFlight = 0;
  let most = 0;
  page.on('request', (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname === detailPath) most = Math.max(most, ++inFlight);
  });
  page.on('requestfinished', (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname === detailPath) inFlight--;
  });
  await sim.fault({ method: 'GET', path: detailPath, delayMs: 1500 });
  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect(watch.getByRole('button', { name: 'Checking…' })).toBeDisabled();
  await page.clock.fastForward(10_000);
  await expect(watch.getByRole('button', { name: 'Check now' })).toBeEnabled();
  expect(most).toBe(1);

  // The gateway registers; the next 10-second check finds it online and the checks stop.
  const r = await page.request.post(`${SIM}/_sim/trunks/status`, { data: { name: 'MAN-CUBE-01', status: 'ONLINE' } });
  expect(r.status()).toBe(204);
  await page.clock.fastForward(10_000);
  await expect(watch).toContainText('The gateway is connected: the trunk is online.');
  await expect(page.getByTestId('trunk-status')).toHaveText('Online');
  const online = await reads();
  expect(online).toBeGreaterThan(before);
  await page.clock.fastForward(30_000);
  await expect(watch).toContainText('the trunk is online');
  // Idle first: the edit page's own read is then the only one more.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('MAN-CUBE-01');
  expect(await reads()).toBe(online + 1);
});

test('polling stops when the admin leaves the page', async ({ page, sim }) => {
  await page.clock.install();
  await openTrunk(page, 'MAN-CUBE-01');
  await expect(page.getByTestId('status-watch')).toContainText('Waiting for the gateway to register');
  const detailPath = decodeURIComponent(new URL(page.url()).pathname.replace('/trunks/', `${TRUNKS}/`));
  const reads = async () => (await sim.exchanges({ method: 'GET', path: detailPath })).length;
  const loaded = await reads();
  await page.clock.fastForward(10_000);
  await expect.poll(reads).toBe(loaded + 1);
  await page.getByRole('link', { name: 'Back to trunks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trunks' })).toBeVisible();
  // The list reads every row's details once (device types); then nothing more for this trunk.
  await expect(page.getByRole('row', { name: /MAN-CUBE-01/ })).toContainText('Cisco Unified Border Element');
  const afterLeaving = await reads();
  await page.clock.fastForward(60_000);
  // Idle first: open a page that reads other things, and count once it has shown them.
  await page.getByRole('link', { name: 'New trunk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New trunk' })).toBeVisible();
  await expect(page.getByLabel('Device type')).toBeVisible();
  await expect(page.getByText('Loading locations…')).toHaveCount(0);
  expect(await reads()).toBe(afterLeaving);
});
