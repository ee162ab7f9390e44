/**
 * The headline under a person's role line, or null where it says nothing more: LinkedIn headlines
 * are often just "<title> at <company>" (in any language: "di", "bei", "chez"…), which the role
 * line already shows.
 */
export function extraHeadline(headline: string | null, title: string | null, company: string | null): string | null {
  const h = headline?.trim();
  if (!h) return null;
  const has = (part: string | null) => !part || h.toLocaleLowerCase().includes(part.trim().toLocaleLowerCase());
  if ((title || company) && has(title) && has(company) && h.length <= (title?.length ?? 0) + (company?.length ?? 0) + 8) return null;
  return h;
}
