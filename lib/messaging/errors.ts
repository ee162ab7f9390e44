// Why the background refused a request, as a stable code the UI turns into a sentence in its own
// language (components/shared/error-text.ts), plus the English detail for the curious and for logs.
// The background used to send only English sentences, which the Indonesian UI showed as they were.
import { z } from 'zod';
import { CommandError } from '../store/commands';
import { ImportError } from '../store/import';
import { IntakeError } from '../model/prospect-intake';
import { RestoreError } from '../store/restore';
import { SyncError } from '../sync/transport';

/**
 * A code is also the tail of its i18n key (`err_<code>` in public/_locales), so it is limited to what
 * a message name may hold. A code the UI does not know reads as the generic message with the detail.
 */
export const ErrorCode = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/);

export const ErrorReplySchema = z.strictObject({
  ok: z.literal(false),
  /** The English sentence: shown only where the UI has no message for the code. */
  error: z.string().max(2000),
  code: ErrorCode,
  /** Substitutions for the code's message ($1, $2, …), e.g. a person's name or a field. */
  params: z.array(z.string().max(500)).max(6).optional(),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;
// The wire shape and the UI's type (lib/messaging/types.ts) are one.
export type { ErrorReply as WireErrorReply };

/** An error that already knows its code: thrown by background glue (sign-in, backend connection). */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: string[],
  ) {
    super(message);
  }
}

/** The codes a failed request can carry, for the UI's catalogue test (every one has en + id). */
export const KNOWN_ERROR_CODES = [
  'unknown',
  'no_answer',
  'invalid_missing',
  'invalid_too_small',
  'invalid_too_big',
  'invalid_value',
  'invalid_settings',
  'not_found',
  'invalid',
  'conflict',
  'prospect_not_found',
  'prospect_invalid',
  'email_taken',
  'delete_forbidden',
  'delete_nobody',
  'company_delete_forbidden',
  'company_not_found',
  'merge_self',
  'merge_gone',
  'merge_forbidden',
  'bulk_nobody',
  'bulk_too_many',
  'stage_unknown',
  'cadence_gone',
  'snooze_past',
  'team_admin_only',
  'import_rows_bad',
  'import_file_bad',
  'restore_other_scope',
  'restore_invalid',
  'sync_offline',
  'sync_auth',
  'sync_forbidden',
  'sync_server',
  'sync_invalid',
  'backend_missing',
  'backend_unreachable',
  'backend_key_refused',
  'backend_not_supabase',
  'backend_schema_missing',
  'sign_out_first',
  'sign_in_first',
  'choose_team_first',
  'not_team_member',
  'auth_invalid_credentials',
  'auth_user_exists',
  'auth_weak_password',
  'auth_code_expired',
  'auth_email_not_confirmed',
  'auth_rate_limited',
  'auth_no_answer',
  'auth_confirm_email',
  'server_refused',
  'side_panel_from_toolbar',
  'invalid_notice',
  'refused',
] as const;

const path = (p: readonly PropertyKey[]) => p.map(String).join('.');

/** Every refusal leaves the background in the checked shape; one that does not fit says "unknown" with its detail. */
function sealed(reply: ErrorReply): ErrorReply {
  const checked = ErrorReplySchema.safeParse(reply);
  if (checked.success) return checked.data;
  const error = String(reply.error).slice(0, 2000);
  return { ok: false, error, code: 'unknown', params: [error.slice(0, 500)] };
}

/** The first zod issue as a code and its field, so the UI can say which field and what is wrong. */
export function zodReply(err: z.ZodError, detail: string): ErrorReply {
  const first = err.issues[0];
  const where = first ? path(first.path) : '';
  const reply = (code: string, params: string[]) => sealed({ ok: false, error: detail.slice(0, 2000), code, params });
  if (!first) return reply('invalid_value', [where]);
  if (first.code === 'invalid_type' && first.input === undefined) return reply('invalid_missing', [where]);
  if (first.code === 'too_small') return reply('invalid_too_small', [where, String(first.minimum)]);
  if (first.code === 'too_big') return reply('invalid_too_big', [where, String(first.maximum)]);
  return reply('invalid_value', [where]);
}

const SYNC_CODES: Record<SyncError['kind'], string> = {
  offline: 'sync_offline',
  auth: 'sync_auth',
  forbidden: 'sync_forbidden',
  server: 'sync_server',
  invalid: 'sync_invalid',
};

/** Any thrown value as the reply the UI receives; never throws. */
export function errorReply(e: unknown): ErrorReply {
  const detail = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
  const reply = (code: string, params?: string[]): ErrorReply =>
    sealed(params ? { ok: false, error: detail, code, params: params.map((p) => p.slice(0, 500)) } : { ok: false, error: detail, code });
  if (e instanceof CodedError) return reply(e.code, e.params);
  if (e instanceof CommandError) return reply(e.reason ?? e.code.replace('-', '_'), e.params);
  if (e instanceof IntakeError) return reply(e.code === 'invalid' ? 'prospect_invalid' : 'conflict');
  if (e instanceof ImportError) return e.plan.fileErrors[0] ? reply('import_file_bad') : reply('import_rows_bad', [String(e.plan.badRows)]);
  if (e instanceof RestoreError) return reply(e.code === 'other-scope' ? 'restore_other_scope' : 'restore_invalid');
  if (e instanceof SyncError) return reply(SYNC_CODES[e.kind]);
  if (e instanceof z.ZodError) return zodReply(e, detail);
  return reply('unknown', [detail.slice(0, 500)]);
}
