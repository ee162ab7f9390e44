-- LinkedIn member id as a third identity key (issue "Beyond the profile", item 2).
--
-- LinkedIn links some people by an opaque member id (`/in/ACoA…`, `urn:li:fsd_profile:ACoA…`,
-- Sales Navigator's `ACwA…` lead ids) instead of their vanity slug. The extension keeps it beside
-- the slug and e-mail addresses (lib/sites/linkedin/url.ts, lib/model/prospect.ts), so a person
-- first seen by id is recognised on the next page that shows the id, and gains the slug later
-- without a duplicate. Here it is:
--   * prospects.linkedin_member_id: the id exactly as LinkedIn writes it (case matters: it is not
--     lower-cased like a slug), format-checked;
--   * one live prospect per member id per team (a unique partial index, which is also the lookup
--     index); another team may hold the same id; tombstones free it, as they free slugs;
--   * a field like linkedin_slug in sync_push (last writer by field clock, with a conflict check
--     naming the prospect that holds the id) and in sync_pull (the whole row, as before);
--   * a merge keeps the survivor's id, or takes the merged-away person's when the survivor had none.
--
-- Additive: push_prospect (last defined in 20261126140000_playbook.sql) and merge_history (in
-- 20261205152000_merge.sql) are replaced with the same names and signatures, carrying everything
-- they did forward; the field-clock trigger's column list gains the new column.

alter table public.prospects
  add column linkedin_member_id text
    constraint prospects_linkedin_member_id_check check (linkedin_member_id ~ '^AC[ow]A[A-Za-z0-9_-]{20,100}$');

comment on column public.prospects.linkedin_member_id is
  'LinkedIn''s opaque member id (ACoA…, or Sales Navigator''s ACwA…) as written, case kept; one live prospect per id per team.';

create unique index prospects_team_member_id_live on public.prospects (team_id, linkedin_member_id)
  where deleted_at is null and linkedin_member_id is not null;

-- Direct edits (outside sync_push) stamp the server clock for each changed field: the column list
-- of 20261126140000_playbook.sql plus the member id. Same name, so it still fires in the same order.
drop trigger c_field_hlc on public.prospects;
create trigger c_field_hlc before insert or update on public.prospects
  for each row execute function private.stamp_field_hlc(
    'name', 'headline', 'title', 'company', 'location', 'photo_url', 'linkedin_url', 'linkedin_slug',
    'emails', 'source', 'temperature_override', 'score', 'score_breakdown', 'mql_at', 'sql_at',
    'sql_checklist', 'deal_value', 'currency', 'expected_close', 'owner_id', 'lost_reason',
    'score_adjustment', 'cadence_enrolment', 'linkedin_member_id');

-- ---------------------------------------------------------------------------------------------
-- sync_push: the prospect upsert accepts linkedin_member_id, on creation and on merge, and names
-- the live prospect holding an id before the unique index would refuse it without saying whose it
-- is (as check_slug does for slugs; inline, so the set of private functions callers may execute is
-- unchanged). Otherwise as in 20261126140000_playbook.sql.

create or replace function private.push_prospect(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.prospects%rowtype;
  r public.prospects%rowtype;
  win jsonb;
  holder uuid;
  member_id text;
  bad text := private.unknown_fields(fields, '{name,headline,title,company,location,photo_url,linkedin_url,
    linkedin_slug,emails,source,temperature_override,score,score_breakdown,mql_at,sql_at,sql_checklist,deal_value,
    currency,expected_close,owner_id,lost_reason,stage_id,score_adjustment,cadence_enrolment,linkedin_member_id}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only prospect field(s): ' || bad);
  end if;
  -- A creation (the common case in a batch) goes straight to the insert; the unique indexes
  -- (id, slug, member id) do the existence and duplicate checks, and only when one fires do we look further.
  if fields ?& '{name,source}' then
    insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
      linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
      deal_value, currency, expected_close, owner_id, lost_reason, stage_id, score_adjustment, cadence_enrolment,
      linkedin_member_id, field_hlc)
    select rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
      f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
      coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
      f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, coalesce(f.score_adjustment, 0),
      f.cadence_enrolment, f.linkedin_member_id, private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.prospects, fields) f
    on conflict do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.prospects p where p.id = rid for update;
  if not found then
    if fields ?& '{name,source}' then
      -- Skipped by a conflict, yet not ours: the slug or member id is taken, or the id belongs to another team.
      perform private.check_slug(team, rid, fields ->> 'linkedin_slug');
      member_id := fields ->> 'linkedin_member_id';
      select p.id into holder from public.prospects p
       where p.team_id = team and p.linkedin_member_id = member_id and p.deleted_at is null and p.id <> rid;
      if found then
        raise exception using errcode = '23505', constraint = 'prospects_team_member_id_live', detail = holder::text,
          message = format('linkedin_member_id %s already belongs to prospect %s', member_id, holder);
      end if;
      raise exception using errcode = '23505', message = 'this id is already used outside this team';
    end if;
    insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
      linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
      deal_value, currency, expected_close, owner_id, lost_reason, stage_id, score_adjustment, cadence_enrolment,
      linkedin_member_id, field_hlc)
    select rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
      f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
      coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
      f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, coalesce(f.score_adjustment, 0),
      f.cadence_enrolment, f.linkedin_member_id, private.hlc_map(fields, hlc)
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
  -- A tombstone holds no key, so only a live prospect's new id is checked.
  if win ? 'linkedin_member_id' and cur.deleted_at is null then
    member_id := win ->> 'linkedin_member_id';
    select p.id into holder from public.prospects p
     where p.team_id = team and p.linkedin_member_id = member_id and p.deleted_at is null and p.id <> rid;
    if found then
      raise exception using errcode = '23505', constraint = 'prospects_team_member_id_live', detail = holder::text,
        message = format('linkedin_member_id %s already belongs to prospect %s', member_id, holder);
    end if;
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
         linkedin_member_id = r.linkedin_member_id,
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where p.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'you may not change this prospect';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- A merge: the survivor keeps its member id, or takes the merged-away person's (whose tombstone no
-- longer holds it) when it had none — as with the slug. Otherwise as in 20261205152000_merge.sql.

