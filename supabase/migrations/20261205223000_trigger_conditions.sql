-- Per-row triggers that a set-based sync_push run (20261205220000_set_based_push.sql) fires for every
-- row, but whose function then does nothing for that row, now say so in the trigger's WHEN
-- condition, which PostgreSQL evaluates without calling the function (a PL/pgSQL call per row is a
-- large part of what a pushed row costs; measured with pg_stat_user_functions and perf).
--
-- Nothing changes in what any writer may do: each condition below is exactly the case in which the
-- function acts (raises, rewrites the row, or writes elsewhere); in every other case the function
-- returned the row untouched, or returned at once. The functions themselves are unchanged, so a
-- direct table write by a signed-in teammate is checked, stamped and capped exactly as before
-- (supabase/tests/database/93_trigger_conditions.test.sql).
--
--  * guard_identity refuses a changed id or created_by: fires only when one of them changes.
--  * stamp_field_hlc and its company twin return at once when sync_push keeps field_hlc itself
--    (the transaction-local jalur.sync flag, as before): they fire only when it is not set.
--  * prospect_defaults on update normalises the LinkedIn slug and the e-mails and checks stage,
--    owner and delete rights: it fires only when one of those columns changes (a slug or e-mail
--    list already stored passed the same normalisation and its check constraints).
--  * sync_prospect_emails keeps prospect_emails: it fires only when a live prospect has e-mails
--    (insert), or when the e-mails or the tombstone change (update).
--  * guard_touch_time / guard_stage_change_time refuse times more than five minutes ahead: they
--    fire only for such a time (sync_push clamps to the server's clock, so its rows never do).
--
-- Trigger names and their order are kept (BEFORE and AFTER row triggers fire by name); the two
-- split triggers sort right after the one they were split from.

-- guard_identity
drop trigger a_guard_identity on public.prospects;
create trigger a_guard_identity before update on public.prospects
  for each row when (new.id is distinct from old.id or new.created_by is distinct from old.created_by)
  execute function private.guard_identity();
drop trigger a_guard_identity on public.follow_ups;
create trigger a_guard_identity before update on public.follow_ups
  for each row when (new.id is distinct from old.id or new.created_by is distinct from old.created_by)
  execute function private.guard_identity();
drop trigger a_guard_identity on public.touches;
create trigger a_guard_identity before update on public.touches
  for each row when (new.id is distinct from old.id or new.created_by is distinct from old.created_by)
  execute function private.guard_identity();

-- stamp_field_hlc (same column lists as in 20261205180000_member_id.sql and 20261126120000_schema.sql)
drop trigger c_field_hlc on public.prospects;
create trigger c_field_hlc before insert or update on public.prospects
  for each row when (coalesce(current_setting('jalur.sync', true), '') <> 'on')
  execute function private.stamp_field_hlc(
    'name', 'headline', 'title', 'company', 'location', 'photo_url', 'linkedin_url', 'linkedin_slug',
    'emails', 'source', 'temperature_override', 'score', 'score_breakdown', 'mql_at', 'sql_at',
    'sql_checklist', 'deal_value', 'currency', 'expected_close', 'owner_id', 'lost_reason',
    'score_adjustment', 'cadence_enrolment', 'linkedin_member_id');
drop trigger c_field_hlc_company on public.prospects;
create trigger c_field_hlc_company before update of company_id on public.prospects
  for each row when (new.company_id is distinct from old.company_id
                     and coalesce(current_setting('jalur.sync', true), '') <> 'on')
  execute function private.stamp_company_hlc();
drop trigger c_field_hlc on public.follow_ups;
create trigger c_field_hlc before insert or update on public.follow_ups
  for each row when (coalesce(current_setting('jalur.sync', true), '') <> 'on')
  execute function private.stamp_field_hlc(
    'prospect_id', 'assignee_id', 'title', 'note', 'channel', 'due_at', 'done_at', 'snoozed_until',
    'cadence_id', 'cadence_step');

-- prospect_defaults: every insert; an update only when a column it looks at changes.
drop trigger d_defaults on public.prospects;
create trigger d_defaults before insert on public.prospects
  for each row execute function private.prospect_defaults();
create trigger d_defaults_edit before update on public.prospects
  for each row when (new.linkedin_slug is distinct from old.linkedin_slug
                     or new.emails is distinct from old.emails
                     or new.stage_id is distinct from old.stage_id
                     or new.stage_entered_at is distinct from old.stage_entered_at
                     or new.stage_change_id is distinct from old.stage_change_id
                     or new.owner_id is distinct from old.owner_id
                     or new.deleted_at is distinct from old.deleted_at)
  execute function private.prospect_defaults();

-- sync_prospect_emails: the function's own early returns, as conditions.
drop trigger prospect_emails on public.prospects;
create trigger prospect_emails after insert on public.prospects
  for each row when (cardinality(new.emails) > 0 and new.deleted_at is null)
  execute function private.sync_prospect_emails();
create trigger prospect_emails_edit after update of emails, deleted_at on public.prospects
  for each row when (new.emails is distinct from old.emails or (new.deleted_at is null) <> (old.deleted_at is null))
  execute function private.sync_prospect_emails();

-- Times in the future.
drop trigger a_guard_time on public.touches;
create trigger a_guard_time before insert on public.touches
  for each row when (new.occurred_at > now() + interval '5 minutes')
  execute function private.guard_touch_time();
drop trigger a_guard_time on public.stage_changes;
create trigger a_guard_time before insert on public.stage_changes
  for each row when (new.changed_at > now() + interval '5 minutes')
  execute function private.guard_stage_change_time();
