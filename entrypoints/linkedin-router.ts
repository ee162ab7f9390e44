import { pageEnv, startRouter } from '../lib/content-script/router';

// The only script Jalur's manifest puts on LinkedIn pages (wxt.config.ts lists it; WXT builds it as an
// unlisted script, so it carries neither the extension-API shim nor a content-script context). It waits
// for the page's load event, then asks the background to inject the surface scripts the URL needs
// (lib/content-script/router.ts): a LinkedIn page load pays for this file, not for four surfaces.
export default defineUnlistedScript(() => startRouter(pageEnv()));
