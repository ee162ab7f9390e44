/** The fields a capture carries: what a page shows about a person. Plain type, shared by the wire and the store. */
export interface CaptureFields {
  slug: string | null;
  /** The slug of the company the profile links to as the current one, when the page shows it. */
  companySlug?: string | null;
  /** LinkedIn member id (`ACoA…`) when the page showed it; a key like the slug. */
  memberId?: string | null;
  email: string | null;
  name: string;
  headline: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  photoUrl: string | null;
  linkedinUrl: string | null;
}
