import { test, expect, signIn, waitForIdle, DEMO_TOKEN } from './fixtures';
import type { Page, Request } from '@playwright/test';

// Two apps (index.html, src/handoff.rs): a tab that is not signed in loads the sign-in app
// first; the console follows once the form shows, and takes over after the sign-in.

/** The wasm files the page asks for from now on, by app ("sign-in", "console"). */
function wasmAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r: Request) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    const app = /^pstn-(sign-in|console)-[0-9a-f]+_bg\.wasm$/.exec(name);
    if (app) asked.push(app[1]);
  });
  return asked;
}

test('a tab not signed in starts with the sign-in app, and signing in hands over to the console once', async ({ page, sim }) => {
  const asked = wasmAsked(page);
  await page.goto('/route-groups');
  await expect(page.getByLabel('Access token')).toBeEditable();
  expect(asked[0]).toBe('sign-in');
  await signIn(page);
  // The page the admin came to, with the focus on its heading, and one page only.
  const heading = page.getByRole('heading', { name: 'Route groups', level: 1 });
  await expect(heading).toBeFocused();
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByLabel('Access token')).toHaveCount(0);
  expect(asked).toEqual(['sign-in', 'console']);
  // The console starts with the admin the sign-in read: Webex is asked once.
  await waitForIdle(page);
  expect(await sim.exchanges({ method: 'GET', path: '/v1/people/me' })).toHaveLength(1);
  expect(await page.evaluate(() => sessionStorage.getItem('pstn-console.token'))).toBe(DEMO_TOKEN);
  // The console's own links work (its router is the only one on the page).
  await page.getByRole('link', { name: 'Trunks', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Trunks', level: 1 })).toBeFocused();
});

test('a signed-in tab loads the console alone', async ({ page, sim }) => {
  await page.goto('/');
  await signIn(page);
  const asked = wasmAsked(page);
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await waitForIdle(page);
  expect(asked).toEqual(['console']);
  // Signed out, the console shows its own sign-in form, which signs in again in place.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page);
  await expect(page.getByRole('heading', { name: /Welcome, Dana Admin/ })).toBeFocused();
  expect(asked).toEqual(['console']);
  void sim;
});

test('when the console cannot be loaded after signing in, the page says so and a reload goes on signed in', async ({ page, sim }) => {
  await page.route(/pstn-console-[0-9a-f]+_bg\.wasm$/, (route) => route.abort('connectionreset'));
  await page.goto('/');
  await page.getByLabel('Access token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('You are signed in, but PSTN Console could not be loaded');
  await expect(page.getByRole('alert')).toContainText('reload the page: you stay signed in');
  await page.unroute(/pstn-console-[0-9a-f]+_bg\.wasm$/);
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  await expect(page.getByRole('heading', { name: /Welcome, Dana Admin/ })).toBeVisible();
  void sim;
});

test('a token check that Webex asks to slow down says so in the sign-in app, and goes on', async ({ page, sim }) => {
  await page.goto('/');
  await sim.fault({ method: 'GET', path: '/v1/people/me', status: 429, retryAfter: 1 });
  await page.getByLabel('Access token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Webex asked the console to slow down')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin', { timeout: 15_000 });
  await expect(page.getByText('Webex asked the console to slow down')).toHaveCount(0);
});
