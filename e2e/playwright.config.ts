import { defineConfig } from '@playwright/test';

// The release build (../dist) and the Webex simulator, both on loopback, started by Playwright.
// E2E_PORT_BASE (default 8180) moves all four ports, so two checkouts can run their suites at once;
// the build's Content-Security-Policy must allow the simulator's port (.ci/test.sh does).
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 8180);
export const SIM_PORT = PORT_BASE + 1;
export const SIM = `http://127.0.0.1:${SIM_PORT}`;
export const APP = `http://127.0.0.1:${PORT_BASE}`;
// The same app built for a sub-path (--public-url /tools/pstn/, in ../target/dist-subpath) and
// served only under it by a second simulator, whose own API (base + 11) goes unused: the app calls SIM.
export const SUBPATH_APP = `http://127.0.0.1:${PORT_BASE + 10}`;
export const SUBPATH = '/tools/pstn/';

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1, // every test resets the one simulator
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: APP,
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command:
        `echo '{"apiBase": "${SIM}/v1", "oauth": {"clientId": "pstn-console-e2e", ` +
        `"redirectUri": "${APP}/", "scopes": "spark:people_read spark-admin:telephony_config_read ` +
        'spark-admin:telephony_config_write spark-admin:telephony_pstn_read spark-admin:telephony_pstn_write ' +
        `spark-admin:locations_read"}}' > ../dist/config.json && ` +
        `../target/debug/webex-sim --seed demo --no-quirks --addr 127.0.0.1:${SIM_PORT} --oauth-auto ` +
        `--record ../target/e2e-exchanges.jsonl --serve-app ../dist --app-addr 127.0.0.1:${PORT_BASE}`,
      url: `${APP}/index.html`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        `echo '{"apiBase": "${SIM}/v1", "oauth": {"clientId": "pstn-console-e2e", ` +
        `"redirectUri": "${SUBPATH_APP}${SUBPATH}"}}' > ../target/dist-subpath/config.json && ` +
        `../target/debug/webex-sim --seed demo --addr 127.0.0.1:${PORT_BASE + 11} --oauth-auto ` +
        `--serve-app ../target/dist-subpath --app-addr 127.0.0.1:${PORT_BASE + 10} --app-base ${SUBPATH}`,
      url: `${SUBPATH_APP}${SUBPATH}index.html`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
