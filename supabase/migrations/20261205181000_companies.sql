-- Companies as accounts (issue "companies as accounts and quiet mode", item 1).
--
--  1. public.companies: a company a rep added from its LinkedIn page (name, LinkedIn slug, industry,
--     size band, headquarters, website, followers). Team-scoped, client-generated ids, tombstones,
--     field-by-field merge (field_hlc) and the pull cursor like every synced table; one live company
--     per LinkedIn slug per team.
--  2. Row-level security mirroring prospects: every member of the team reads, adds (as themselves)
--     and changes its companies; outsiders nothing. Deleting (a tombstone) follows the prospects'
--     delete rule without the owner: a team owner or admin, or whoever added the company.
--  3. prospects.company_id: the account a person works at, a reference inside the team. It merges
--     like any prospect field; sync_push applies it after the prospect's other fields (so
--     push_prospect, which another migration may redefine, is left as it is), and direct edits get
--     the server's clock for it like the other fields.
--  4. sync_push takes entity 'company' (upsert, delete); sync_pull sends companies. push_item and
--     sync_pull are carried forward from 20261205152000_merge.sql and 20261205151000_delete_erase.sql.

-- ---------------------------------------------------------------------------------------------
-- 1. Companies.
create table public.companies (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  -- /company/<slug>/: lower-cased, without separators, normalised by trigger like a member slug.
  linkedin_slug text check (char_length(linkedin_slug) between 1 and 200 and linkedin_slug = lower(linkedin_slug)
                            and linkedin_slug !~ '[/?#%[:space:]]'),
  industry text check (char_length(industry) <= 200),
  size text check (char_length(size) <= 100),
  headquarters text check (char_length(headquarters) <= 200),
  website text check (website ~ '^https?://[^[:space:]]+$' and char_length(website) <= 2048),
  followers bigint check (followers between 0 and 10000000000),
  field_hlc jsonb not null default '{}' check (pg_column_size(field_hlc) <= 8192),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  unique (id, team_id)
);
create unique index companies_team_slug_live on public.companies (team_id, linkedin_slug)
  where deleted_at is null and linkedin_slug is not null;
create index companies_pull on public.companies (team_id, change_seq) where change_seq > 0;

-- Slug normalised, and the tombstone rule (runs as the writer).
create function private.company_defaults() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
begin
  new.linkedin_slug := nullif(lower(btrim(new.linkedin_slug)), '');
  if tg_op = 'UPDATE' and current_user in ('authenticated', 'anon')
     and old.deleted_at is null and new.deleted_at is not null
     and uid is distinct from old.created_by
     and not exists (select 1 from public.team_members m
                      where m.team_id = old.team_id and m.user_id = uid and m.deleted_at is null
                        and m.role in ('owner', 'admin')) then
    raise exception using errcode = '42501', message = 'only whoever added the company or a team admin can delete it';
  end if;
  return new;
end;
$$;

create trigger a_guard_identity before update on public.companies for each row execute function private.guard_identity();
create trigger b_guard_tombstone before update of deleted_at on public.companies for each row execute function private.guard_tombstone();
create trigger c_field_hlc before insert or update on public.companies
  for each row execute function private.stamp_field_hlc('name', 'linkedin_slug', 'industry', 'size', 'headquarters', 'website', 'followers');
create trigger d_defaults before insert or update on public.companies for each row execute function private.company_defaults();
create trigger z_stamp before insert or update on public.companies for each row execute function private.stamp();

-- ---------------------------------------------------------------------------------------------
-- 2. Privileges and row-level security, as for prospects.
alter table public.companies enable row level security;
revoke all on public.companies from anon, authenticated;
grant select, insert, update on public.companies to authenticated;
grant all on public.companies to service_role;

create policy "members read companies" on public.companies for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "members add companies as themselves" on public.companies for insert to authenticated
  with check (team_id = any ((select private.my_team_ids())::uuid[]) and created_by = (select auth.uid()));
create policy "members change companies" on public.companies for update to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]))
  with check (team_id = any ((select private.my_team_ids())::uuid[]));

