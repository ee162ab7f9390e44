-- The playbook in the product (issue 6): prospects keep a rep's manual score adjustment and their
-- current cadence enrolment, and both sync field by field like every other prospect field.
-- Cadence steps must be in day order.
--
-- Additive only: the earlier migrations are deployed and stay as they are; the functions and the
-- trigger that must learn the new columns are replaced here with the same names and signatures.

-- ---------------------------------------------------------------------------------------------
-- Prospects: two new mergeable fields.
--
-- score_adjustment: the rep's manual adjustment, one of the score rules' inputs (DESIGN.md §1,
--   "manual adjustment is a rule too"); the score itself stays in score/score_breakdown.
-- cadence_enrolment: null, or the prospect's current enrolment as an object whose shape the
--   extension owns (lib/model/cadence.ts EnrolmentSchema: cadenceId, status, step, startedAt,
--   timeZone, pausedAt, ...). The server only insists on an object of a sane size; it merges as one
--   value (last writer by clock), like the other jsonb fields.
--
-- Existing rows get 0 and null without a rewrite, and no field clock: any edit of them wins.

alter table public.prospects
  add column score_adjustment smallint not null default 0
    constraint prospects_score_adjustment_check check (score_adjustment between -100 and 100),
  add column cadence_enrolment jsonb
    constraint prospects_cadence_enrolment_check
    check (jsonb_typeof(cadence_enrolment) = 'object' and pg_column_size(cadence_enrolment) <= 8192);

comment on column public.prospects.score_adjustment is
  'A rep''s manual score adjustment, -100..100 points; an input of the team''s score rules.';
comment on column public.prospects.cadence_enrolment is
  'Null, or the current cadence enrolment as an object (at most 8 KB); its shape is owned by the extension.';

-- Direct edits (outside sync_push) stamp the server clock for each changed field: the trigger's
-- column list gains the two new fields. Same name, so it still fires in the same order.
drop trigger c_field_hlc on public.prospects;
create trigger c_field_hlc before insert or update on public.prospects
  for each row execute function private.stamp_field_hlc(
    'name', 'headline', 'title', 'company', 'location', 'photo_url', 'linkedin_url', 'linkedin_slug',
    'emails', 'source', 'temperature_override', 'score', 'score_breakdown', 'mql_at', 'sql_at',
    'sql_checklist', 'deal_value', 'currency', 'expected_close', 'owner_id', 'lost_reason',
    'score_adjustment', 'cadence_enrolment');

-- ---------------------------------------------------------------------------------------------
-- sync_push: the prospect upsert accepts the two fields, on creation and on merge. Otherwise as in
-- 20261126120300_sync_api.sql.

