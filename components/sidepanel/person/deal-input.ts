/**
 * The Deal form's input, checked where the rep typed it so each message sits on its field in the UI
 * language (the background checks again: a value is never negative, a currency is three letters).
 */
export type DealInput =
  | { ok: true; dealValue: number | null; currency: string | null }
  | { ok: false; field: 'value' | 'currency'; error: 'dealValueInvalid' | 'dealValueNegative' | 'dealValueTooLarge' | 'dealCurrencyInvalid' };

export function parseDeal(value: string, currency: string): DealInput {
  const v = value.trim().replace(/\s/g, '');
  // One comma and no dot is a decimal comma ("1500,50"); otherwise commas group thousands.
  const normal = v.includes(',') && !v.includes('.') && !/,\d{3}(,|$)/.test(v) ? v.replace(',', '.') : v.replace(/,/g, '');
  const amount = v === '' ? null : Number(normal);
  if (amount !== null && !Number.isFinite(amount)) return { ok: false, field: 'value', error: 'dealValueInvalid' };
  if (amount !== null && amount < 0) return { ok: false, field: 'value', error: 'dealValueNegative' };
  if (amount !== null && amount > 1e12) return { ok: false, field: 'value', error: 'dealValueTooLarge' };
  const code = currency.trim().toUpperCase();
  if (code !== '' && !/^[A-Z]{3}$/.test(code)) return { ok: false, field: 'currency', error: 'dealCurrencyInvalid' };
  return { ok: true, dealValue: amount, currency: code || null };
}