-- ---------------------------------------------------------------------------------------------
-- 3. The account a prospect works at.
alter table public.prospects
  add column company_id uuid,
  add constraint prospects_company_id_fkey foreign key (team_id, company_id)
    references public.companies (team_id, id) on delete set null (company_id);
create index prospects_company on public.prospects (company_id) where company_id is not null;

-- Direct edits (outside sync_push) stamp the server clock for company_id, after c_field_hlc has
-- stamped the other fields (so this adds to new.field_hlc rather than rebuilding it).
create function private.stamp_company_hlc() returns trigger
language plpgsql set search_path = '' as $$
begin
  if coalesce(current_setting('jalur.sync', true), '') = 'on' then
    return new;
  end if;
  new.field_hlc := new.field_hlc || jsonb_build_object('company_id', private.server_hlc());
  return new;
end;
$$;
create trigger c_field_hlc_company before update of company_id on public.prospects
  for each row when (new.company_id is distinct from old.company_id)
  execute function private.stamp_company_hlc();

-- ---------------------------------------------------------------------------------------------
-- 4. sync_push and sync_pull.

-- One live company per LinkedIn slug per team, checked up front to name the company that has it.
create function private.check_company_slug(team uuid, company uuid, slug text) returns void
language plpgsql stable set search_path = '' as $$
declare
  holder uuid;
begin
  if slug is null or btrim(slug) = '' then
    return;
  end if;
  select c.id into holder from public.companies c
   where c.team_id = team and c.linkedin_slug = lower(btrim(slug)) and c.deleted_at is null and c.id <> company;
  if found then
    raise exception using errcode = '23505', constraint = 'companies_team_slug_live', detail = holder::text,
      message = format('linkedin_slug %s already belongs to company %s', lower(btrim(slug)), holder);
  end if;
end;
$$;