create or replace function private.push_prospect(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.prospects%rowtype;
  r public.prospects%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{name,headline,title,company,location,photo_url,linkedin_url,
    linkedin_slug,emails,source,temperature_override,score,score_breakdown,mql_at,sql_at,sql_checklist,deal_value,
    currency,expected_close,owner_id,lost_reason,stage_id,score_adjustment,cadence_enrolment}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only prospect field(s): ' || bad);
  end if;
  -- A creation (the common case in a batch) goes straight to the insert; the unique indexes
  -- (id, slug) do the existence and duplicate checks, and only when one fires do we look further.
  if fields ?& '{name,source}' then
    insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
      linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
      deal_value, currency, expected_close, owner_id, lost_reason, stage_id, score_adjustment, cadence_enrolment,
      field_hlc)
    select rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
      f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
      coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
      f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, coalesce(f.score_adjustment, 0),
      f.cadence_enrolment, private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.prospects, fields) f
    on conflict do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.prospects p where p.id = rid for update;
  if not found then
    if fields ?& '{name,source}' then
      -- Skipped by a conflict, yet not ours: the slug is taken, or the id belongs to another team.
      perform private.check_slug(team, rid, fields ->> 'linkedin_slug');
      raise exception using errcode = '23505', message = 'this id is already used outside this team';
    end if;
    insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
      linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
      deal_value, currency, expected_close, owner_id, lost_reason, stage_id, score_adjustment, cadence_enrolment,
      field_hlc)
    select rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
      f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
      coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
      f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, coalesce(f.score_adjustment, 0),
      f.cadence_enrolment, private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.prospects, fields) f;  -- fails: a required field is missing
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this prospect belongs to another team';
  end if;

  -- stage_id only seeds a new prospect; afterwards the stage is the latest stage change.
  win := private.merge_winners(fields - 'stage_id', hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  if win ? 'linkedin_slug' then
    perform private.check_slug(team, rid, win ->> 'linkedin_slug');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.prospects p
     set name = r.name, headline = r.headline, title = r.title, company = r.company, location = r.location,
         photo_url = r.photo_url, linkedin_url = r.linkedin_url, linkedin_slug = r.linkedin_slug,
         emails = r.emails, source = r.source, temperature_override = r.temperature_override, score = r.score,
         score_breakdown = r.score_breakdown, mql_at = r.mql_at, sql_at = r.sql_at, sql_checklist = r.sql_checklist,
         deal_value = r.deal_value, currency = r.currency, expected_close = r.expected_close,
         owner_id = r.owner_id, lost_reason = r.lost_reason,
         score_adjustment = r.score_adjustment, cadence_enrolment = r.cadence_enrolment,
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where p.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'you may not change this prospect';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Cadence steps run in list order, so their days must not decrease (equal days are fine: two
-- touches on one day). The extension validates the same (lib/model/cadence.ts). The other rules
-- are unchanged, and now hold for every step: before, a step without "day" or "channel" made its
-- rule null rather than false, and bool_and skips nulls, so [{}] passed. Days are compared as jsonb
-- numbers, which never fails on a malformed step (the other rules reject those).

create or replace function private.valid_cadence_steps(steps jsonb) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select jsonb_typeof(steps) = 'array'
     and jsonb_array_length(steps) <= 50
     and coalesce((
       select bool_and(coalesce(
                jsonb_typeof(x.s) = 'object'
                and jsonb_typeof(x.s -> 'day') = 'number'
                and (x.s ->> 'day') ~ '^[0-9]{1,3}$'
                and (x.s ->> 'day')::int <= 365
                and (x.s ->> 'channel') in ('linkedin_message', 'connection_request', 'email', 'call', 'meeting', 'note')
                and (not x.s ? 'note' or (jsonb_typeof(x.s -> 'note') = 'string' and char_length(x.s ->> 'note') <= 2000))
                and (x.prev_day is null or x.s -> 'day' >= x.prev_day),
              false))
       from (select a.s, lag(a.s -> 'day') over (order by a.o) as prev_day
               from jsonb_array_elements(case when jsonb_typeof(steps) = 'array' then steps else '[]' end)
                    with ordinality as a(s, o)) x
     ), true)
$$;

-- A cadence stored before this rule with its days out of order (only possible by direct SQL: the
-- extension always validated the order) would now fail its check on any later update, even a
-- rename or a delete. Put its steps in day order, keeping the list order among equal days; the
-- edit syncs out like any direct edit. A cadence that would still be invalid after sorting (a step
-- without a day or channel, from the hole above) is left as it is for an admin to fix: a push of
-- its whole steps list replaces it.
update public.cadences c
   set steps = d.sorted
  from (select c2.id,
               (select jsonb_agg(a.s order by case when (a.s ->> 'day') ~ '^[0-9]{1,3}$' then (a.s ->> 'day')::int end, a.o)
                  from jsonb_array_elements(c2.steps) with ordinality as a(s, o)) as sorted
          from public.cadences c2
         where not private.valid_cadence_steps(c2.steps)) d
 where c.id = d.id and private.valid_cadence_steps(d.sorted);
