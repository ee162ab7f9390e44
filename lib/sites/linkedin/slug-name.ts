/**
 * A readable placeholder name from a member slug: "siti-rahma-8b2a1c3" → "Siti Rahma".
 * Used only when the profile itself is not open (context-menu clip on a link).
 */
export function nameFromSlug(slug: string): string {
  const parts = slug.split('-').filter((p) => p && !/\d/.test(p));
  const words = parts.length ? parts : [slug];
  return words
    .map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1))
    .join(' ')
    .slice(0, 120);
}
