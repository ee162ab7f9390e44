/** Every page Jalur works on: the manifest's host permissions, and the tabs told about changes. */
export const SITE_PATTERNS = [
  '*://*.linkedin.com/*',
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];
