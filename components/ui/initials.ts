/**
 * Up to two letters for an avatar: first and last word of the name ("Rizky Pratama" → "RP",
 * "Ayu" → "AY" is not wanted: a one-word name gives one letter). Letters, not symbols: a name
 * from a page may carry emoji, pronouns in brackets or an e-mail address.
 */
export function initials(name: string | null | undefined): string {
  const cleaned = (name ?? '')
    // "(she/her)", "[PhD]" and the like are not part of the name.
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    // An address as the name: its local part.
    .replace(/@.*$/, '')
    .trim();
  const words = cleaned.split(/[\s._-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '?';
  const first = firstLetter(words[0]!);
  const last = words.length > 1 ? firstLetter(words[words.length - 1]!) : '';
  return (first + last).toLocaleUpperCase();
}

function firstLetter(word: string): string {
  return /\p{L}/u.exec(word)?.[0] ?? '';
}
