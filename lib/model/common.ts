import { z } from 'zod';

export const Id = z.string().uuid();
/** Epoch milliseconds; the local store keeps numbers so indexes compare cheaply. */
export const Millis = z.number().int().nonnegative();

/** Page text is hostile: trimmed, length-capped, control and bidi-override characters removed. */
export function cleanText(max: number) {
  return z
    .string()
    .transform((s) =>
      s
        .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(z.string().max(max));
}

export const OptionalText = (max: number) => cleanText(max).nullable();

export const HttpsUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https URL');

export const Email = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().email().max(254));
