// Keystroke cost at 10,000 rows: the `/locations` search and the trunk form's location picker
// with the simulator's large organization, in headless Chromium. Each keystroke is timed from its
// input event to the end of its work and layout: a timer queued when the event starts runs once
// the page's handler and the effects it wakes are done (and after a frame, when the browser
// renders one first), and there reads the layout. The locations table takes the rows of the
// places in view within that, and those of the others after the frame (src/view_first.rs), so
// each keystroke is also timed until every place on the page has its row. A benchmark, not a test.
//
// Words are typed one key at a time (60 ms apart) and each is then cleared at once, as an admin
// does (all of it selected, then Delete 60 ms later); a clear, which brings back all 10,000, is
// the costliest keystroke. The page's Content-Security-Policy names only Webex, so the browser is
// told to let it reach the simulator.
//
//   node bench/keystrokes.mjs DIST SIM_BINARY      (ROUNDS passes, default 3)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [dist, sim] = process.argv.slice(2);
if (!dist || !sim) throw new Error('usage: node bench/keystrokes.mjs DIST SIM_BINARY');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WORDS = ['site 0012', 'hamburg', 'site 09', 'berlin 1', 'site 00043'];
const API = '127.0.0.1:18581';
const APP = '127.0.0.1:18580';

// A copy of the build, pointed at the simulator (the build itself keeps no config.json).
const app = fs.mkdtempSync(path.join(os.tmpdir(), 'pstn-keys-'));
fs.cpSync(dist, app, { recursive: true });
fs.writeFileSync(path.join(app, 'config.json'), JSON.stringify({ apiBase: `http://${API}/v1` }));
const server = spawn(sim, ['--seed', 'large', '--addr', API, '--serve-app', app, '--app-addr', APP, '--app-base', '/'], { stdio: 'ignore' });
const stop = () => { server.kill(); fs.rmSync(app, { recursive: true, force: true }); };

/** Times every input event of the field at `selector` while `words` are typed and cleared. */
async function measure(page, selector) {
  await page.evaluate((sel) => {
    window.benchTimes = [];
    const field = document.querySelector(sel);
    field.addEventListener('input', () => {
      const start = performance.now();
      setTimeout(() => {
        void document.body.offsetHeight;
        const ms = performance.now() - start;
        const entry = { clear: field.value === '', ms, all: ms };
        window.benchTimes.push(entry);
        // The places out of view take their rows after the frame, the table body busy meanwhile:
        // `all` is until every place has its row.
        const busy = document.querySelector('[aria-busy="true"]');
        if (!busy) return;
        const watch = new MutationObserver(() => {
          if (busy.getAttribute('aria-busy') === 'true') return;
          watch.disconnect();
          void document.body.offsetHeight;
          entry.all = performance.now() - start;
        });
        watch.observe(busy, { attributes: true, attributeFilter: ['aria-busy'] });
      }, 0);
    }, { capture: true });
  }, selector);
  const field = page.locator(selector);
  for (const word of WORDS) {
    await field.click();
    // Cleared as an admin clears it: all of it selected, then Delete a moment later. Playwright's
    // fill('') selects and deletes within a millisecond, so the clear came right after the frame
    // that drew the selection and always waited for the next frame, up to 16.7 ms doing nothing.
    await field.press('Control+A');
    await page.waitForTimeout(60);
    await field.press('Delete');
    await field.pressSequentially(word, { delay: 60 });
    await page.waitForTimeout(400);
  }
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => {});
  return page.evaluate(() => window.benchTimes);
}

/** The `q` quantile (0.5 the median, 1 the max) of the times that `keep` keeps, in ms. */
function quantile(times, q, keep = () => true, field = 'ms') {
  const ms = times.filter(keep).map((t) => t[field]).sort((a, b) => a - b);
  return ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
}

function summary(times) {
  return `${times.length} keystrokes: median ${quantile(times, 0.5)} ms, p95 ${quantile(times, 0.95)} ms,` +
    ` max ${quantile(times, 1)} ms (typed keys p95 ${quantile(times, 0.95, (t) => !t.clear)} ms;` +
    ` clears median ${quantile(times, 0.5, (t) => t.clear)} ms);` +
    ` every row of the page in: median ${quantile(times, 0.5, undefined, 'all')} ms,` +
    ` p95 ${quantile(times, 0.95, undefined, 'all')} ms`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const search = [];
  const picker = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ bypassCSP: true });
    for (let tries = 0; ; tries++) {
      try {
        await page.goto(`http://${APP}/locations`);
        break;
      } catch (e) {
        if (tries > 50) throw e;
        await new Promise((r) => setTimeout(r, 200)); // the simulator is starting
      }
    }
    await page.getByLabel('Access token').fill('demo-admin-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/^10,000 locations/).first().waitFor({ timeout: 120_000 });
    // Idle first: the countries read and the first rows' connections in.
    await page.locator('#location-country:enabled').waitFor({ timeout: 120_000 });
    await page.locator('.location-table').getByText('Loading…').first().waitFor({ state: 'detached', timeout: 120_000 });
    search.push(...await measure(page, 'input[type=search]'));
    await page.getByRole('link', { name: 'Trunks' }).first().click();
    await page.getByRole('link', { name: /new trunk/i }).first().click();
    await page.getByLabel('Location').waitFor();
    await page.getByText('Loading locations…').waitFor({ state: 'detached', timeout: 120_000 });
    picker.push(...await measure(page, '#trunk-locationId'));
    await page.close();
  }
  console.log(`keystrokes at 10,000 locations (${ROUNDS} passes of ${WORDS.length} words, each typed and cleared):`);
  console.log(`  /locations search:         ${summary(search)}`);
  console.log(`  trunk form location picker: ${summary(picker)}`);
} finally {
  await browser.close();
  stop();
}
