/**
 * Starts the Chromium `findBrowser` chose, headless, or says why it did not start (RENDER_BROWSER)
 * and what to do — for every renderer: the still, the video and the live one.
 */
import { chromium as playwright, type Browser } from 'playwright-core';
import type { BrowserChoice } from './find-browser.ts';
import { RenderError } from './render-error.ts';

export async function launchBrowser(choice: BrowserChoice): Promise<Browser> {
  try {
    return await playwright.launch({ executablePath: choice.executablePath, args: choice.args, headless: true, timeout: 60_000 });
  } catch (error) {
    throw new RenderError('RENDER_BROWSER', `Chromium (${choice.kind}, ${choice.executablePath}) did not start: ${(error as Error).message.split('\n')[0]}. Set WORLDSMITH_CHROMIUM to a working Chromium, or reinstall @sparticuz/chromium.`, { cause: error });
  }
}
