// The background refuses with a stable code (lib/messaging/errors.ts); this is where the code becomes
// a sentence in the UI's language. Kept tiny and free of zod: the chips in pages import it too.
import { browser } from 'wxt/browser';
import { t, type MessageKey } from './i18n';

export interface CodedFailure {
  code?: string;
  params?: string[];
  /** The background's English sentence. */
  error: string;
}

/**
 * The sentence for a refusal: the code's own message (`err_<code>`), else the generic one carrying the
 * background's words, so nothing is lost when a newer background sends a code this page does not know.
 */
// A refused request that names a field the rep typed in: the message names that field by its label.
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'fieldName',
  headline: 'fieldHeadline',
  title: 'fieldTitle',
  company: 'fieldCompany',
  location: 'fieldLocation',
  email: 'fieldEmail',
  linkedinUrl: 'fieldLinkedinUrl',
};

function fieldText(code: string, params: string[]): string | null {
  if (!code.startsWith('invalid_') || code === 'invalid_settings') return null;
  const field = FIELD_LABELS[(params[0] ?? '').split('.').pop() ?? ''];
  if (!field) return null;
  return t(code === 'invalid_missing' ? 'err_field_missing' : 'err_field_invalid', t(field));
}

export function errorText(f: CodedFailure): string {
  const params = (f.params ?? []).map(String);
  if (f.code && /^[a-z][a-z0-9_]*$/.test(f.code)) {
    const field = fieldText(f.code, params);
    if (field) return field;
    // The background words its refusals in English, often with the reason its check was written with
    // ("Win probability is 0–100 %", "day 0 comes before the previous step's day 3"): in an English UI
    // that sentence says more than the generic one; every other language gets its own words.
    if (f.code.startsWith('invalid_') && f.error && browser.i18n.getUILanguage().toLowerCase().startsWith('en')) return f.error;
    const known = browser.i18n.getMessage(`err_${f.code}` as MessageKey, params);
    if (known) return known;
  }
  return t('err_unknown', f.error);
}

const SYNC_REASONS = new Set(['append_only', 'conflict', 'forbidden', 'invalid', 'not_found', 'unknown_entity']);

/** Why the team's project refused a change, from the server's code (sync_push's result codes or a SQLSTATE). */
export function syncReasonText(code: string): string {
  if (SYNC_REASONS.has(code)) return t(`syncReason_${code}` as MessageKey);
  // PostgREST's SQLSTATEs for the same refusals (supabase/README.md "API").
  if (code === '42501') return t('syncReason_forbidden');
  if (code === '23505') return t('syncReason_conflict');
  if (code === '23503') return t('syncReason_not_found');
  if (/^22/.test(code) || code === '23502' || code === '23514') return t('syncReason_invalid');
  return t('syncReason_other');
}

/** The kind of record a sync issue is about, in the UI's language. */
export function syncEntityText(entity: string): string {
  return browser.i18n.getMessage(`syncEntity_${entity}` as MessageKey) || entity;
}
