import { z } from 'zod';
import { cleanLine, cleanMultiline } from './text';

export const Id = z.string().uuid();
/** Epoch milliseconds; the local store keeps numbers so indexes compare cheaply. */
export const Millis = z.number().int().nonnegative();

/**
 * Text from anywhere (pages, the rep, files, teammates) is hostile: well-formed (no lone surrogates),
 * control and bidi characters removed, whitespace collapsed, trimmed, length-capped (lib/model/text.ts).
 */
export function cleanText(max: number) {
  return z
    .string()
    .transform(cleanLine)
    .pipe(z.string().max(max));
}

/** Like cleanText, for text that keeps its line breaks (note templates). */
export function cleanNote(max: number) {
  return z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().max(max));
}

/** A required line of text: cleaned, then not empty. */
export const RequiredText = (max: number) => cleanText(max).pipe(z.string().min(1));

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
