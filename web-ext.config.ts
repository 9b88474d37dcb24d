import { defineWebExtConfig } from 'wxt';

// `npm run dev` rebuilds on change but does not try to open a browser: these machines
// (and many CI and remote boxes) have no display. Load .output/chrome-mv3-dev by hand
// (chrome://extensions → Load unpacked) or set BACKSTORY_OPEN_BROWSER=1 to let WXT start one.
export default defineWebExtConfig({
  disabled: process.env.BACKSTORY_OPEN_BROWSER !== '1',
});
