// Start time: from navigation to a usable sign-in field (an enabled <input>), in headless
// Chromium over an emulated 10 Mbit/s link with 40 ms round trips, files served
// brotli-compressed (quality 11) from memory. A benchmark, not a test. Also the bytes the
// browser fetched before that moment (the first load as it happened, compressed), and, for an
// app that asks for more after it (the console's sign-in asks for the console), when all of it
// was in.
//
//   node bench/start-time.mjs NAME=DIR [NAME=DIR ...]    (median of RUNS, default 9, each cold)
import { chromium } from '@playwright/test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RUNS = Number(process.env.RUNS ?? 9);
const LINK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** Serves `dir` with every file brotli-compressed; index.html for paths without a file. */
function serve(dir) {
  const files = new Map();
  for (const name of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, name);
    if (!fs.statSync(full).isFile()) continue;
    const body = zlib.brotliCompressSync(fs.readFileSync(full), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    files.set('/' + name.split(path.sep).join('/'), { body, type: TYPES[path.extname(name)] ?? 'application/octet-stream' });
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = files.get(url.pathname);
    if (!file && !path.extname(url.pathname)) file = files.get('/index.html');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'content-encoding': 'br', 'cache-control': 'no-store' });
    res.end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function once(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Requests in flight, to know when the page has fetched all it asks for by itself.
  const inFlight = new Map();
  let lastChange = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => { inFlight.set(e.requestId, e.request.url); lastChange = Date.now(); });
  for (const done of ['Network.loadingFinished', 'Network.loadingFailed']) {
    cdp.on(done, (e) => { inFlight.delete(e.requestId); lastChange = Date.now(); });
  }
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', LINK);
  await page.addInitScript(() => {
    const check = () => {
      const input = document.querySelector('input:not([disabled])');
      if (input && input.isConnected && window.__ready === undefined) window.__ready = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  await page.goto(origin + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000, polling: 50 });
  const ms = await page.evaluate(() => window.__ready);
  // Bytes as they crossed the wire (brotli bodies) of what had arrived by then.
  const bytesBefore = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => (e.entryType === 'navigation' || e.entryType === 'resource') && e.responseEnd <= window.__ready)
      .reduce((sum, e) => sum + e.encodedBodySize, 0),
  );
  // What the page went on to fetch by itself, once the network is quiet (nothing for 500 ms).
  const deadline = Date.now() + 30_000;
  while (inFlight.size > 0 || Date.now() - lastChange < 500) {
    if (Date.now() > deadline) throw new Error(`still in flight after 30 s: ${[...inFlight.values()].join(' ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const after = await page.evaluate(() => {
    const later = performance.getEntriesByType('resource').filter((e) => e.responseEnd > window.__ready);
    return { bytes: later.reduce((sum, e) => sum + e.encodedBodySize, 0), end: Math.max(0, ...later.map((e) => e.responseEnd)) };
  });
  await context.close();
  return { ms, bytesBefore, after };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const apps = process.argv.slice(2).map((arg) => {
  const [name, dir] = arg.split('=');
  return { name, dir };
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-quic'],
});
const servers = await Promise.all(apps.map((a) => serve(a.dir)));
const times = apps.map(() => []);
// Interleaved, so a busy moment of the machine falls on every app alike.
for (let run = 0; run < RUNS; run += 1) {
  for (const [i, server] of servers.entries()) {
    times[i].push(await once(browser, `http://127.0.0.1:${server.address().port}`));
  }
}
await browser.close();
servers.forEach((s) => s.close());
const medians = times.map((runs) => median(runs.map((r) => r.ms)));
for (const [i, app] of apps.entries()) {
  const runs = times[i];
  console.log(`start time to a usable sign-in field, ${app.name}: ${Math.round(medians[i])} ms (median of ${RUNS}; runs ${runs.map((r) => Math.round(r.ms)).join(' ')})`);
  console.log(`  fetched before it was usable, ${app.name}: ${median(runs.map((r) => r.bytesBefore))} bytes (compressed bodies)`);
  const later = median(runs.map((r) => r.after.bytes));
  if (later > 0) {
    console.log(`  asked for after it, ${app.name}: ${later} bytes, all in at ${Math.round(median(runs.map((r) => r.after.end)))} ms`);
  }
}
if (apps.length > 1) console.log(`start time ratio ${apps[0].name}/${apps[1].name}: ${(medians[0] / medians[1]).toFixed(2)}`);
