// Bulk clip (./capture-many-schemas.ts): each input is normalised exactly as a single `capture` is
// (handle.ts), then all are written in one transaction (lib/store/capture-many.ts).
import { canonicalSlug, profileUrl } from '../sites/linkedin/url';
import { captureMany } from '../store/capture-many';
import type { CaptureInput } from '../store/commands';
import type { StoreContext } from '../store/context';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

type Wire = Extract<ValidRequest, { type: 'captureMany' }>['inputs'][number];

/** As the `capture` case in handle.ts: the LinkedIn URL wins over the slug field; the source follows from the key. */
export function captureInputOf(input: Wire): CaptureInput & { memberId?: string | null } {
  const slug = (input.linkedinUrl && canonicalSlug(input.linkedinUrl)) || (input.slug ? canonicalSlug(`/in/${input.slug}/`) : null);
  const memberId = (input as { memberId?: string | null }).memberId ?? null;
  return {
    ...input,
    slug,
    memberId,
    linkedinUrl: slug ? profileUrl(slug) : null,
    source: input.source ?? (slug || memberId ? 'social_selling' : 'email'),
  };
}

export async function dispatchCaptureMany(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  if (req.type !== 'captureMany') return undefined;
  return captureMany(ctx, req.inputs.map(captureInputOf));
}
