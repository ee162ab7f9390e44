-- Sync API: sync_push(team_id, changes) and sync_pull(team_id, since, lim). The wire format is
-- documented in supabase/README.md; the extension's sync client is built against it.
--
-- sync_push runs as the caller (security invoker): RLS and the table triggers are the one source
-- of truth for who may change what, for sync and for direct table access alike.

-- The helpers below run thousands of times per batch: plpgsql keeps their plans, while a SQL
-- function with a SET clause is re-planned on every call.

-- Hybrid logical clock: 15-digit zero-padded Unix millis, 6-char base-36 counter, node id (the
-- format sync_push checks). Fixed widths make plain byte order (collation "C") the causal order.
create function private.hlc_time(hlc text) returns timestamptz
language plpgsql immutable parallel safe set search_path = '' as $$
begin
  return to_timestamp(left(hlc, 15)::bigint / 1000.0);
end;
$$;

create function private.result(mutation_id uuid, status text, code text default null, reason text default null,
                               conflict_id uuid default null) returns jsonb
language plpgsql immutable set search_path = '' as $$
begin
  return jsonb_strip_nulls(jsonb_build_object('mutation_id', mutation_id, 'status', status, 'code', code,
                                              'reason', reason, 'conflict_id', conflict_id));
end;
$$;

-- The fields of an edit that win against the row: an edit's field applies only if its clock is
-- later than the clock of the value in place. Equal clocks (one node replaying, or two nodes
-- sharing an id) fall back to comparing the values, so even then both orders agree.
create function private.merge_winners(fields jsonb, hlc text, field_hlc jsonb, cur jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
begin
  return (select coalesce(jsonb_object_agg(f.key, f.value), '{}')
            from jsonb_each(fields) f
           where hlc collate "C" > coalesce(field_hlc ->> f.key, '') collate "C"
              or (hlc = field_hlc ->> f.key
                  and f.value::text collate "C" > coalesce(cur -> f.key, 'null'::jsonb)::text collate "C"));
end;
$$;

create function private.hlc_map(fields jsonb, hlc text) returns jsonb
language plpgsql immutable set search_path = '' as $$
begin
  return (select coalesce(jsonb_object_agg(k, hlc), '{}') from jsonb_object_keys(fields) k);
end;
$$;

-- Names of fields not in the entity's writable list, or null.
create function private.unknown_fields(fields jsonb, allowed text[]) returns text
language plpgsql immutable set search_path = '' as $$
begin
  if fields - allowed = '{}'::jsonb then
    return null;  -- the common case, without a query
  end if;
  return (select string_agg(k, ', ' order by k) from jsonb_object_keys(fields) k where k <> all (allowed));
end;
$$;

-- One live prospect per LinkedIn slug per team. Checked up front to name the prospect that has it;
-- the unique index prospects_team_slug_live still guarantees it.
create function private.check_slug(team uuid, prospect uuid, slug text) returns void
language plpgsql stable set search_path = '' as $$
declare
  holder uuid;
begin
  if slug is null then
    return;
  end if;
  select p.id into holder from public.prospects p
   where p.team_id = team and p.linkedin_slug = lower(btrim(slug)) and p.deleted_at is null and p.id <> prospect;
  if found then
    raise exception using errcode = '23505', constraint = 'prospects_team_slug_live', detail = holder::text,
      message = format('linkedin_slug %s already belongs to prospect %s', lower(btrim(slug)), holder);
  end if;
end;
$$;

-- Tombstones. A delete is final (later edits still merge into the row, but it stays deleted), and
-- deleted_at is the earliest delete's clock time, so concurrent deletes agree too.
create function private.push_delete(tbl text, team uuid, mutation_id uuid, rid uuid, hlc text) returns jsonb
language plpgsql set search_path = '' as $$
declare
  row_team uuid;
  row_deleted timestamptz;
  at timestamptz := private.hlc_time(hlc);
  n integer;
begin
  execute format('select t.team_id, t.deleted_at from public.%I t where t.id = $1', tbl)
     into row_team, row_deleted using rid;
  if row_team is null then
    return private.result(mutation_id, 'applied', 'not_found', 'nothing to delete: no such row');
  end if;
  if row_team <> team then
    raise exception using errcode = '42501', message = 'this row belongs to another team';
  end if;
  if row_deleted is not null and row_deleted <= at then
    return private.result(mutation_id, 'applied');
  end if;
  if tbl = 'stages' and exists (select 1 from public.prospects p
                                 where p.team_id = team and p.stage_id = rid and p.deleted_at is null) then
    raise exception using errcode = '23503', message = 'this stage still holds prospects: move them first';
  end if;
  execute format('update public.%I t set deleted_at = $2 where t.id = $1', tbl) using rid, at;
  get diagnostics n = row_count;
  if n = 0 then
    raise exception using errcode = '42501', message = format('you may not delete this %s row', tbl);
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Per-entity upserts. Static SQL (cached plans) because a batch runs thousands of them.

create function private.push_prospect(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.prospects%rowtype;
  r public.prospects%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{name,headline,title,company,location,photo_url,linkedin_url,
    linkedin_slug,emails,source,temperature_override,score,score_breakdown,mql_at,sql_at,sql_checklist,deal_value,
    currency,expected_close,owner_id,lost_reason,stage_id}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only prospect field(s): ' || bad);
  end if;
  -- A creation (the common case in a batch) goes straight to the insert; the unique indexes
  -- (id, slug) do the existence and duplicate checks, and only when one fires do we look further.
  if fields ?& '{name,source}' then
    insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
      linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
      deal_value, currency, expected_close, owner_id, lost_reason, stage_id, field_hlc)
    select rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
      f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
      coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
      f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, private.hlc_map(fields, hlc)
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
      deal_value, currency, expected_close, owner_id, lost_reason, stage_id, field_hlc)
    select rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
      f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
      coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
      f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, private.hlc_map(fields, hlc)
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
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where p.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'you may not change this prospect';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

