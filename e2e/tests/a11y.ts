import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The rules every page state is held to: WCAG 2.1 levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Attributes that name other elements by id; each id must exist in the page. */
const ID_REFERENCES = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-activedescendant', 'aria-errormessage'];

/**
 * Ids that attributes refer to but that no element has, as "attribute → #id on <element>" lines.
 * Runs in the page.
 */
export async function missingIdReferences(page: Page): Promise<string[]> {
  return page.evaluate((attributes) => {
    const missing: string[] = [];
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? ` name=${el.getAttribute('name')}` : ''}>`;
    for (const attribute of attributes) {
      for (const el of Array.from(document.querySelectorAll(`[${attribute}]`))) {
        for (const id of (el.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) missing.push(`${attribute} → #${id} on ${describe(el)}`);
        }
      }
    }
    for (const label of Array.from(document.querySelectorAll('label[for]'))) {
      const id = label.getAttribute('for') ?? '';
      if (!document.getElementById(id)) missing.push(`for → #${id} on <label> "${label.textContent?.trim()}"`);
    }
    return missing;
  }, ID_REFERENCES);
}

type Scheme = 'light' | 'dark';

/** axe's WCAG 2.1 A + AA violations of the page as it is now, one readable line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

/**
 * Asserts that the page, in the state it is in now, has no WCAG 2.1 A/AA violation (axe) in the
 * light and in the dark colour scheme, and no ARIA/label reference to an id that does not exist.
 * `state` names the state in the failure message ("new trunk form with errors"). The colour
 * scheme the test had is restored afterwards.
 *
 *   await expectAccessible(page, 'trunk list');
 */
export async function expectAccessible(page: Page, state: string) {
  const before: Scheme = (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) ? 'dark' : 'light';
  const problems: string[] = (await missingIdReferences(page)).map((m) => `missing id: ${m}`);
  try {
    for (const scheme of [before, before === 'light' ? 'dark' : 'light'] as Scheme[]) {
      await page.emulateMedia({ colorScheme: scheme });
      problems.push(...(await axeViolations(page)).map((v) => `${scheme}: ${v}`));
    }
  } finally {
    await page.emulateMedia({ colorScheme: before });
  }
  expect(problems, `accessibility of "${state}"`).toEqual([]);
}

/**
 * The focused element's outline, for asserting a visible focus indicator: its style and width in
 * pixels, and a short description of the element.
 */
export async function focusRing(page: Page): Promise<{ element: string; style: string; width: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: 'body', style: 'none', width: 0 };
    const css = getComputedStyle(el);
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return {
      element: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${name}`,
      style: css.outlineStyle,
      width: parseFloat(css.outlineWidth) || 0,
    };
  });
}
