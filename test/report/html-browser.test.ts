import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { Verdict } from '../../lib/assessment/types';
import { renderHtml } from '../../lib/report/html';
import { findRule } from '../../lib/rules';
import { assessPlan } from '../../lib/rules';
import { parsePlan } from '../../lib/plan';
import { ReportSource } from '../../lib/report/source';
import { RULE_IDS } from '../../lib/rules';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { exampleSource, FIXED_NOW, HOSTILE_TEXT, hostileSource } from './report-fixtures';

/** 1,000 VMs, every hundredth with an unsupported RHEL release (not ready). */
function largeSource(): ReportSource {
  const vms = Array.from({ length: 1000 }, (_, i) => {
    const vm = readyLinuxVm(`lnx-${String(i).padStart(4, '0')}`);
    vm.source = { vmPath: `/DC1/vm/${vm.name}`, vmId: `vm-${i}` };
    if (i % 100 === 0) {
      vm.os.version = '7.4';
    }
    return vm;
  });
  const loaded = parsePlan(JSON.stringify(planOf(vms, { acknowledge: [{ rule: 'SMS-JOB4', reason: 'quota raised' }] })), 'large.json',
    { ruleIds: new Set(RULE_IDS) });
  return { file: loaded.file, assessment: assessPlan(loaded.plan, { now: FIXED_NOW }) };
}

