import { uiLocale } from './i18n';

/** Screen readers pick the voice from <html lang>; follow the UI language the strings come in. */
export function setDocumentLanguage(): void {
  document.documentElement.lang = uiLocale().startsWith('id') ? 'id' : 'en';
}
