import { defineConfig } from '@playwright/test';

// The release build (../dist) and the Webex simulator, both on loopback, started by Playwright.
export const SIM = 'http://127.0.0.1:8181';
export const APP = 'http://127.0.0.1:8180';
// The same app built for a sub-path (--public-url /tools/pstn/, in ../target/dist-subpath) and
// served only under it by a second simulator, whose own API (8191) goes unused: the app calls SIM.
export const SUBPATH_APP = 'http://127.0.0.1:8190';
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
        'echo \'{"apiBase": "http://127.0.0.1:8181/v1", "oauth": {"clientId": "pstn-console-e2e", ' +
        '"redirectUri": "http://127.0.0.1:8180/", "scopes": "spark:people_read spark-admin:telephony_config_read ' +
        'spark-admin:telephony_config_write spark-admin:telephony_pstn_read spark-admin:telephony_pstn_write ' +
        'spark-admin:locations_read"}}\' > ../dist/config.json && ' +
        '../target/debug/webex-sim --seed demo --no-quirks --addr 127.0.0.1:8181 --oauth-auto ' +
        '--record ../target/e2e-exchanges.jsonl --serve-app ../dist --app-addr 127.0.0.1:8180',
      url: `${APP}/index.html`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        'echo \'{"apiBase": "http://127.0.0.1:8181/v1", "oauth": {"clientId": "pstn-console-e2e", ' +
        `"redirectUri": "${SUBPATH_APP}${SUBPATH}"}}\' > ../target/dist-subpath/config.json && ` +
        '../target/debug/webex-sim --seed demo --addr 127.0.0.1:8191 --oauth-auto ' +
        `--serve-app ../target/dist-subpath --app-addr 127.0.0.1:8190 --app-base ${SUBPATH}`,
      url: `${SUBPATH_APP}${SUBPATH}index.html`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