/**
 * The HTML report as a person sees it: opened from a file in Debian's Chromium, with and without
 * JavaScript, on screen and in print. CI installs Chromium (`.ci/run`); elsewhere the suite is skipped
 * when it is missing, and the jest summary says why: a skipped test is named "skipped: chromium not
 * installed" (nothing is printed on the console).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const SCREENSHOTS = path.join(__dirname, '__screenshots__');
const NOT_FOUND = `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`;

// In CI a missing browser must fail (beforeAll throws), never pass silently as a skip.
const SKIPPED = !HAVE_CHROMIUM && !process.env.CI;
const suite = SKIPPED ? describe.skip : describe;
// The reason is a test of its own, listed as skipped (a file whose every test is skipped is not listed at all).
test('runs in Chromium, or skips outside CI only', () => {
  expect(HAVE_CHROMIUM || !process.env.CI).toBe(true);
});
if (SKIPPED) {
  test.skip(`skipped: chromium not installed (${NOT_FOUND})`, () => undefined);
}

jest.setTimeout(60_000);

/** Width and height from a PNG's IHDR chunk, which always follows the 8-byte signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

suite(SKIPPED ? 'HTML report in Chromium (skipped: chromium not installed)' : 'HTML report in Chromium', () => {
  const example = exampleSource();
  const notReady = example.assessment.vms.filter((v) => v.verdict === Verdict.NOT_READY).map((v) => v.name);
  let browser: Browser;
  let dir: string;
  let exampleUrl: string;
  let hostileUrl: string;
  let largeUrl: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(NOT_FOUND);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms-html-'));
    const write = (name: string, text: string): string => {
      fs.writeFileSync(path.join(dir, name), text);
      return pathToFileURL(path.join(dir, name)).href;
    };
    exampleUrl = write('example.html', renderHtml([example], { generatedAt: FIXED_NOW }));
    hostileUrl = write('hostile.html', renderHtml([hostileSource()], { generatedAt: FIXED_NOW }));
    largeUrl = write('large.html', renderHtml([largeSource()], { generatedAt: FIXED_NOW }));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function open(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  const rows = (page: Page) => page.locator('tbody.vm');
  const visibleNames = async (page: Page): Promise<string[]> => rows(page).filter({ visible: true }).evaluateAll(
    (elements) => elements.map((e) => e.getAttribute('data-name') ?? ''));

  test('renders the summary tiles and a full-page screenshot', async () => {
    // GIVEN the example report WHEN it is opened
    const page = await open(exampleUrl);
    // THEN the tiles read 25 VMs, 14 ready, 5 with conditions, 5 not ready, 1 unknown
    const tile = (id: string) => page.locator(`[data-tile="${id}"] b`).textContent();
    expect(await Promise.all(['vms', 'ready', 'ready-with-conditions', 'not-ready', 'unknown'].map(tile))).toEqual(['25', '14', '5', '5', '1']);
    expect(await page.locator('[data-tile="not-ready"]').innerText()).toMatch(/^5\s+not ready/);
    expect(await rows(page).filter({ visible: true }).count()).toBe(25);
    // AND a screenshot of the whole page is a real picture of it (kept in test/report/__screenshots__ for a look;
    // not printed, so that the test output stays quiet)
    const file = path.join(SCREENSHOTS, 'html-report.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    const size = pngSize(file);
    expect(size.width).toBe(1280);
    expect(size.height).toBeGreaterThan(900);
  });

  test('filters by verdict with JavaScript disabled', async () => {
    // GIVEN the report without scripts: all rows shown and the search box hidden
    const page = await open(exampleUrl, { javaScriptEnabled: false });
    expect(await rows(page).filter({ visible: true }).count()).toBe(25);
    expect(await page.locator('#search').isVisible()).toBe(false);
    // WHEN "Not ready" is chosen THEN exactly the not-ready VMs remain
    await page.locator('label[for="f-not-ready"]').click();
    expect(await visibleNames(page)).toEqual(notReady);
    expect(notReady).toHaveLength(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'html-report-filtered.png'), fullPage: true });
    // AND "All" brings them back
    await page.locator('label[for="f-all"]').click();
    expect(await rows(page).filter({ visible: true }).count()).toBe(25);
  });

  test('searches VM names with JavaScript enabled', async () => {
    // GIVEN the report with scripts: the search box is shown
    const page = await open(exampleUrl);
    const search = page.locator('#q');
    expect(await search.isVisible()).toBe(true);
    // WHEN part of a name is typed THEN only the matching VMs remain
    await search.fill('hv-web');
    expect(await visibleNames(page)).toEqual(['hv-web-01', 'hv-web-02']);
    expect(await page.locator('#q-status').textContent()).toBe('2 of 25 VMs match');
    // AND the match ignores case, and combines with the verdict filter
    await search.fill('HV-WEB');
    await page.locator('label[for="f-not-ready"]').click();
    expect(await visibleNames(page)).toEqual(['hv-web-02']);
    await search.fill('');
    expect(await visibleNames(page)).toEqual(notReady);
  });

  test('shows a VM\'s remediation when its findings are expanded', async () => {
    // GIVEN legacy-01, failing SMS-OS2, collapsed
    const page = await open(exampleUrl);
    const vm = page.locator('tbody.vm[data-name="legacy-01"]');
    const fix = vm.locator('li.k-error .fix');
    expect(await fix.isVisible()).toBe(false);
    // WHEN its summary is clicked THEN the finding and its remediation show
    await vm.locator('summary').first().click();
    expect(await fix.isVisible()).toBe(true);
    expect(await fix.innerText()).toContain(findRule('SMS-OS2')!.remediation);
    expect(await vm.locator('li.k-error .t').innerText()).toBe(findRule('SMS-OS2')!.title);
  });

  test('prints without the controls, with every VM and every finding open', async () => {
    // GIVEN the report filtered to the not-ready VMs
    const page = await open(exampleUrl);
    await page.locator('label[for="f-not-ready"]').click();
    // WHEN it is printed
    await page.emulateMedia({ media: 'print' });
    // THEN the controls are gone, all VMs are there and the findings, information included, are shown
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('#q').isVisible()).toBe(false);
    expect(await rows(page).filter({ visible: true }).count()).toBe(25);
    expect(await page.locator('tbody.vm[data-name="legacy-01"] li.k-error .fix').isVisible()).toBe(true);
    expect(await page.locator('tbody.vm[data-name="web-01"] li.k-info').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('tbody.vm[data-name="web-01"] li.k-info').first().isVisible()).toBe(false);
  });

  test('shows the hostile plan as text and runs nothing from it', async () => {
    // GIVEN the hostile plan's report, watched for dialogs and console errors
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // WHEN it is opened
    await page.goto(hostileUrl);
    // THEN no script of the plan ran, the report's own script did (the search box is shown) and CSP blocked nothing of it
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('#search').isVisible()).toBe(true);
    expect(await page.locator('script').count()).toBe(1);
    // AND the hostile name is there as text, its controls and bidi override made visible
    const shown = `vm-${HOSTILE_TEXT}`.replace(/[\u0001\u0007\u001b\u202e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(await page.locator('tbody.vm th.name').first().textContent()).toBe(shown);
    expect(await page.locator('tbody.vm th.name').first().isVisible()).toBe(true);
  });

  test('a large plan: the VM table comes in chunks, and filtering or searching leaves no blank gaps', async () => {
    // GIVEN a 1,000-VM report, 10 of them not ready: 5 chunks of 200 VMs, laid out as they come into view
    const page = await open(largeUrl, { javaScriptEnabled: false });
    expect(await page.locator('.vm-chunk').count()).toBe(5);
    expect(await rows(page).count()).toBe(1000);
    // (the full height is taken before any filter: once a chunk has been laid out filtered, the browser may
    // remember that smaller size for it while it is off screen, so a height taken after the filter is cleared
    // depends on when the browser recorded it)
    const fullHeight = await page.evaluate<number>('document.documentElement.scrollHeight');
    // WHEN "Not ready" is chosen THEN the 10 rows remain, and the page is no taller than they need
    await page.locator('label[for="f-not-ready"]').click();
    expect(await rows(page).filter({ visible: true }).count()).toBe(10);
    const filteredHeight = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(filteredHeight).toBeLessThan(fullHeight / 5);
    // AND "All" shows the 1,000 rows again
    await page.locator('label[for="f-all"]').click();
    expect(await page.evaluate<number>(
      "[...document.querySelectorAll('tbody.vm')].filter((row) => getComputedStyle(row).display !== 'none').length",
    )).toBe(1000);
    // AND with scripts, a search does the same
    const scripted = await open(largeUrl);
    await scripted.locator('#q').fill('lnx-0005');
    expect(await rows(scripted).filter({ visible: true }).count()).toBeGreaterThan(0);
    expect(await scripted.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(fullHeight / 5);
  });

  test('makes no network request', async () => {
    // GIVEN a page that records every request
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // WHEN the report is opened, searched, expanded and a rule link followed
    await page.goto(exampleUrl);
    await page.locator('#q').fill('legacy');
    await page.locator('tbody.vm[data-name="legacy-01"] summary').first().click();
    await page.locator('tbody.vm[data-name="legacy-01"] a[href="#rule-SMS-OS2"]').click();
    await page.emulateMedia({ media: 'print' });
    // THEN the only request was the file itself
    expect(requests).toEqual([exampleUrl]);
    expect(page.url()).toBe(`${exampleUrl}#rule-SMS-OS2`);
  });
});
