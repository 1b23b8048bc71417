import { test, expect, waitForIdle } from './fixtures';

test('a partner admin switches organization: the trunk list shows its trunks and calls carry orgId', async ({ page, sim }) => {
  await page.goto('/trunks');
  await page.getByLabel('Access token').fill('partner-admin-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Northwind Partners');
  const org = page.getByLabel('Organization');
  await expect(org).toBeVisible();

  await org.selectOption({ label: 'Globex Retail' });
  await expect(page.getByTestId('signed-in-as')).toContainText('Acting on Globex Retail');
  await expect(page.getByRole('link', { name: 'DEN-CUBE-01' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'DUB-SBC-01' })).toBeVisible();
  await expect(page.getByText('2 trunks')).toBeVisible();

  await waitForIdle(page);
  const lists = await sim.exchanges({ method: 'GET', path: '/v1/telephony/config/premisePstn/trunks' });
  const globexId = new URL(`http://x${lists[lists.length - 1].path}`).searchParams.get('orgId');
  expect(globexId).toBeTruthy();

  // The other customer's trunks replace Globex's: nothing of the old organization stays.
  await org.selectOption({ label: 'Acme Telecom Demo' });
  await expect(page.getByRole('link', { name: 'SJC-CUBE-01' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'DEN-CUBE-01' })).toHaveCount(0);
  await waitForIdle(page);
  const after = await sim.exchanges({ method: 'GET', path: '/v1/telephony/config/premisePstn/trunks' });
  const acmeId = new URL(`http://x${after[after.length - 1].path}`).searchParams.get('orgId');
  expect(acmeId).toBeTruthy();
  expect(acmeId).not.toBe(globexId);
  // Every telephony call after the first switch carried an orgId.
  await waitForIdle(page);
  const telephony = (await sim.exchanges()).filter((e) => e.path.startsWith('/v1/telephony'));
  expect(telephony.length).toBeGreaterThan(0);
  const switched = telephony.slice(telephony.findIndex((e) => e.path.includes('orgId=')));
  for (const e of switched) expect(e.path).toContain('orgId=');
});
