-- A hostile member of the same team (docs/SECURITY.md "Backend"): what a signed-in teammate could do
-- through the API that they must not, closed here. Additive: earlier migrations stay as deployed;
-- functions are replaced under the same names and signatures.
--
--  1. Per-team change cursors: one global sequence let any member count other teams' writes.
--  2. Every text, jsonb and array field has a size cap (an e-mail address too), and times that
--     must be finite are.
--  3. Client times for stage changes and touches may not lie in the future (a stage change dated
--     9999-12-31 froze a deal's stage): sync_push dates them by the server's clock at the latest,
--     direct inserts beyond five minutes are refused; existing ones are repaired.
--  4. Only owners/admins or the prospect's current owner reassign a prospect (setting owner_id to
--     oneself used to unlock deleting anyone's prospect); restore_prospect lifts a tombstone for
--     whoever may delete the prospect.
--  5. Invites die with their creator's rights: join_team checks them, and removing or demoting a
--     member deletes the invites they could no longer create.
--  6. Member rows: nobody changes an e-mail or join date through the API, a display name only
--     one's own and not to a teammate's; removed members cannot change their row, and their
--     e-mail is blanked.
--  7. sync_push: at most 1,000 mutations a call, its own time limit, an over-long value is one
--     rejected item rather than a failed batch, and a refused item costs its range one re-run
--     instead of a bisection. sync_pull pages stop at about 1 MB as well as at
--     `lim` rows.
--  8. private functions: nobody but the API's own code paths may execute them.

-- ---------------------------------------------------------------------------------------------
-- 1. Per-team change cursors.
--
-- Each team draws change_seq from its own sequence, private.team_seq_<team id without dashes>,
-- created with the team (a BEFORE INSERT trigger that fires before z_stamp) and dropped with it.
-- The ordering argument of private.stamp() is unchanged: the per-team advisory lock is taken
-- before nextval, so a team's numbers still become visible in order. Existing teams continue
-- above the last number of the old global sequence, so every stored cursor stays valid.

create function private.create_team_seq() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  seq text := 'team_seq_' || replace(new.id::text, '-', '');
begin
  execute format('create sequence if not exists private.%I as bigint cache 1', seq);
  -- Writers draw the number in private.stamp(), which runs as the writer.
  execute format('grant usage on sequence private.%I to authenticated, service_role', seq);
  return new;
end;
$$;

create function private.drop_team_seq() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  execute format('drop sequence if exists private.%I', 'team_seq_' || replace(old.id::text, '-', ''));
  return null;
end;
$$;

create trigger y_team_seq before insert on public.teams
  for each row execute function private.create_team_seq();
create trigger drop_team_seq after delete on public.teams
  for each row execute function private.drop_team_seq();

do $$
declare
  t uuid;
  start bigint := (select last_value + 1 from private.change_seq);
begin
  for t in select id from public.teams loop
    execute format('create sequence private.%I as bigint cache 1 start with %s',
                   'team_seq_' || replace(t::text, '-', ''), start);
    execute format('grant usage on sequence private.%I to authenticated, service_role',
                   'team_seq_' || replace(t::text, '-', ''));
  end loop;
end;
$$;

create or replace function private.stamp() returns trigger
language plpgsql set search_path = '' as $$
declare
  team uuid;
  client boolean := current_user in ('authenticated', 'anon');
begin
  if tg_table_name = 'teams' then
    team := new.id;
  else
    team := new.team_id;
  end if;

  if tg_op = 'INSERT' then
    if client or new.created_at is null then
      new.created_at := now();
    end if;
    new.updated_at := now();
  else
    if tg_table_name = 'teams' then
      if new.id is distinct from old.id then
        raise exception using errcode = '42501', message = 'a team id cannot change';
      end if;
    elsif new.team_id is distinct from old.team_id then
      raise exception using errcode = '42501', message = format('a %s row cannot move to another team', tg_table_name);
    end if;
    new.created_at := old.created_at;
    new.updated_at := now();
  end if;

  perform pg_advisory_xact_lock(1246516562, hashtext(team::text));  -- 1246516562 = 'JLUR'
  new.change_seq := nextval(('private.team_seq_' || replace(team::text, '-', ''))::regclass);
  return new;
end;
$$;

-- Nothing draws from the global sequence any more.
revoke all on sequence private.change_seq from authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- 3 (first, so the repairs below are stamped by the new rules). Client times.
--
-- A stage change or touch may be dated in the past (offline work, imports) but not in the future:
-- the latest stage change by changed_at is the current stage, and the latest touch decides when a
-- deal goes dark, so a date in the future would pin both. Direct table inserts more than five
-- minutes (clock skew) past the server's clock are refused; sync_push clamps to the server's
-- clock (below), so a device whose clock runs fast loses nothing.

create function private.guard_stage_change_time() returns trigger
language plpgsql set search_path = '' as $$
begin
  if current_user in ('authenticated', 'anon') and new.changed_at > now() + interval '5 minutes' then
    raise exception using errcode = '22023',
      message = 'changed_at is in the future (at most 5 minutes past the server clock)';
  end if;
  return new;
end;
$$;

create function private.guard_touch_time() returns trigger
language plpgsql set search_path = '' as $$
begin
  if current_user in ('authenticated', 'anon') and new.occurred_at > now() + interval '5 minutes' then
    raise exception using errcode = '22023',
      message = 'occurred_at is in the future (at most 5 minutes past the server clock)';
  end if;
  return new;
end;
$$;

create trigger a_guard_time before insert on public.touches
  for each row execute function private.guard_touch_time();
create trigger a_guard_time before insert on public.stage_changes
  for each row execute function private.guard_stage_change_time();

-- Repair what got in before: future and infinite dates become the time the server recorded the
-- row, and the prospects they moved get their current stage derived again. The append-only
-- guards refuse every update, so they step aside for this one statement each.
alter table public.stage_changes disable trigger a_guard_stage_change;
update public.stage_changes c set changed_at = c.created_at
 where c.changed_at > c.created_at + interval '5 minutes' or not isfinite(c.changed_at);
alter table public.stage_changes enable trigger a_guard_stage_change;

alter table public.touches disable trigger c_guard_touch;
update public.touches t set occurred_at = t.created_at
 where t.occurred_at > t.created_at + interval '5 minutes' or not isfinite(t.occurred_at);
alter table public.touches enable trigger c_guard_touch;

update public.prospects p
   set stage_id = l.to_stage_id, stage_entered_at = l.changed_at, stage_change_id = l.id
  from (select distinct on (c.prospect_id) c.prospect_id, c.id, c.to_stage_id, c.changed_at
          from public.stage_changes c
         order by c.prospect_id, c.changed_at desc, c.id desc) l
 where p.id = l.prospect_id
   and (p.stage_id, p.stage_entered_at, p.stage_change_id) is distinct from (l.to_stage_id, l.changed_at, l.id)
   and p.stage_change_id is not null;

-- sync_push never stores a touch's or stage change's time past the server's clock: a later one is
-- dated by the server's clock instead (a device whose clock runs fast keeps its moves, and a date
-- in 9999 becomes an ordinary move made now). Left out, the time is the hlc's, clamped the same
-- way. Sending the same content again is still a duplicate. Otherwise as in
-- 20261126120300_sync_api.sql.
create or replace function private.push_touch(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
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
      least(coalesce(f.occurred_at, private.hlc_time(hlc)), now()), f.follow_up_id
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
      least(coalesce(f.occurred_at, private.hlc_time(hlc)), now()), f.follow_up_id
      from jsonb_populate_record(null::public.touches, fields) f;  -- fails with the reason
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this touch belongs to another team';
  end if;
  r := jsonb_populate_record(cur, fields);
  -- The same content, its time clamped as on the first write, is a duplicate.
  if (r.prospect_id, r.channel, r.direction, r.note, r.follow_up_id)
     is not distinct from (cur.prospect_id, cur.channel, cur.direction, cur.note, cur.follow_up_id)
     and (r.occurred_at = cur.occurred_at or least(r.occurred_at, cur.created_at) = cur.occurred_at) then
    return private.result(mutation_id, 'duplicate', 'same_content', 'this touch is already recorded');
  end if;
  return private.result(mutation_id, 'rejected', 'append_only', 'touches are append-only: log a new touch instead');
end;
$$;

create or replace function private.push_stage_change(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
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
    select rid, team, f.prospect_id, f.from_stage_id, f.to_stage_id,
      least(coalesce(f.changed_at, private.hlc_time(hlc)), now()), f.note
      from jsonb_populate_record(null::public.stage_changes, fields) f
    on conflict (id) do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.stage_changes c where c.id = rid;
  if not found then
    insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, note)
    select rid, team, f.prospect_id, f.from_stage_id, f.to_stage_id,
      least(coalesce(f.changed_at, private.hlc_time(hlc)), now()), f.note
      from jsonb_populate_record(null::public.stage_changes, fields) f;  -- fails with the reason
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this stage change belongs to another team';
  end if;
  r := jsonb_populate_record(cur, fields);
  -- The same content, its time clamped as on the first write, is a duplicate.
  if (r.prospect_id, r.from_stage_id, r.to_stage_id, r.note)
     is not distinct from (cur.prospect_id, cur.from_stage_id, cur.to_stage_id, cur.note)
     and (r.changed_at = cur.changed_at or least(r.changed_at, cur.created_at) = cur.changed_at) then
    return private.result(mutation_id, 'duplicate', 'same_content', 'this stage change is already recorded');
  end if;
  return private.result(mutation_id, 'rejected', 'append_only', 'stage changes are append-only: record a new one instead');
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- 2. Size caps on every text, jsonb and array field.
--
-- Text columns already had character caps (at least the extension's, lib/model FIELD_LIMITS).
-- The jsonb ones get byte caps well above what the extension ever writes (lib/model/score.ts,
-- lib/pipeline/gates.ts, lib/model/settings.ts, lib/model/cadence.ts), measured as the stored
-- jsonb (pg_column_size: O(1)). An e-mail address is at most 254 characters (RFC 5321), which
-- also keeps every prospect_emails key far below the btree's 2.7 KB limit. Oversized values
-- already stored are reset to their defaults first (uncompressed size: `|| '[]'` rebuilds it).

update public.prospects set score_breakdown = '[]' where pg_column_size(score_breakdown || '[]'::jsonb) > 65536;
update public.prospects set sql_checklist = '{}' where pg_column_size(sql_checklist || '{}'::jsonb) > 4096;
update public.prospects p
   set emails = coalesce((select array_agg(e order by o) from unnest(p.emails) with ordinality u(e, o)
                           where char_length(e) <= 254), '{}')
 where array_to_string(p.emails, ' ') ~ '[^ ]{255}';
update public.prospects set mql_at = null where not isfinite(mql_at);
update public.prospects set sql_at = null where not isfinite(sql_at);
update public.prospects set expected_close = null where not isfinite(expected_close);
update public.team_settings set scoring_rules = '{}' where pg_column_size(scoring_rules || '{}'::jsonb) > 1048576;
update public.team_settings set targets = '{}' where pg_column_size(targets || '{}'::jsonb) > 65536;
update public.cadences set steps = '[]' where pg_column_size(steps || '[]'::jsonb) > 524288;
update public.follow_ups set due_at = created_at where not isfinite(due_at);
update public.follow_ups set done_at = null where not isfinite(done_at);
update public.follow_ups set snoozed_until = null where not isfinite(snoozed_until);

alter table public.prospects
  add constraint prospects_emails_length_check check (array_to_string(emails, ' ') !~ '[^ ]{255}'),
  add constraint prospects_score_breakdown_size_check check (pg_column_size(score_breakdown) <= 65536),
  add constraint prospects_sql_checklist_size_check check (pg_column_size(sql_checklist) <= 4096),
  add constraint prospects_field_hlc_size_check check (pg_column_size(field_hlc) <= 8192),
  add constraint prospects_times_finite_check check (isfinite(mql_at) and isfinite(sql_at) and isfinite(expected_close));
alter table public.prospect_emails
  add constraint prospect_emails_email_check check (char_length(email) <= 254);
alter table public.team_settings
  add constraint team_settings_scoring_rules_size_check check (pg_column_size(scoring_rules) <= 1048576),
  add constraint team_settings_targets_size_check check (pg_column_size(targets) <= 65536),
  add constraint team_settings_field_hlc_size_check check (pg_column_size(field_hlc) <= 8192);
alter table public.stages
  add constraint stages_field_hlc_size_check check (pg_column_size(field_hlc) <= 8192);
alter table public.cadences
  add constraint cadences_steps_size_check check (pg_column_size(steps) <= 524288),
  add constraint cadences_field_hlc_size_check check (pg_column_size(field_hlc) <= 8192);
alter table public.follow_ups
  add constraint follow_ups_field_hlc_size_check check (pg_column_size(field_hlc) <= 8192),
  add constraint follow_ups_times_finite_check check (isfinite(due_at) and isfinite(done_at) and isfinite(snoozed_until));
alter table public.touches
  add constraint touches_occurred_at_finite_check check (isfinite(occurred_at));
alter table public.stage_changes
  add constraint stage_changes_changed_at_finite_check check (isfinite(changed_at));

-- ---------------------------------------------------------------------------------------------
-- 4. Prospect ownership, deletes and restores.
--
-- owner_id may be changed by an owner or admin, or by the prospect's current owner (handing it
-- on), and only to a live member. The delete rule (an owner or admin, the prospect's owner or its
-- creator) reads the owner before the edit, which no rep can now make theirs. Otherwise as in
-- 20261126120000_schema.sql.

create or replace function private.prospect_defaults() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
  client boolean := current_user in ('authenticated', 'anon');
  role public.team_role;
begin
  -- DESIGN.md §3: slug lower-cased, e-mails trimmed and lower-cased, no duplicates, no blanks.
  new.linkedin_slug := nullif(lower(btrim(new.linkedin_slug)), '');
  if new.emails is null then
    new.emails := '{}';
  elsif tg_op = 'INSERT' or new.emails is distinct from old.emails then
    new.emails := coalesce((
      select array_agg(e order by first_pos)
        from (select lower(btrim(x)) as e, min(ord) as first_pos
                from unnest(new.emails) with ordinality as u(x, ord)
               where btrim(coalesce(x, '')) <> ''
               group by 1) d
    ), '{}');
  end if;

  if tg_op = 'INSERT' then
    if new.owner_id is null and uid is not null then
      new.owner_id := uid;
    end if;
    if client and new.owner_id is distinct from uid and not exists (
         select 1 from public.team_members m
          where m.team_id = new.team_id and m.user_id = new.owner_id and m.deleted_at is null) then
      raise exception using errcode = '22023', message = 'owner_id must be a member of the team';
    end if;
    if new.stage_id is null then
      select s.id into new.stage_id
        from public.stages s
       where s.team_id = new.team_id and s.kind = 'open' and s.deleted_at is null
       order by s.position, s.key
       limit 1;
    end if;
    if client then
      new.stage_change_id := null;
      new.stage_entered_at := now();
    else
      new.stage_entered_at := coalesce(new.stage_entered_at, now());
    end if;
    return new;
  end if;

  if client then
    if new.stage_id is distinct from old.stage_id
       or new.stage_entered_at is distinct from old.stage_entered_at
       or new.stage_change_id is distinct from old.stage_change_id then
      raise exception using errcode = '42501',
        message = 'a prospect''s stage is its latest stage change: insert into stage_changes instead';
    end if;
    if new.owner_id is distinct from old.owner_id
       or (old.deleted_at is null and new.deleted_at is not null) then
      select m.role into role from public.team_members m
       where m.team_id = new.team_id and m.user_id = uid and m.deleted_at is null;
    end if;
    if new.owner_id is distinct from old.owner_id then
      if role is distinct from 'owner' and role is distinct from 'admin' and uid is distinct from old.owner_id then
        raise exception using errcode = '42501',
          message = 'only the prospect''s owner or a team admin can give it to someone else';
      end if;
      if new.owner_id is not null and not exists (
           select 1 from public.team_members m
            where m.team_id = new.team_id and m.user_id = new.owner_id and m.deleted_at is null) then
        raise exception using errcode = '22023', message = 'owner_id must be a member of the team';
      end if;
    end if;
    if old.deleted_at is null and new.deleted_at is not null then
      if role is distinct from 'owner' and role is distinct from 'admin'
         and uid is distinct from old.owner_id and uid is distinct from old.created_by then
        raise exception using errcode = '42501',
          message = 'only the prospect''s owner, its creator or a team admin can delete it';
      end if;
    end if;
  end if;
  return new;
end;
$$;

-- restore_prospect(team_id, prospect_id): lifts a prospect's tombstone, and those of the follow-ups
-- its delete took along. Whoever may delete the prospect may restore it. Refused (23505) when a
-- live prospect has since taken its LinkedIn profile or an e-mail: merge into that one instead.
create function public.restore_prospect(team_id uuid, prospect_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  my_role public.team_role := private.member_role(restore_prospect.team_id);
  p public.prospects%rowtype;
begin
  if my_role is null then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;
  select * into p from public.prospects x
   where x.id = restore_prospect.prospect_id and x.team_id = restore_prospect.team_id
   for update;
  if not found then
    raise exception using errcode = '22023', message = 'no such prospect in this team';
  end if;
  if p.deleted_at is null then
    return;
  end if;
  if my_role not in ('owner', 'admin') and uid is distinct from p.owner_id and uid is distinct from p.created_by then
    raise exception using errcode = '42501',
      message = 'only the prospect''s owner, its creator or a team admin can restore it';
  end if;
  update public.prospects x set deleted_at = null where x.id = p.id;
  update public.follow_ups f set deleted_at = null
   where f.team_id = p.team_id and f.prospect_id = p.id and f.deleted_at = p.deleted_at;
end;
$$;
revoke all on function public.restore_prospect(uuid, uuid) from public, anon;
grant execute on function public.restore_prospect(uuid, uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- 5. Invites die with their creator's rights.

-- join_team(code): as before, and the invite only works while its creator may still create it
-- (a live owner, or a live admin for a rep invite). Otherwise as in 20261126120200_teams_api.sql.
create or replace function public.join_team(code text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  plain text := upper(regexp_replace(coalesce(join_team.code, ''), '[^A-Za-z0-9]', '', 'g'));
  invite public.team_invites%rowtype;
  me record;
begin
  select * into invite from public.team_invites v
   where v.code_hash = sha256(convert_to(plain, 'UTF8'))
   for update;
  if not found or invite.used_at is not null or invite.expires_at <= now()
     or not exists (select 1 from public.team_members m
                     where m.team_id = invite.team_id and m.user_id = invite.created_by and m.deleted_at is null
                       and (m.role = 'owner' or (m.role = 'admin' and invite.role = 'rep'))) then
    raise exception using errcode = 'P0001', message = 'this invite code is invalid, used or expired';
  end if;

  if exists (select 1 from public.team_members m
              where m.team_id = invite.team_id and m.user_id = uid and m.deleted_at is null) then
    return invite.team_id;  -- already in; keep the code for whoever it was meant for
  end if;

  select * into me from private.my_profile();
  insert into public.team_members (team_id, user_id, role, display_name, email)
  values (invite.team_id, uid, invite.role, me.display_name, me.email)
  on conflict (team_id, user_id) do update
     set role = excluded.role, display_name = excluded.display_name, email = excluded.email,
         joined_at = now(), deleted_at = null;
  update public.team_invites v set used_by = uid, used_at = now() where v.id = invite.id;
  return invite.team_id;
end;
$$;

-- Removing or demoting a member deletes the open invites they could no longer create.
create function private.revoke_member_invites() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.team_invites v
   where v.team_id = new.team_id and v.created_by = new.user_id and v.used_at is null
     and (new.deleted_at is not null or new.role = 'rep' or (new.role = 'admin' and v.role <> 'rep'));
  return null;
end;
$$;
create trigger revoke_invites after update of role, deleted_at on public.team_members
  for each row when (new.deleted_at is not null or new.role is distinct from old.role)
  execute function private.revoke_member_invites();

-- ---------------------------------------------------------------------------------------------
-- 6. Member rows.
--
-- A member's e-mail is the one they joined with (private.my_profile), so a teammate's e-mail can
-- be trusted to be theirs: nobody changes it, or the join date, through the API. A member may
-- rename themselves, but not to a name a live teammate has (case and spacing aside), and not with
-- control or direction-changing characters: the name is how teammates recognise who did what.
-- A removed member's row is history: they cannot change it, nobody else does either (join_team
-- brings them back), and its e-mail is blanked so later members never see it.
create or replace function private.guard_member() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
  actor public.team_role;
  removing boolean := old.deleted_at is null and new.deleted_at is not null;
begin
  if new.team_id is distinct from old.team_id or new.user_id is distinct from old.user_id then
    raise exception using errcode = '42501', message = 'a membership cannot move to another team or user';
  end if;
  perform pg_advisory_xact_lock(1246516562, hashtext(new.team_id::text));

  if current_user in ('authenticated', 'anon') then
    if old.deleted_at is not null then
      raise exception using errcode = '42501', message = 'a removed membership cannot be changed';
    end if;
    select m.role into actor from public.team_members m
     where m.team_id = new.team_id and m.user_id = uid and m.deleted_at is null;
    if new.role is distinct from old.role then
      if actor is distinct from 'owner'
         and not (actor = 'admin' and old.role <> 'owner' and new.role <> 'owner') then
        raise exception using errcode = '42501', message = 'only an owner can change this member''s role';
      end if;
    end if;
    if removing and uid is distinct from old.user_id then
      if actor is distinct from 'owner' and not (actor = 'admin' and old.role <> 'owner') then
        raise exception using errcode = '42501', message = 'only an owner or admin can remove this member';
      end if;
    end if;
    if uid is distinct from old.user_id and actor is distinct from 'owner' and actor is distinct from 'admin' then
      raise exception using errcode = '42501', message = 'only an owner or admin can change another member';
    end if;
    if new.email is distinct from old.email or new.joined_at is distinct from old.joined_at then
      raise exception using errcode = '42501', message = 'a member''s e-mail and join date come from their sign-in';
    end if;
    if new.display_name is distinct from old.display_name then
      if uid is distinct from old.user_id then
        raise exception using errcode = '42501', message = 'members edit only their own profile';
      end if;
      if new.display_name is null or char_length(btrim(new.display_name)) not between 1 and 120
         or new.display_name ~ '[[:cntrl:]\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]' then
        raise exception using errcode = '22023',
          message = 'a display name needs 1 to 120 characters, without control or direction characters';
      end if;
      new.display_name := btrim(new.display_name);
      if exists (select 1 from public.team_members m
                  where m.team_id = new.team_id and m.user_id <> new.user_id and m.deleted_at is null
                    and (lower(regexp_replace(btrim(m.display_name), '\s+', ' ', 'g'))
                           = lower(regexp_replace(new.display_name, '\s+', ' ', 'g'))
                         or lower(m.email) = lower(new.display_name))) then
        raise exception using errcode = '22023', message = 'a teammate already goes by this name';
      end if;
    end if;
  end if;

  if old.role = 'owner' and old.deleted_at is null and (new.role <> 'owner' or new.deleted_at is not null)
     and not exists (select 1 from public.team_members m
                     where m.team_id = new.team_id and m.user_id <> new.user_id
                       and m.role = 'owner' and m.deleted_at is null) then
    raise exception using errcode = 'P0001', message = 'a team needs at least one owner: make someone else owner first';
  end if;
  if removing then
    new.email := null;
  end if;
  return new;
end;
$$;

-- Members edit their own row only while they are members.
drop policy "admins manage members, members themselves" on public.team_members;
create policy "admins manage members, members themselves" on public.team_members for update to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[])
         or (user_id = (select auth.uid()) and team_id = any ((select private.my_team_ids())::uuid[])))
  with check (team_id = any ((select private.my_team_ids())::uuid[]));

update public.team_members m set email = null where m.deleted_at is not null and m.email is not null;

-- ---------------------------------------------------------------------------------------------
-- 7. sync_push and sync_pull limits.
--
-- sync_push: at most 1,000 mutations (the extension sends 500), and a 5 s budget of its own,
-- checked between ranges of items, so a call fails cleanly (57014) well inside the 8 s role
-- timeout; statement_timeout is also set on the function, which PostgREST applies to the call's
-- transaction ("hoisted" function settings). program_limit_exceeded (an over-long index key or
-- value) now rejects the one item, like a check violation, and a range with a refused item is
-- re-run item by item (below). Otherwise as in 20261126120300_sync_api.sql.
create or replace function public.sync_push(team_id uuid, changes jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = '' as $$
declare
  max_items constant integer := 1000;
  max_bytes constant integer := 16 * 1024 * 1024;
  budget constant interval := interval '5 seconds';
  started timestamptz := clock_timestamp();
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
  -- behind until commit, and the lock bookkeeping grows with their number. So items run in ranges,
  -- each in one subtransaction; a range that hits an item error is rolled back and its items are
  -- applied again one by one, each in its own subtransaction, the bad ones reported as rejected.
  -- (This replaced splitting the range in half down to the bad item: with one item in a hundred
  -- refused that re-ran most ranges several times; measured in supabase/README.md.) The items
  -- around a bad one are applied in the same order as they would be one by one.
  for k in 0..(n + chunk - 1) / chunk - 1 loop
    if clock_timestamp() - started > budget then
      raise exception using errcode = '57014',
        message = 'sync_push ran out of time: send fewer mutations per call',
        hint = 'Nothing of this call was applied; retry it in smaller batches.';
    end if;
    lo := k * chunk + 1;
    hi := least((k + 1) * chunk, n);
    begin
      for i in lo..hi loop
        results[i] := private.push_item(team, my_role, items[i], dup[i]);
      end loop;
    -- Only data, size and permission errors reject an item; anything else (deadlock, timeout,
    -- bug) aborts the call so the client retries the whole batch.
    exception when insufficient_privilege or integrity_constraint_violation or data_exception or raise_exception
                   or program_limit_exceeded then
      for i in lo..hi loop
        begin
          results[i] := private.push_item(team, my_role, items[i], dup[i]);
        exception when insufficient_privilege or integrity_constraint_violation or data_exception or raise_exception
                       or program_limit_exceeded then
          get stacked diagnostics err_message = message_text, err_detail = pg_exception_detail,
                                  err_constraint = constraint_name;
          mid := (items[i] ->> 'mutation_id')::uuid;
          results[i] := case
            when sqlstate = '42501' then private.result(mid, 'rejected', 'forbidden', err_message)
            when sqlstate = '23505' then private.result(mid, 'rejected', 'conflict', err_message,
                                           case when err_detail ~* '^[0-9a-f-]{36}$' then err_detail::uuid end)
            when sqlstate = '23503' then private.result(mid, 'rejected', 'invalid', coalesce(
                                           substring(err_constraint from '_team_id_([a-z_]+)_fkey$') || ' refers to nothing in this team',
                                           err_message))
            else private.result(mid, 'rejected', 'invalid', left(err_message, 500))
          end;
        end;
      end loop;
    end;
  end loop;

  insert into private.applied_mutations (team_id, mutation_id, user_id)
  select team, (r ->> 'mutation_id')::uuid, uid from unnest(results) r where r ->> 'status' = 'applied';
  perform set_config('jalur.sync', '', true);
  return jsonb_build_object('results', to_jsonb(results));
end;
$$;
alter function public.sync_push(uuid, jsonb) set statement_timeout = '6s';

-- sync_pull: a page ends after `lim` rows or once about 1 MB of rows is in it, whichever comes
-- first; a page always holds at least one row, so paging by next_cursor always advances. Rows
-- are built one by one in cursor order and the loop stops at the budget, so a pull never builds
-- more than one row past it. Otherwise as in 20261126120300_sync_api.sql.
create or replace function public.sync_pull(team_id uuid, since bigint default 0, lim integer default 1000) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  max_bytes constant integer := 1024 * 1024;
  team uuid := sync_pull.team_id;
  cursor_from bigint := coalesce(sync_pull.since, 0);
  n integer := coalesce(sync_pull.lim, 1000);
  page jsonb[] := '{}'::jsonb[];
  bytes bigint := 0;
  last_seq bigint;
  more boolean := false;
  pick record;
  data jsonb;
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

  for pick in
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
  loop
    if cardinality(page) >= n or bytes >= max_bytes then
      more := true;
      exit;
    end if;
    case pick.entity
      when 'prospect' then select to_jsonb(x) into data from public.prospects x where x.id = pick.id;
      when 'touch' then select to_jsonb(x) into data from public.touches x where x.id = pick.id;
      when 'follow_up' then select to_jsonb(x) into data from public.follow_ups x where x.id = pick.id;
      when 'stage_change' then select to_jsonb(x) into data from public.stage_changes x where x.id = pick.id;
      when 'stage' then select to_jsonb(x) into data from public.stages x where x.id = pick.id;
      when 'cadence' then select to_jsonb(x) into data from public.cadences x where x.id = pick.id;
      when 'team_member' then select to_jsonb(x) into data from public.team_members x
                               where x.team_id = team and x.user_id = pick.id;
      when 'team_settings' then select to_jsonb(x) into data from public.team_settings x where x.team_id = pick.id;
      else select to_jsonb(x) into data from public.teams x where x.id = pick.id;
    end case;
    page := array_append(page, jsonb_build_object('entity', pick.entity, 'id', pick.id, 'seq', pick.seq, 'data', data));
    bytes := bytes + pg_column_size(data);
    last_seq := pick.seq;
  end loop;

  return jsonb_build_object('changes', to_jsonb(page), 'next_cursor', coalesce(last_seq, cursor_from), 'has_more', more);
end;
$$;
alter function public.sync_pull(uuid, bigint, integer) set statement_timeout = '6s';

-- ---------------------------------------------------------------------------------------------
-- 8. Who may execute private functions.
--
-- The schema-level default privileges of the first migration cannot take away PUBLIC's EXECUTE
-- (a global default), so every private function was executable by PUBLIC. Take it away from
-- everyone, then give authenticated back only what runs as the caller: the RLS helpers, the check
-- constraint's validator and sync_push's (security invoker) helpers. Trigger functions need no
-- EXECUTE to fire. 00_guards lists the allowed set, so a new private function must be added on
-- purpose (and a new migration must revoke PUBLIC from it explicitly).
revoke execute on all functions in schema private from public, anon, authenticated;
alter default privileges in schema private revoke execute on functions from authenticated;
grant execute on function
  private.my_team_ids(), private.my_admin_team_ids(), private.member_role(uuid), private.require_user(),
  private.valid_cadence_steps(jsonb), private.server_hlc(),
  private.hlc_time(text), private.result(uuid, text, text, text, uuid), private.merge_winners(jsonb, text, jsonb, jsonb),
  private.hlc_map(jsonb, text), private.unknown_fields(jsonb, text[]), private.check_slug(uuid, uuid, text),
  private.push_delete(text, uuid, uuid, uuid, text), private.push_prospect(uuid, uuid, uuid, text, jsonb),
  private.push_follow_up(uuid, uuid, uuid, text, jsonb), private.push_stage(uuid, uuid, uuid, text, jsonb),
  private.push_cadence(uuid, uuid, uuid, text, jsonb), private.push_team_settings(uuid, uuid, uuid, text, jsonb),
  private.push_touch(uuid, uuid, uuid, text, jsonb), private.push_stage_change(uuid, uuid, uuid, text, jsonb),
  private.push_item(uuid, public.team_role, jsonb, boolean)
  to authenticated;
