// All user-facing strings go through the extension's own i18n (public/_locales), so the UI follows
// the browser language (English, Indonesian). The key type comes from the English catalogue.
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export function t(key: MessageKey, subs?: string | string[]): string {
  // Firefox throws on a substitution that is not a string (Chrome converts it), and a count can slip
  // through as a number: every substitution is made a string first.
  const strings = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  return browser.i18n.getMessage(key, strings) || key;
}

/** The team's name for a stage, or the localised default for the default stages. */
export function stageLabel(key: string, name: string | null): string {
  if (name) return name;
  const localised = browser.i18n.getMessage(`stage_${key}` as MessageKey);
  return localised || key;
}

export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}
