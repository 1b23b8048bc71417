import { test as base, expect, Page, Request } from '@playwright/test';
import { SIM } from '../playwright.config';

export const DEMO_TOKEN = 'demo-admin-token';

/** One recorded exchange of the simulator. */
export type Exchange = {
  method: string;
  path: string;
  status: number;
  request: unknown;
  response: unknown;
};

/** The simulator's control endpoint: reset, faults, and what the app sent. */
export class Sim {
  constructor(private readonly page: Page) {}

  async reset(seed = 'demo') {
    const r = await this.page.request.post(`${SIM}/_sim/reset`, { data: { seed } });
    expect(r.ok()).toBeTruthy();
  }

  async fault(f: { method: string; path: string; status?: number; count?: number; retryAfter?: number; delayMs?: number; body?: unknown }) {
    const r = await this.page.request.post(`${SIM}/_sim/faults`, { data: { count: 1, ...f } });
    expect(r.ok()).toBeTruthy();
  }

  async exchanges(filter?: { method?: string; path?: string | RegExp }): Promise<Exchange[]> {
    const r = await this.page.request.get(`${SIM}/_sim/exchanges`);
    expect(r.ok()).toBeTruthy();
    const all: Exchange[] = await r.json();
    return all.filter((e) => {
      if (filter?.method && e.method !== filter.method) return false;
      const path = e.path.split('?')[0];
      if (typeof filter?.path === 'string' && path !== filter.path) return false;
      if (filter?.path instanceof RegExp && !filter.path.test(path)) return false;
      return true;
    });
  }
}

type Fixtures = { sim: Sim; pageErrors: string[] };

/** Console messages that report a Content-Security-Policy violation. */
const CSP_VIOLATION = /Content Security Policy|Content-Security-Policy/i;

/**
 * Every page: any request that is not to 127.0.0.1 is aborted (and fails the test), and any
 * uncaught page error fails the test.
 */
export const test = base.extend<Fixtures>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    const violations: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (CSP_VIOLATION.test(m.text())) violations.push(m.text());
    });
    await use(errors);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  page: async ({ page }, use) => {
    const outside: string[] = [];
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        outside.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    await use(page);
    expect(outside, 'requests that left the machine').toEqual([]);
  },
  sim: async ({ page, pageErrors }, use) => {
    void pageErrors;
    const sim = new Sim(page);
    await sim.reset();
    await use(sim);
  },
});

export { expect };

/** Signs in by pasting a token on the current page. */
export async function signIn(page: Page, token = DEMO_TOKEN) {
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
}

/** Requests the page sends to the API (`/v1/...`), for asserting that nothing was sent. */
export function apiRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1/') && r.method() !== 'OPTIONS') seen.push(r);
  });
  return seen;
}