create or replace function private.merge_history() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  keep public.prospects%rowtype;
  latest public.stage_changes%rowtype;
begin
  update public.touches t set prospect_id = new.merged_into
   where t.team_id = new.team_id and t.prospect_id = new.id;
  update public.stage_changes c set prospect_id = new.merged_into
   where c.team_id = new.team_id and c.prospect_id = new.id;
  select * into keep from public.prospects p where p.id = new.merged_into for update;
  update public.prospects p
     set emails = (select coalesce(array_agg(d.e order by d.o), '{}')
                     from (select u.e, min(u.o) as o
                             from unnest(keep.emails || new.emails) with ordinality as u(e, o)
                            group by u.e order by min(u.o) limit 20) d),
         linkedin_slug = coalesce(keep.linkedin_slug, new.linkedin_slug),
         linkedin_member_id = coalesce(keep.linkedin_member_id, new.linkedin_member_id),
         linkedin_url = coalesce(keep.linkedin_url, new.linkedin_url)
   where p.id = keep.id;
  -- The survivor's stage is the latest of both histories, as for any stage change.
  select * into latest from public.stage_changes c
   where c.prospect_id = keep.id order by c.changed_at desc, c.id desc limit 1;
  if found then
    update public.prospects p
       set stage_id = latest.to_stage_id, stage_entered_at = latest.changed_at, stage_change_id = latest.id
     where p.id = keep.id and p.stage_change_id is distinct from latest.id;
  end if;
  return null;
end;
$$;

-- Replacing a function keeps its privileges; said again so this file reads whole.
revoke execute on function private.merge_history() from public, anon, authenticated;
revoke execute on function private.push_prospect(uuid, uuid, uuid, text, jsonb) from public, anon;
grant execute on function private.push_prospect(uuid, uuid, uuid, text, jsonb) to authenticated;
