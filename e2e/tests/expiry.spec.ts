import { test, expect, apiRequests, requestLines, signInWithShortToken, waitForIdle } from './fixtures';
import { APP, SIM } from '../playwright.config';

// The token's time left, the warning before it ends, and the end of the session. The page's clock
// is Playwright's fake one, so minutes pass in an instant.

const TOKEN_KEY = 'pstn-console.token';
const EXPIRES_KEY = 'pstn-console.token-expires';

test('the header counts down, warns under five minutes, and the session ends at zero', async ({ page, sim }) => {
  await page.clock.install();
  await page.goto('/trunks');
  await signInWithShortToken(page, 330);
  const timeLeft = page.getByTestId('token-time-left');
  const warning = page.getByRole('alert').filter({ hasText: 'Your Webex session ends' });

  await expect(timeLeft).toHaveText('Session: 5 min left');
  await expect(warning).toHaveCount(0);

  await page.clock.fastForward('01:00');
  await expect(timeLeft).toHaveText('Session: 4 min left');
  await expect(warning).toContainText('Your Webex session ends in 4 min');

  await page.clock.fastForward('04:00');
  await expect(warning).toContainText('ends in less than 1 min');
  await expect(page.getByRole('heading', { name: 'Trunks', level: 1 })).toBeVisible();

  await page.clock.fastForward('01:00');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your Webex session has ended');
  await expect(page).toHaveURL(`${APP}/trunks`);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  const stored = await page.evaluate(() => ({ ...sessionStorage }));
  expect(stored[TOKEN_KEY]).toBeUndefined();
  expect(stored[EXPIRES_KEY]).toBeUndefined();
  void sim;
});

test('a kept token whose time is up is not tried again after a reload', async ({ page, sim }) => {
  await page.goto('/locations');
  await signInWithShortToken(page, 3600);
  await expect(page.getByTestId('token-time-left')).toHaveText(/Session: 59 min left|Session: 1 h 0 min left/);
  // The tab was left alone past the token's end (the browser slept, say).
  await page.evaluate((key) => sessionStorage.setItem(key, String(Date.now() - 1000)), EXPIRES_KEY);
  await waitForIdle(page);
  const sent = apiRequests(page);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your Webex session has ended');
  await expect(page).toHaveURL(`${APP}/locations`);
  expect(requestLines(sent), 'requests after the reload').toEqual([]);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
  void sim;
});

test('a token Webex stops accepting ends the session like its time running out', async ({ page, sim }) => {
  await page.goto('/');
  const token = await signInWithShortToken(page, 3600);
  const r = await page.request.post(`${SIM}/_sim/tokens/expire`, { data: { token } });
  expect(r.ok()).toBeTruthy();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByRole('alert')).toContainText('Your Webex session has ended');
  await expect(page).toHaveURL(`${APP}/locations`);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
  expect(await page.evaluate((key) => sessionStorage.getItem(key), EXPIRES_KEY)).toBeNull();
  void sim;
});
