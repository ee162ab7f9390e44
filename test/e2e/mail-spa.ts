// The single-page mail shell now lives with the other test pages both browsers' suites share.
export { fixturePage, mailSpa, spaShell, type ShellPage } from '../shared/pages';
