import type { Locator, Page } from '@playwright/test';
import { checkpoint, expect, test } from './support/portal';

// The whole filing once by keyboard alone (Tab, Shift+Tab, Space, arrows, typing, Enter: no clicks),
// and once in a 320 px wide window (WCAG 1.4.10 reflow: no sideways scrolling, nothing cut off).

/** Presses Tab until `target` has focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

test('the whole filing by keyboard alone', async ({ page }) => {
  await page.goto('/inloggen?terug=/aanvraag');
  await expect(page.getByRole('button', { name: /^Inloggen als Chantal Oost/ })).toBeVisible();
  // The skip link is the first thing the keyboard reaches.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: /^Inloggen als Chantal Oost/ }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 1 van 7/);
  await tabTo(page, page.getByRole('button', { name: 'Volgende stap' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 2 van 7/);
  // Focus moved to the new page's heading; Tab goes on from there.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('radio', { name: 'Precontractueel' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('radio', { name: 'Zorgverzekeringswet (Zvw)' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('combobox', { name: 'Welke soort zorg?' }));
  await page.keyboard.type('Geestelijke');
  await tabTo(page, page.getByRole('checkbox', { name: 'Tarief', exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('textbox', { name: 'Over welk contractjaar gaat het?' }));
  await page.keyboard.type('2026');
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 3 van 7/);
  await tabTo(page, page.getByRole('searchbox', { name: /Zoek de zorgverzekeraar/ }));
  await page.keyboard.type('Noord');
  await tabTo(page, page.getByRole('checkbox', { name: 'Zorgverzekeraar Noord' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Volgende stap' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 4 van 7/);
  await tabTo(page, page.getByRole('textbox', { name: 'Waar gaat het geschil over?' }));
  await page.keyboard.type('Het tarief voor ggz-behandelingen in 2026 dekt de kosten niet.');
  await tabTo(page, page.getByRole('textbox', { name: 'Verzoek 1: wat vraagt u?' }));
  await page.keyboard.type('Een kostendekkend tarief');
  await tabTo(page, page.getByRole('button', { name: 'Nog een verzoek toevoegen' }));
  await page.keyboard.press('Enter');
  // The new claim's field takes focus at once.
  await expect(page.getByRole('textbox', { name: 'Verzoek 2: wat vraagt u?' })).toBeFocused();
  await page.keyboard.type('Betaling van het verschil over 2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('8.000');
  await tabTo(page, page.getByRole('textbox', { name: 'Om hoeveel geld gaat het in totaal, in euro’s?' }));
  await page.keyboard.type('8.000');
  await tabTo(page, page.getByRole('button', { name: 'Volgende stap' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 5 van 7/);
  await tabTo(page, page.getByRole('radio', { name: 'Ja, het is dringend' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Nee', exact: true })).toBeChecked();
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 6 van 7/);
  await tabTo(page, page.getByRole('button', { name: 'Volgende stap' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveTitle(/^Stap 7 van 7/);
  await expect(page.getByRole('main')).toContainText('Betaling van het verschil over 2026: € 8.000,00');
  await tabTo(page, page.getByRole('button', { name: 'Versturen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Uw aanvraag is verstuurd.')).toBeVisible();
  await checkpoint(page, '20-toetsenbord-verstuurd');
});

test('the whole filing at 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto('/inloggen?terug=/aanvraag');
  await noSidewaysScroll(page);
  await page.getByRole('button', { name: /^Inloggen als Bram Visser/ }).click();
  const steps: [string, () => Promise<void>][] = [
    ['1-wie', async () => {}],
    [
      '2-geschil',
      async () => {
        await page.getByRole('radio', { name: 'Contractueel', exact: true }).check();
        await page.getByRole('radio', { name: 'Zorgverzekeringswet (Zvw)' }).check();
        await page.getByLabel('Welke soort zorg?').selectOption({ label: 'Wijkverpleging' });
        await page.getByRole('checkbox', { name: 'Doorlevering van zorg of cliëntenstop' }).check();
        await page.getByLabel('Over welk contractjaar gaat het?').fill('2026');
      },
    ],
    ['3-wederpartij', async () => page.getByRole('checkbox', { name: 'Zorgverzekeraar Zuid (incl. zorgkantoor Zuid)' }).check()],
    [
      '4-verzoek',
      async () => {
        await page.getByLabel('Waar gaat het geschil over?').fill('Het budgetplafond is in oktober bereikt; de verzekeraar dreigt met een cliëntenstop.');
        await page.getByLabel('Verzoek 1: wat vraagt u?').fill('Geen cliëntenstop tot 31 december 2026');
        await page.getByLabel('Om hoeveel geld gaat het in totaal, in euro’s?').fill('85.000');
      },
    ],
    [
      '5-spoed',
      async () => {
        await page.getByRole('radio', { name: 'Ja, het is dringend' }).check();
        await page.getByLabel('Waarom is het dringend?').fill('Vanaf 1 december kunnen wij geen nieuwe cliënten meer aannemen.');
      },
    ],
    ['6-documenten', async () => {}],
  ];
  for (const [name, fill] of steps) {
    await fill();
    await noSidewaysScroll(page);
    await checkpoint(page, `30-smal-${name}`);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
  }
  await expect(page).toHaveTitle(/^Stap 7 van 7/);
  await noSidewaysScroll(page);
  await checkpoint(page, '30-smal-7-controleren');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByText('Uw aanvraag is verstuurd.')).toBeVisible();
  await noSidewaysScroll(page);
  await checkpoint(page, '30-smal-zaak');
});