create function private.push_follow_up(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.follow_ups%rowtype;
  r public.follow_ups%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{prospect_id,assignee_id,title,note,channel,due_at,done_at,
    snoozed_until,cadence_id,cadence_step}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only follow_up field(s): ' || bad);
  end if;
  if fields ?& '{prospect_id,title,due_at}' then
    insert into public.follow_ups (id, team_id, prospect_id, assignee_id, title, note, channel, due_at, done_at,
      snoozed_until, cadence_id, cadence_step, field_hlc)
    select rid, team, f.prospect_id, f.assignee_id, f.title, f.note, f.channel, f.due_at, f.done_at,
      f.snoozed_until, f.cadence_id, f.cadence_step, private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.follow_ups, fields) f
    on conflict (id) do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.follow_ups f where f.id = rid for update;
  if not found then
    insert into public.follow_ups (id, team_id, prospect_id, assignee_id, title, note, channel, due_at, done_at,
      snoozed_until, cadence_id, cadence_step, field_hlc)
    select rid, team, f.prospect_id, f.assignee_id, f.title, f.note, f.channel, f.due_at, f.done_at,
      f.snoozed_until, f.cadence_id, f.cadence_step, private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.follow_ups, fields) f;  -- fails with the reason
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this follow-up belongs to another team';
  end if;
  win := private.merge_winners(fields, hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.follow_ups f
     set prospect_id = r.prospect_id, assignee_id = r.assignee_id, title = r.title, note = r.note,
         channel = r.channel, due_at = r.due_at, done_at = r.done_at, snoozed_until = r.snoozed_until,
         cadence_id = r.cadence_id, cadence_step = r.cadence_step,
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where f.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'you may not change this follow-up';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

create function private.push_stage(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.stages%rowtype;
  r public.stages%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{key,name,position,kind,win_probability,stale_days}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only stage field(s): ' || bad);
  end if;
  select * into cur from public.stages s where s.id = rid for update;
  if not found then
    insert into public.stages (id, team_id, key, name, position, kind, win_probability, stale_days, field_hlc)
    select rid, team, f.key, f.name, coalesce(f.position, 0), coalesce(f.kind, 'open'),
      coalesce(f.win_probability, 0), f.stale_days, private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.stages, fields) f;
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this stage belongs to another team';
  end if;
  win := private.merge_winners(fields, hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.stages s
     set key = r.key, name = r.name, position = r.position, kind = r.kind, win_probability = r.win_probability,
         stale_days = r.stale_days, field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where s.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'only owners and admins change stages';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

create function private.push_cadence(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.cadences%rowtype;
  r public.cadences%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{name,description,steps}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only cadence field(s): ' || bad);
  end if;
  select * into cur from public.cadences c where c.id = rid for update;
  if not found then
    insert into public.cadences (id, team_id, name, description, steps, field_hlc)
    select rid, team, f.name, f.description, coalesce(f.steps, '[]'), private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.cadences, fields) f;
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this cadence belongs to another team';
  end if;
  win := private.merge_winners(fields, hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.cadences c
     set name = r.name, description = r.description, steps = r.steps,
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where c.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'only owners and admins change cadences';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

create function private.push_team_settings(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.team_settings%rowtype;
  r public.team_settings%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{scoring_rules,mql_threshold,targets,default_currency}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only team_settings field(s): ' || bad);
  end if;
  if rid <> team then
    return private.result(mutation_id, 'rejected', 'invalid', 'team_settings id is the team id');
  end if;
  select * into cur from public.team_settings s where s.team_id = team for update;
  if not found then
    raise exception using errcode = '42501', message = 'only owners and admins change team settings';
  end if;
  win := private.merge_winners(fields, hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.team_settings s
     set scoring_rules = r.scoring_rules, mql_threshold = r.mql_threshold, targets = r.targets,
         default_currency = r.default_currency, field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where s.team_id = team;
  return private.result(mutation_id, 'applied');
end;
$$;

-- Touches and stage changes are append-only: the first write of an id wins for good. Sending the
-- same content again (a retry under a new mutation id) is a duplicate; different content is refused.
create function private.push_touch(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.touches%rowtype;
  r public.touches%rowtype;
  bad text := private.unknown_fields(fields, '{prospect_id,channel,direction,note,occurred_at,follow_up_id}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only touch field(s): ' || bad);
  end if;
  if fields ?& '{prospect_id,channel}' then
    insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, follow_up_id)
    select rid, team, f.prospect_id, f.channel, coalesce(f.direction, 'out'), f.note,
      coalesce(f.occurred_at, private.hlc_time(hlc)), f.follow_up_id
      from jsonb_populate_record(null::public.touches, fields) f
    on conflict (id) do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.touches t where t.id = rid;
  if not found then
    insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, follow_up_id)
    select rid, team, f.prospect_id, f.channel, coalesce(f.direction, 'out'), f.note,
      coalesce(f.occurred_at, private.hlc_time(hlc)), f.follow_up_id
      from jsonb_populate_record(null::public.touches, fields) f;  -- fails with the reason
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this touch belongs to another team';
  end if;
  r := jsonb_populate_record(cur, fields);
  if (r.prospect_id, r.channel, r.direction, r.note, r.occurred_at, r.follow_up_id)
     is not distinct from (cur.prospect_id, cur.channel, cur.direction, cur.note, cur.occurred_at, cur.follow_up_id) then
    return private.result(mutation_id, 'duplicate', 'same_content', 'this touch is already recorded');
  end if;
  return private.result(mutation_id, 'rejected', 'append_only', 'touches are append-only: log a new touch instead');
end;
$$;

create function private.push_stage_change(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.stage_changes%rowtype;
  r public.stage_changes%rowtype;
  bad text := private.unknown_fields(fields, '{prospect_id,from_stage_id,to_stage_id,changed_at,note}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only stage_change field(s): ' || bad);
  end if;
  if fields ?& '{prospect_id,to_stage_id}' then
    insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, note)
    select rid, team, f.prospect_id, f.from_stage_id, f.to_stage_id, coalesce(f.changed_at, private.hlc_time(hlc)), f.note
      from jsonb_populate_record(null::public.stage_changes, fields) f
    on conflict (id) do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.stage_changes c where c.id = rid;
  if not found then
    insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, note)
    select rid, team, f.prospect_id, f.from_stage_id, f.to_stage_id, coalesce(f.changed_at, private.hlc_time(hlc)), f.note
      from jsonb_populate_record(null::public.stage_changes, fields) f;  -- fails with the reason
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this stage change belongs to another team';
  end if;
  r := jsonb_populate_record(cur, fields);
  if (r.prospect_id, r.from_stage_id, r.to_stage_id, r.changed_at, r.note)
     is not distinct from (cur.prospect_id, cur.from_stage_id, cur.to_stage_id, cur.changed_at, cur.note) then
    return private.result(mutation_id, 'duplicate', 'same_content', 'this stage change is already recorded');
  end if;
  return private.result(mutation_id, 'rejected', 'append_only', 'stage changes are append-only: record a new one instead');
end;
$$;

-- ---------------------------------------------------------------------------------------------

-- One mutation, already known to be well-formed. Item-level problems come back as a 'rejected'
-- result or as an exception of the classes sync_push catches; anything else aborts the call.
create function private.push_item(team uuid, my_role public.team_role, item jsonb, is_dup boolean) returns jsonb
language plpgsql set search_path = '' as $$
declare
  mid uuid := (item ->> 'mutation_id')::uuid;
  entity text := item ->> 'entity';
  op text := item ->> 'op';
  rid uuid := (item ->> 'id')::uuid;
  hlc text := item ->> 'hlc';
  fields jsonb := coalesce(item -> 'fields', '{}');
begin
  if is_dup then
    return private.result(mid, 'duplicate');
  elsif entity not in ('prospect', 'touch', 'follow_up', 'stage_change', 'cadence', 'stage', 'team_settings') then
    return private.result(mid, 'rejected', 'unknown_entity', format('unknown entity %s', entity));
  elsif op not in ('upsert', 'delete') then
    return private.result(mid, 'rejected', 'invalid', 'op must be upsert or delete');
  elsif private.hlc_time(hlc) > now() + interval '1 hour' then
    return private.result(mid, 'rejected', 'invalid', 'hlc is more than an hour ahead of the server clock');
  elsif entity in ('cadence', 'stage', 'team_settings') and my_role = 'rep' then
    return private.result(mid, 'rejected', 'forbidden', format('only owners and admins change %ss', entity));
  elsif op = 'delete' and entity in ('stage_change', 'team_settings') then
    return private.result(mid, 'rejected', 'append_only', format('a %s cannot be deleted', entity));
  elsif op = 'delete' then
    return private.push_delete(case entity when 'prospect' then 'prospects' when 'touch' then 'touches'
                                           when 'follow_up' then 'follow_ups' when 'cadence' then 'cadences'
                                           else 'stages' end, team, mid, rid, hlc);
  end if;
  return case entity
    when 'prospect' then private.push_prospect(team, mid, rid, hlc, fields)
    when 'touch' then private.push_touch(team, mid, rid, hlc, fields)
    when 'follow_up' then private.push_follow_up(team, mid, rid, hlc, fields)
    when 'stage_change' then private.push_stage_change(team, mid, rid, hlc, fields)
    when 'cadence' then private.push_cadence(team, mid, rid, hlc, fields)
    when 'stage' then private.push_stage(team, mid, rid, hlc, fields)
    else private.push_team_settings(team, mid, rid, hlc, fields)
  end;
end;
$$;

-- sync_push(team_id, changes) → {"results": [{mutation_id, status, code?, reason?, conflict_id?}, ...]}
-- in input order. One transaction: either the whole call fails with an error and nothing changed
-- (malformed batch, not a member, not signed in), or every item is applied, duplicate or rejected.
create function public.sync_push(team_id uuid, changes jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = '' as $$
declare
  max_items constant integer := 10000;
  max_bytes constant integer := 16 * 1024 * 1024;
  -- Items are applied optimistically in ranges of this size, one subtransaction per range.
  chunk constant integer := 256;
  team uuid := sync_push.team_id;
  uid uuid := private.require_user();
  my_role public.team_role;
  problem text;
  items jsonb[];
  dup boolean[];
  results jsonb[];
  n integer;
  lo integer;
  hi integer;
  los integer[] := '{}'::integer[];
  his integer[] := '{}'::integer[];
  mid uuid;
  err_constraint text;
  err_detail text;
  err_message text;
begin
  my_role := private.member_role(team);
  if my_role is null then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;

  -- The whole batch is checked before anything is written, so a malformed call changes nothing.
  if changes is null or jsonb_typeof(changes) <> 'array' then
    raise exception using errcode = '22023', message = 'changes must be a JSON array of mutations';
  end if;
  n := jsonb_array_length(changes);
  if n > max_items then
    raise exception using errcode = '22023',
      message = format('too many mutations: %s (at most %s per call)', n, max_items);
  end if;
  if pg_column_size(changes) > max_bytes then  -- the stored size: O(1), unlike rendering the text
    raise exception using errcode = '22023', message = format('batch too large (at most %s bytes)', max_bytes);
  end if;
  select format('changes[%s]: %s', x.o - 1, x.problem) into problem
    from (select o, case
            when jsonb_typeof(e) <> 'object' then 'a mutation must be an object'
            when jsonb_typeof(e -> 'mutation_id') is distinct from 'string'
                 or (e ->> 'mutation_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then 'mutation_id must be a uuid string'
            when jsonb_typeof(e -> 'entity') is distinct from 'string' then 'entity must be a string'
            when jsonb_typeof(e -> 'op') is distinct from 'string' then 'op must be a string'
            when jsonb_typeof(e -> 'id') is distinct from 'string'
                 or (e ->> 'id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then 'id must be a uuid string'
            when jsonb_typeof(e -> 'hlc') is distinct from 'string'
                 or (e ->> 'hlc') !~ '^[0-9]{15}-[0-9a-z]{6}-[A-Za-z0-9_-]{1,64}$'
              then 'hlc must look like 001732630000000-000000-node (15-digit millis, 6-char base-36 counter, node id)'
            when e ? 'fields' and jsonb_typeof(e -> 'fields') <> 'object' then 'fields must be an object'
            when e ->> 'op' = 'upsert' and not e ? 'fields' then 'an upsert needs fields'
          end as problem
          from jsonb_array_elements(changes) with ordinality as a(e, o)) x
   where x.problem is not null
   order by x.o
   limit 1;
  if problem is not null then
    raise exception using errcode = '22023', message = problem;
  end if;

  -- Each item, and whether it was applied before or repeats an earlier item of this batch.
  select coalesce(array_agg(d.e order by d.o), '{}'), coalesce(array_agg(d.dup order by d.o), '{}')
    into items, dup
    from (select a.o, a.e,
                 row_number() over (partition by lower(a.e ->> 'mutation_id') order by a.o) > 1
                 or exists (select 1 from private.applied_mutations am
                             where am.team_id = team and am.mutation_id = (a.e ->> 'mutation_id')::uuid) as dup
            from jsonb_array_elements(changes) with ordinality as a(e, o)) d;
  results := array_fill(null::jsonb, array[n]);

  -- Take the team's cursor lock now rather than at the first row, so a big batch never queues
  -- behind a writer while already holding row locks.
  perform pg_advisory_xact_lock(1246516562, hashtext(team::text));
  perform set_config('jalur.sync', 'on', true);

  -- A subtransaction per item would isolate failures, but every committed one leaves an XID lock
  -- behind until commit, and with thousands the lock bookkeeping grows quadratically. So items run
  -- in ranges, each in one subtransaction; a range that hits an item error is rolled back and
  -- split in half, down to the single bad item, which is then reported as rejected. The items
  -- around it are applied in the same order as they would be one by one.
  for i in reverse ((n + chunk - 1) / chunk - 1)..0 loop
    los := array_append(los, i * chunk + 1);
    his := array_append(his, least((i + 1) * chunk, n));
  end loop;
  while cardinality(los) > 0 loop
    lo := los[cardinality(los)];
    hi := his[cardinality(his)];
    los := los[1:cardinality(los) - 1];
    his := his[1:cardinality(his) - 1];
    begin
      for i in lo..hi loop
        results[i] := private.push_item(team, my_role, items[i], dup[i]);
      end loop;
    -- Only data and permission errors reject an item; anything else (deadlock, timeout, bug)
    -- aborts the call so the client retries the whole batch.
    exception when insufficient_privilege or integrity_constraint_violation or data_exception or raise_exception then
      if lo < hi then
        los := los || array[(lo + hi) / 2 + 1, lo];
        his := his || array[hi, (lo + hi) / 2];
      else
        get stacked diagnostics err_message = message_text, err_detail = pg_exception_detail,
                                err_constraint = constraint_name;
        mid := (items[lo] ->> 'mutation_id')::uuid;
        results[lo] := case
          when sqlstate = '42501' then private.result(mid, 'rejected', 'forbidden', err_message)
          when sqlstate = '23505' then private.result(mid, 'rejected', 'conflict', err_message,
                                         case when err_detail ~* '^[0-9a-f-]{36}$' then err_detail::uuid end)
          when sqlstate = '23503' then private.result(mid, 'rejected', 'invalid', coalesce(
                                         substring(err_constraint from '_team_id_([a-z_]+)_fkey$') || ' refers to nothing in this team',
                                         err_message))
          else private.result(mid, 'rejected', 'invalid', err_message)
        end;
      end if;
    end;
  end loop;

  insert into private.applied_mutations (team_id, mutation_id, user_id)
  select team, (r ->> 'mutation_id')::uuid, uid from unnest(results) r where r ->> 'status' = 'applied';
  perform set_config('jalur.sync', '', true);
  return jsonb_build_object('results', to_jsonb(results));
end;
$$;

-- sync_pull(team_id, since, lim) → {"changes": [{entity, id, seq, data}], "next_cursor", "has_more"}:
-- every row of the team whose change_seq is above since, oldest first, tombstones included, each
-- row once at its latest version. Pass next_cursor back as since until has_more is false.
--
-- Security definer with the membership check below instead of RLS: for every pulled table the
-- read policy is exactly "a live member of the row's team", and evaluating it in each of the
-- eighteen subqueries made a small pull several times slower.
create function public.sync_pull(team_id uuid, since bigint default 0, lim integer default 1000) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  team uuid := sync_pull.team_id;
  cursor_from bigint := coalesce(sync_pull.since, 0);
  n integer := coalesce(sync_pull.lim, 1000);
  page_json jsonb;
  picked_count integer;
  last_seq bigint;
begin
  perform private.require_user();
  if private.member_role(team) is null then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;
  if cursor_from < 0 then
    raise exception using errcode = '22023', message = 'since must be 0 or a next_cursor from an earlier pull';
  end if;
  if n not between 1 and 5000 then
    raise exception using errcode = '22023', message = 'lim must be between 1 and 5000';
  end if;

  with picked as (
    select u.entity, u.id, u.seq
      from ((select 'team' as entity, t.id, t.change_seq as seq from public.teams t
              where t.id = team and t.change_seq > cursor_from and t.change_seq > 0)
            union all
            (select 'team_member', m.user_id, m.change_seq from public.team_members m
              where m.team_id = team and m.change_seq > cursor_from and m.change_seq > 0 order by m.change_seq limit n + 1)
            union all
            (select 'team_settings', s.team_id, s.change_seq from public.team_settings s
              where s.team_id = team and s.change_seq > cursor_from and s.change_seq > 0)
            union all
            (select 'stage', s.id, s.change_seq from public.stages s
              where s.team_id = team and s.change_seq > cursor_from and s.change_seq > 0 order by s.change_seq limit n + 1)
            union all
            (select 'cadence', c.id, c.change_seq from public.cadences c
              where c.team_id = team and c.change_seq > cursor_from and c.change_seq > 0 order by c.change_seq limit n + 1)
            union all
            (select 'prospect', p.id, p.change_seq from public.prospects p
              where p.team_id = team and p.change_seq > cursor_from and p.change_seq > 0 order by p.change_seq limit n + 1)
            union all
            (select 'follow_up', f.id, f.change_seq from public.follow_ups f
              where f.team_id = team and f.change_seq > cursor_from and f.change_seq > 0 order by f.change_seq limit n + 1)
            union all
            (select 'touch', t.id, t.change_seq from public.touches t
              where t.team_id = team and t.change_seq > cursor_from and t.change_seq > 0 order by t.change_seq limit n + 1)
            union all
            (select 'stage_change', c.id, c.change_seq from public.stage_changes c
              where c.team_id = team and c.change_seq > cursor_from and c.change_seq > 0 order by c.change_seq limit n + 1)) u
     order by u.seq
     limit n + 1
  ), page as (
    select * from picked order by seq limit n
  )
  select coalesce(jsonb_agg(jsonb_build_object('entity', p.entity, 'id', p.id, 'seq', p.seq, 'data', d.data)
                            order by p.seq), '[]'),
         (select count(*) from picked), max(p.seq)
    into page_json, picked_count, last_seq
    from page p
   cross join lateral (
     select case p.entity
              when 'prospect' then (select to_jsonb(x) from public.prospects x where x.id = p.id)
              when 'touch' then (select to_jsonb(x) from public.touches x where x.id = p.id)
              when 'follow_up' then (select to_jsonb(x) from public.follow_ups x where x.id = p.id)
              when 'stage_change' then (select to_jsonb(x) from public.stage_changes x where x.id = p.id)
              when 'stage' then (select to_jsonb(x) from public.stages x where x.id = p.id)
              when 'cadence' then (select to_jsonb(x) from public.cadences x where x.id = p.id)
              when 'team_member' then (select to_jsonb(x) from public.team_members x
                                        where x.team_id = team and x.user_id = p.id)
              when 'team_settings' then (select to_jsonb(x) from public.team_settings x where x.team_id = p.id)
              when 'team' then (select to_jsonb(x) from public.teams x where x.id = p.id)
            end as data
   ) d;

  return jsonb_build_object('changes', page_json, 'next_cursor', coalesce(last_seq, cursor_from), 'has_more', picked_count > n);
end;
$$;

revoke all on function public.sync_push(uuid, jsonb), public.sync_pull(uuid, bigint, integer) from public, anon;
grant execute on function public.sync_push(uuid, jsonb), public.sync_pull(uuid, bigint, integer)
  to authenticated, service_role;
