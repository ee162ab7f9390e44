-- Undo of a delete and erasing a person (the privacy request), through the same API.
--
--  1. public.erasures: what is left of an erased person, the id alone (and the team, so teammates
--     pull it). Readable by the team's members, written only by erase_prospect.
--  2. erase_prospect(team_id, prospect_id): a hard delete of the prospect, its touches, follow-ups,
--     stage history and e-mail keys (and of any prospect merged into it: the same person). Who may
--     erase follows the delete rule: an owner or admin, the prospect's owner or its creator. An id
--     erased once cannot be created again.
--  3. sync_push takes two more prospect ops: `restore` (undo of a delete; restore_prospect's rule)
--     and `erase` (erase_prospect), so both queue offline like every other change and are idempotent
--     by mutation id.
--  4. sync_pull sends erasures as entity `erasure` (id and team only), so every device drops the person.

-- ---------------------------------------------------------------------------------------------
-- 1. Erasures.
create table public.erasures (
  id uuid primary key,
  team_id uuid not null references public.teams (id) on delete cascade,
  erased_at timestamptz not null default now(),
  -- private.stamp() keeps these two like on every synced table.
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null default 0
);
create index erasures_pull on public.erasures (team_id, change_seq) where change_seq > 0;
create trigger z_stamp before insert or update on public.erasures for each row execute function private.stamp();

alter table public.erasures enable row level security;
revoke all on public.erasures from anon, authenticated;
grant select on public.erasures to authenticated;
grant all on public.erasures to service_role;
create policy "members read their team's erasures" on public.erasures for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));

-- An erased person stays erased: a device that was offline cannot bring them back under their id.
create function private.refuse_erased() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.erasures e where e.id = new.id) then
    raise exception using errcode = '22023', message = 'this person was erased from the team and cannot be added back under the same id';
  end if;
  return new;
end;
$$;
revoke execute on function private.refuse_erased() from public, anon, authenticated;
create trigger a_refuse_erased before insert on public.prospects for each row execute function private.refuse_erased();

-- ---------------------------------------------------------------------------------------------
-- 2. erase_prospect.
create function public.erase_prospect(team_id uuid, prospect_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  my_role public.team_role := private.member_role(erase_prospect.team_id);
  p public.prospects%rowtype;
  ids uuid[];
  merge_col text := 'merged_into';
begin
  if my_role is null then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;
  select * into p from public.prospects x where x.id = erase_prospect.prospect_id for update;
  if not found then
    -- Already erased, or never reached the team: nothing to erase, and asking twice is fine.
    return;
  end if;
  if p.team_id <> erase_prospect.team_id then
    raise exception using errcode = '42501', message = 'this prospect belongs to another team';
  end if;
  if my_role not in ('owner', 'admin') and uid is distinct from p.owner_id and uid is distinct from p.created_by then
    raise exception using errcode = '42501',
      message = 'only the prospect''s owner, its creator or a team admin can erase it';
  end if;

  -- The person's other rows: prospects merged into this one (when merging exists) are the same person.
  -- (Dynamic SQL: this migration runs before the one that adds the column.)
  ids := array[p.id];
  if exists (select 1 from information_schema.columns c
              where c.table_schema = 'public' and c.table_name = 'prospects' and c.column_name = merge_col) then
    execute format($q$
      with recursive merged(id) as (
        select $1
        union
        select x.id from public.prospects x join merged m on x.%1$I = m.id where x.team_id = $2)
      select array_agg(id) from merged$q$, merge_col)
      into ids using p.id, p.team_id;
    execute format('update public.prospects x set %1$I = null where x.%1$I = any ($1) and x.team_id = $2', merge_col)
      using ids, p.team_id;
  end if;

  perform pg_advisory_xact_lock(1246516562, hashtext(p.team_id::text));
  delete from public.touches t where t.team_id = p.team_id and t.prospect_id = any (ids);
  delete from public.stage_changes c where c.team_id = p.team_id and c.prospect_id = any (ids);
  delete from public.follow_ups f where f.team_id = p.team_id and f.prospect_id = any (ids);
  delete from public.prospects x where x.team_id = p.team_id and x.id = any (ids);
  insert into public.erasures (id, team_id)
  select u, p.team_id from unnest(ids) u
  on conflict (id) do nothing;
end;
$$;
revoke all on function public.erase_prospect(uuid, uuid) from public, anon;
grant execute on function public.erase_prospect(uuid, uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- 3. sync_push: restore and erase. As in 20261126120300_sync_api.sql otherwise.
create or replace function private.push_item(team uuid, my_role public.team_role, item jsonb, is_dup boolean) returns jsonb
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
  elsif op in ('restore', 'erase') then
    -- Undo of a delete, and erasing a person: prospects only, by the functions the API also offers
    -- (their errors become this item's rejection: forbidden, conflict, invalid).
    if entity <> 'prospect' then
      return private.result(mid, 'rejected', 'invalid', format('only a prospect can be %s', case op when 'restore' then 'restored' else 'erased' end));
    elsif op = 'restore' then
      perform public.restore_prospect(team, rid);
    else
      perform public.erase_prospect(team, rid);
    end if;
    return private.result(mid, 'applied');
  elsif op not in ('upsert', 'delete') then
    return private.result(mid, 'rejected', 'invalid', 'op must be upsert, delete, restore or erase');
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

-- ---------------------------------------------------------------------------------------------
-- 4. sync_pull: erasures too. As in 20261205120000_hostile_member.sql otherwise.
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
              where c.team_id = team and c.change_seq > cursor_from and c.change_seq > 0 order by c.change_seq limit n + 1)
            union all
            (select 'erasure', e.id, e.change_seq from public.erasures e
              where e.team_id = team and e.change_seq > cursor_from and e.change_seq > 0 order by e.change_seq limit n + 1)) u
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
      when 'erasure' then select jsonb_build_object('id', x.id, 'team_id', x.team_id, 'erased_at', x.erased_at)
                            into data from public.erasures x where x.id = pick.id;
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
