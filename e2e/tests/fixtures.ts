import { test as base, expect, Page, Request, Route } from '@playwright/test';
import { APP, SIM, SUBPATH_APP } from '../playwright.config';
import { expectAccessible } from './a11y';

export const DEMO_TOKEN = 'demo-admin-token';

/** One recorded exchange of the simulator. */
export type Exchange = {
  method: string;
  path: string;
  status: number;
  request: unknown;
  response: unknown;
  trackingId: string;
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

  /** Every `/v1` answer (preflights too) waits `ms` from now until the next reset. */
  async latency(ms: number) {
    const r = await this.page.request.post(`${SIM}/_sim/latency`, { data: { ms } });
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

type Fixtures = { sim: Sim; pageErrors: string[]; accessibleAtEnd: void };

/** Console messages that report a Content-Security-Policy violation. */
const CSP_VIOLATION = /Content Security Policy|Content-Security-Policy/i;

/**
 * Every page: any request that is not to 127.0.0.1 is aborted (and fails the test), and any
 * uncaught page error fails the test. The state a passing test ends in is checked with axe in
 * both colour schemes ([expectAccessible]); a test that ends elsewhere by design says so with
 * `test.info().annotations.push({ type: 'a11y', description: 'why not' })`.
 */
export const test = base.extend<Fixtures>({
  // Automatic: every test fails on an uncaught page error (a Rust panic shows as
  // `RuntimeError: unreachable`), whether or not it uses `sim`.
  pageErrors: [
    async ({ page }, use) => {
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
    { auto: true },
  ],
  page: async ({ page }, use) => {
    trackApiRequests(page);
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
  accessibleAtEnd: [
    async ({ page }, use, testInfo) => {
      await use();
      const ours = (url: string) => url.startsWith(`${APP}/`) || url.startsWith(`${SUBPATH_APP}/`);
      if (testInfo.status !== testInfo.expectedStatus || page.isClosed() || !ours(page.url())) return;
      if (testInfo.annotations.some((a) => a.type === 'a11y')) return;
      // What is still loading is not the state the test reached.
      await waitForIdle(page, 5_000).catch(() => {});
      await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0, { timeout: 5_000 }).catch(() => {});
      await expectAccessible(page, `the end of "${testInfo.title}"`);
    },
    { auto: true },
  ],
  sim: async ({ page, pageErrors }, use) => {
    void pageErrors;
    const sim = new Sim(page);
    await sim.reset();
    await use(sim);
  },
});

export { expect };
export { expectAccessible, focusRing, missingIdReferences } from './a11y';

/**
 * Signs in with Webex with a token minted in the simulator that lives `seconds`: Webex's
 * authorize answer is stood in for, so that `expires_in` says the same.
 */
export async function signInWithShortToken(page: Page, seconds: number) {
  const token = `sim_short_${seconds}`;
  const minted = await page.request.post(`${SIM}/_sim/tokens`, { data: { token, expiresIn: seconds } });
  expect(minted.ok()).toBeTruthy();
  await page.route(`${SIM}/v1/authorize**`, (route) => {
    const state = new URL(route.request().url()).searchParams.get('state') ?? '';
    const answer = new URLSearchParams({ access_token: token, expires_in: String(seconds), token_type: 'Bearer', state });
    return route.fulfill({ status: 302, headers: { location: `${APP}/#${answer}` } });
  });
  await page.getByRole('link', { name: 'Sign in with Webex' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
  return token;
}

/** Signs in by pasting a token on the current page. */
export async function signIn(page: Page, token = DEMO_TOKEN) {
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Dana Admin');
}

/**
 * Requests the page sends to the API (`/v1/...`) from now on, for asserting what was sent (or that
 * nothing was). Call `await waitForIdle(page)` first, so that the previous step's requests are
 * not counted.
 */
export function apiRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (isApiRequest(r)) seen.push(r);
  });
  return seen;
}

/** Requests as "METHOD /path": what an assertion on them prints when it fails. */
export function requestLines(requests: Request[]): string[] {
  return requests.map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
}

/** Whether a request is one of the console's calls to the API (not a CORS preflight). */
function isApiRequest(r: Request): boolean {
  return new URL(r.url()).pathname.startsWith('/v1/') && r.method() !== 'OPTIONS';
}

/** The API requests of each page that have started and not yet ended. */
const inFlight = new WeakMap<Page, Set<Request>>();

/** Starts following the page's API requests in flight (the `page` fixture does it for every test). */
function trackApiRequests(page: Page): Set<Request> {
  let pending = inFlight.get(page);
  if (pending) return pending;
  const set = new Set<Request>();
  inFlight.set(page, set);
  page.on('request', (r) => {
    if (isApiRequest(r)) set.add(r);
  });
  const done = (r: Request) => set.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('close', () => set.clear());
  pending = set;
  return pending;
}

/**
 * One turn of the page's event loop (a message-channel task: Playwright's fake clock does not stop
 * it), then whether the page still shows something it is about to read: a location row whose
 * connection says "Loading…" (rows read theirs once they have stayed on screen a moment), or an
 * element that is `aria-busy` (the location table's rows that take their location a frame later).
 * `null` when a navigation is under way.
 */
async function pageTask(page: Page): Promise<{ busy: boolean } | null> {
  return page
    .evaluate(
      () =>
        new Promise<{ busy: boolean }>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const loading = document.evaluate('//*[text()="Loading…"]', document, null, XPathResult.BOOLEAN_TYPE);
            resolve({ busy: loading.booleanValue || document.querySelector('[aria-busy="true"]') !== null });
          };
          channel.port2.postMessage(null);
        }),
    )
    .catch(() => null); // a navigation under way: the next round checks again
}

/** The first request matching `url` is answered by `handle`; later ones go through. */
export async function routeOnce(page: Page, url: (url: URL) => boolean, handle: (route: Route) => Promise<void>) {
  let once = true;
  await page.route(url, (route) => {
    if (!once) return route.continue();
    once = false;
    return handle(route);
  });
}

/**
 * Waits until the page is idle: no request to the API (`/v1/...`) is in flight, the page shows
 * nothing it is about to read (a row's "Loading…", an `aria-busy` table), and no request starts
 * over three turns of the page's event loop after the last one ended (a loader that starts the
 * next read when one ends is not idle between them).
 *
 * Call it before counting requests (`apiRequests`, `sim.exchanges`) or asserting that nothing was
 * sent: on a busy machine the previous page's reads can still be on their way when the test
 * moves on, and would be counted for the step under test. It waits on the requests, never on a
 * fixed time; it fails after `timeout` ms if the page never settles.
 *
 *     await waitForIdle(page);
 *     const sent = apiRequests(page);
 *     await page.reload();
 */
export async function waitForIdle(page: Page, timeout = 20_000) {
  const pending = trackApiRequests(page);
  const deadline = Date.now() + timeout;
  let quiet = 0;
  let busy = false;
  while (quiet < 3) {
    if (Date.now() > deadline) {
      const urls = requestLines([...pending]);
      const still = busy ? '; the page still shows "Loading…" or aria-busy' : '';
      throw new Error(`the page did not become idle in ${timeout} ms; in flight: ${urls.join(', ')}${still}`);
    }
    const turn = pending.size === 0 ? await pageTask(page) : null;
    busy = turn?.busy ?? false;
    if (pending.size > 0 || busy) {
      quiet = 0;
      await new Promise((resolve) => setTimeout(resolve, 25));
      continue;
    }
    quiet = turn ? quiet + 1 : 0;
  }
}
