// What an extractor reads off a page, before the rep confirms it. Plain types only: content
// scripts import this file and must not pull in a validation library (DESIGN.md §2).

export type Site = 'linkedin' | 'gmail' | 'outlook';

/** Where a field's value came from, so the UI can show how sure we are. */
export type FieldSource =
  | 'json-ld'
  | 'og'
  | 'meta'
  | 'embedded-json'
  | 'aria'
  | 'data-view-name'
  | 'heading'
  | 'img-alt'
  | 'title'
  | 'url'
  | 'overlay-link'
  | 'heuristic'
  | 'mail-header';

export interface DraftField {
  value: string;
  source: FieldSource;
}

export type DraftFieldName = 'name' | 'headline' | 'title' | 'company' | 'location' | 'photoUrl' | 'email';

export interface ProspectDraft {
  site: Site;
  /** LinkedIn member slug, canonical (lower-cased, percent-decoded); null when unknown. */
  slug: string | null;
  /** LinkedIn member id (`ACoA…`, case kept) when the page shows it; null or absent when not. */
  memberId?: string | null;
  /**
   * The slug of the company page the profile links as the person's current company (top card or
   * experience entry), when the page links it by slug: a person clipped then joins that tracked
   * company even where names differ ("PT Maju Jaya Tbk" / "Maju Jaya Group").
   */
  companySlug?: string | null;
  /** Canonical profile URL https://www.linkedin.com/in/<slug>/ when slug is known. */
  linkedinUrl: string | null;
  fields: Partial<Record<DraftFieldName, DraftField>>;
}

export type ExtractFailureReason = 'not-a-profile' | 'not-rendered' | 'no-name';

export type ExtractResult = { ok: true; draft: ProspectDraft } | { ok: false; reason: ExtractFailureReason; detail?: string };