create function private.push_company(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.companies%rowtype;
  r public.companies%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields, '{name,linkedin_slug,industry,size,headquarters,website,followers}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only company field(s): ' || bad);
  end if;
  select * into cur from public.companies c where c.id = rid for update;
  if not found then
    perform private.check_company_slug(team, rid, fields ->> 'linkedin_slug');
    -- An id taken in another team fails on the primary key (23505); a missing name on its not-null.
    insert into public.companies (id, team_id, name, linkedin_slug, industry, size, headquarters, website, followers, field_hlc)
    select rid, team, f.name, f.linkedin_slug, f.industry, f.size, f.headquarters, f.website, f.followers,
      private.hlc_map(fields, hlc)
      from jsonb_populate_record(null::public.companies, fields) f;
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this company belongs to another team';
  end if;
  win := private.merge_winners(fields, hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  if win ? 'linkedin_slug' and cur.deleted_at is null then
    perform private.check_company_slug(team, rid, win ->> 'linkedin_slug');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.companies c
     set name = r.name, linkedin_slug = r.linkedin_slug, industry = r.industry, size = r.size,
         headquarters = r.headquarters, website = r.website, followers = r.followers,
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where c.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'you may not change this company';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

-- A prospect's company link (null: none), merged by its own clock. The company must be the team's
-- (the foreign key says so: 23503 rejects the item as "refers to nothing in this team").
create function private.push_prospect_company(team uuid, mutation_id uuid, rid uuid, hlc text, company jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.prospects%rowtype;
  win jsonb;
begin
  if jsonb_typeof(company) not in ('string', 'null')
     or (jsonb_typeof(company) = 'string'
         and company #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
    return private.result(mutation_id, 'rejected', 'invalid', 'company_id must be a uuid or null');
  end if;
  select * into cur from public.prospects p where p.id = rid for update;
  if not found then
    return private.result(mutation_id, 'rejected', 'not_found', 'no such prospect in this team');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this prospect belongs to another team';
  end if;
  win := private.merge_winners(jsonb_build_object('company_id', company), hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  update public.prospects p
     set company_id = (win ->> 'company_id')::uuid,
         field_hlc = p.field_hlc || private.hlc_map(win, hlc)
   where p.id = rid;
  if not found then
    raise exception using errcode = '42501', message = 'you may not change this prospect';
  end if;
  return private.result(mutation_id, 'applied');
end;
$$;

-- sync_push: entity 'company', and a prospect's company_id. As in 20261205152000_merge.sql otherwise.
create or replace function private.push_item(team uuid, my_role public.team_role, item jsonb, is_dup boolean) returns jsonb
language plpgsql set search_path = '' as $$
declare
  mid uuid := (item ->> 'mutation_id')::uuid;
  entity text := item ->> 'entity';
  op text := item ->> 'op';
  rid uuid := (item ->> 'id')::uuid;
  hlc text := item ->> 'hlc';
  fields jsonb := coalesce(item -> 'fields', '{}');
  into_id uuid;
  cur_into uuid;
  res jsonb;
begin
  if is_dup then
    return private.result(mid, 'duplicate');
  elsif entity not in ('prospect', 'touch', 'follow_up', 'stage_change', 'cadence', 'stage', 'team_settings', 'merge', 'company') then
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
  elsif entity = 'merge' then
    if op <> 'upsert' or private.unknown_fields(fields, '{into}') is not null
       or coalesce(fields ->> 'into', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      return private.result(mid, 'rejected', 'invalid', 'a merge is an upsert whose only field "into" names the prospect to keep');
    end if;
    into_id := (fields ->> 'into')::uuid;
    if into_id = rid then
      return private.result(mid, 'rejected', 'invalid', 'a prospect cannot be merged with itself');
    end if;
    select p.merged_into into cur_into from public.prospects p where p.id = rid and p.team_id = team;
    if not found then
      return private.result(mid, 'rejected', 'not_found', 'no such prospect in this team: nothing was merged');
    elsif cur_into = into_id then
      return private.result(mid, 'applied', 'already_merged', 'these two were already merged');
    end if;
    -- The guards say why a merge is refused (another team, survivor gone, not allowed to delete).
    update public.prospects p
       set merged_into = into_id, deleted_at = coalesce(p.deleted_at, least(private.hlc_time(hlc), now()))
     where p.id = rid;
    if not found then
      raise exception using errcode = '42501', message = 'you may not merge this prospect';
    end if;
    return private.result(mid, 'applied');
  elsif op = 'delete' and entity in ('stage_change', 'team_settings') then
    return private.result(mid, 'rejected', 'append_only', format('a %s cannot be deleted', entity));
  elsif op = 'delete' then
    return private.push_delete(case entity when 'prospect' then 'prospects' when 'touch' then 'touches'
                                           when 'follow_up' then 'follow_ups' when 'cadence' then 'cadences'
                                           when 'company' then 'companies' else 'stages' end, team, mid, rid, hlc);
  elsif entity = 'company' then
    return private.push_company(team, mid, rid, hlc, fields);
  elsif entity = 'prospect' and fields ? 'company_id' then
    -- The company link merges like any prospect field, after the prospect's other fields.
    if fields - 'company_id' <> '{}'::jsonb then
      res := private.push_prospect(team, mid, rid, hlc, fields - 'company_id');
      if res ->> 'status' <> 'applied' then
        return res;
      end if;
    end if;
    return coalesce(private.push_prospect_company(team, mid, rid, hlc, fields -> 'company_id'), res);
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


-- sync_pull: companies too. As in
-- 20261205151000_delete_erase.sql otherwise.
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
            (select 'company', c.id, c.change_seq from public.companies c
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
      when 'company' then select to_jsonb(x) into data from public.companies x where x.id = pick.id;
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

revoke execute on function private.company_defaults(), private.stamp_company_hlc() from public, anon, authenticated;
-- sync_push runs as the caller, so its helpers are the caller's to execute; nobody else's.
revoke all on function private.check_company_slug(uuid, uuid, text), private.push_company(uuid, uuid, uuid, text, jsonb),
  private.push_prospect_company(uuid, uuid, uuid, text, jsonb) from public, anon;
grant execute on function private.check_company_slug(uuid, uuid, text), private.push_company(uuid, uuid, uuid, text, jsonb),
  private.push_prospect_company(uuid, uuid, uuid, text, jsonb) to authenticated, service_role;
