import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SCREENSHOTS = path.resolve(__dirname, '../../../../.tmp/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core with the WCAG 2.2 AA tags on the page as it is now: any violation fails the test. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const readable = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(readable, `axe violations on "${state}"`).toEqual([]);
}

/** A full-page screenshot into .tmp/screenshots (git-ignored), and the axe check of that state. */
export async function checkpoint(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await expectNoAxeViolations(page, name);
}

/**
 * WCAG 1.4.10 (reflow): nothing makes the page wider than the window, so there is no sideways
 * scrolling. A wide table may scroll inside its own container (`gzc-table-wrap`); that is allowed.
 */
export async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width on "${state}" in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

/** Sign in on the demonstration page by picking the named demo user. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Inloggen als ${name}`) }).click();
}

/** A dev token for a demo user, for steps other roles take through the API (the secretariat). */
export async function apiToken(request: APIRequestContext, userId: string): Promise<string> {
  const response = await request.post('/api/auth/dev-token', { data: { userId } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiAction(
  request: APIRequestContext,
  token: string,
  caseId: string,
  action: string,
  body: object = {},
): Promise<void> {
  const response = await request.post(`/api/disputes/${caseId}/${action}`, { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The id of the case page the browser shows. */
export const caseIdFrom = (page: Page): string => new URL(page.url()).pathname.split('/').pop()!;

/**
 * Playwright's test with a page that fails the test when the browser reports a Content-Security-
 * Policy violation (the portal must run with no inline script or style).
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});
export { expect };
