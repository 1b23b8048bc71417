import { test, expect, signIn, Sim } from './fixtures';
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
  expect((await deletes(sim)).map((e) => e.status)).toEqual([204]);
});

test('Cancel and Escape close the dialog and send nothing; the page behind is inert', async ({ page, sim }) => {
  await openTrunk(page, 'MAN-CUBE-01');
  const open = page.getByRole('button', { name: 'Delete trunk' });
  await open.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  // A modal dialog: the page behind takes no clicks.
  await expect(page.getByRole('link', { name: 'Back to trunks' })).toHaveCount(0);
  await dialog.getByLabel('Type MAN-CUBE-01 to confirm').fill('MAN-CUBE-01');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: /MAN-CUBE-01/ })).toBeVisible();
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
