/**
 * The content script. Not listed in the manifest: the background injects it when the reader clicks
 * the toolbar button, or registers it for the sites the reader chose in the options.
 */
import { startPage } from './lifecycle';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startPage(ctx);
  },
});
