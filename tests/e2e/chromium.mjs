// Debian's Chromium driven by playwright-core (Playwright cannot download its
// own browsers here). The flags keep it off the network it cannot reach.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KINDRED_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Browser context options for the two sizes every screen is checked at. */
export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 860 } },
};
