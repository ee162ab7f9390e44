-- Merging two people (issue "data a rep can fix and trust", item 2).
--
-- A person clipped on LinkedIn and again from mail under another key is one person. A merge keeps
-- one prospect (the survivor) and turns the other into a tombstone that points at it
-- (prospects.merged_into); every touch, follow-up, stage change and e-mail address of the other
-- moves to the survivor. It travels through sync_push as one mutation:
--   {"entity": "merge", "op": "upsert", "id": <merged away>, "fields": {"into": <survivor>}}
-- followed, in the same batch, by the survivor's chosen fields as an ordinary prospect upsert.
-- Replaying it changes nothing (the mutation id is known, and a second merge of the same pair is
-- "already_merged").
--
-- Who may merge: whoever may delete the person merged away (owner/admin, its owner or creator),
-- the rule prospect_defaults already applies when the tombstone is set. The moves themselves run
-- in a security-definer trigger, because touches and stage changes are append-only and a rep may
-- not edit a teammate's touch: re-pointing them to the survivor is the one edit allowed, and only
-- from a merged tombstone to its survivor.

alter table public.prospects
  add column merged_into uuid,
  add constraint prospects_merged_into_fkey foreign key (team_id, merged_into) references public.prospects (team_id, id),
  add constraint prospects_merged_into_check check (merged_into is distinct from id),
  add constraint prospects_merged_is_tombstone_check check (merged_into is null or deleted_at is not null);
create index prospects_merged_into on public.prospects (merged_into) where merged_into is not null;

-- ---------------------------------------------------------------------------------------------
-- The rules of a merge, for sync_push and direct table writes alike (runs as the caller).
create function private.guard_merge() returns trigger
language plpgsql set search_path = '' as $$
declare
  keep public.prospects%rowtype;
  uid uuid := auth.uid();
  my_role public.team_role;
begin
  if old.merged_into is not null and new.deleted_at is null then
    raise exception using errcode = 'P0001',
      message = 'this person was merged into another prospect and cannot be restored: open that one instead';
  end if;
  if new.merged_into is not distinct from old.merged_into then
    return new;
  end if;
  if old.merged_into is not null then
    -- Erasing a person (erase_prospect, definer) unlinks the merged rows just before removing them.
    if new.merged_into is null and current_user not in ('authenticated', 'anon') then
      return new;
    end if;
    raise exception using errcode = 'P0001', message = 'this person was already merged into another prospect';
  end if;
  if new.merged_into is null then
    return new;
  end if;
  if new.merged_into = new.id then
    raise exception using errcode = '22023', message = 'a prospect cannot be merged with itself';
  end if;
  select * into keep from public.prospects p where p.id = new.merged_into and p.team_id = new.team_id;
  if not found then
    raise exception using errcode = '42501', message = 'the prospect to keep is not in this team: nothing was merged';
  end if;
  if keep.deleted_at is not null then
    raise exception using errcode = 'P0001', message = 'the prospect to keep was deleted or merged meanwhile: nothing was merged';
  end if;
  if new.deleted_at is null then
    raise exception using errcode = '22023', message = 'a merged person is a tombstone: set deleted_at with merged_into';
  end if;
  -- Merging someone away deletes them: the delete rule, also when a teammate deleted them already.
  if current_user in ('authenticated', 'anon') then
    select m.role into my_role from public.team_members m
     where m.team_id = new.team_id and m.user_id = uid and m.deleted_at is null;
    if my_role is distinct from 'owner' and my_role is distinct from 'admin'
       and uid is distinct from old.owner_id and uid is distinct from old.created_by then
      raise exception using errcode = '42501',
        message = 'only the prospect''s owner, its creator or a team admin can merge it into another';
    end if;
  end if;
  return new;
end;
$$;

create trigger a_guard_merge before update on public.prospects
  for each row when (new.merged_into is distinct from old.merged_into or old.merged_into is not null)
  execute function private.guard_merge();

-- First of the AFTER triggers ('a_' sorts before prospect_deleted, which would otherwise tombstone
-- the follow-ups that are moving): open work follows the person.
create function private.merge_follow_ups() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.follow_ups f set prospect_id = new.merged_into
   where f.team_id = new.team_id and f.prospect_id = new.id;
  return null;
end;
$$;
create trigger a_merge_follow_ups after update of merged_into on public.prospects
  for each row when (old.merged_into is null and new.merged_into is not null)
  execute function private.merge_follow_ups();

-- After prospect_emails (which has released the merged person's addresses): history and keys move.
create function private.merge_history() returns trigger
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
create trigger prospect_merged after update of merged_into on public.prospects
  for each row when (old.merged_into is null and new.merged_into is not null)
  execute function private.merge_history();

-- What a teammate logged offline for the person merged away lands on the survivor.
create function private.follow_merge() returns trigger
language plpgsql set search_path = '' as $$
declare
  survivor uuid;
begin
  select p.merged_into into survivor from public.prospects p where p.id = new.prospect_id;
  if survivor is not null then
    new.prospect_id := survivor;
  end if;
  return new;
end;
$$;
create trigger a_follow_merge before insert on public.touches for each row execute function private.follow_merge();
create trigger a_follow_merge before insert on public.follow_ups for each row execute function private.follow_merge();
create trigger a_follow_merge before insert on public.stage_changes for each row execute function private.follow_merge();

-- Append-only history, with one exception: moving from a merged tombstone to its survivor.
create or replace function private.guard_touch() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
begin
  if (new.channel, new.direction, new.note, new.occurred_at, new.follow_up_id)
     is distinct from (old.channel, old.direction, old.note, old.occurred_at, old.follow_up_id)
     or (new.prospect_id is distinct from old.prospect_id
         and not exists (select 1 from public.prospects p where p.id = old.prospect_id and p.merged_into = new.prospect_id)) then
    raise exception using errcode = '42501', message = 'touches are append-only: log a new touch instead of editing one';
  end if;
  if current_user in ('authenticated', 'anon') and old.deleted_at is null and new.deleted_at is not null
     and uid is distinct from old.created_by
     and not exists (select 1 from public.team_members m
                      where m.team_id = old.team_id and m.user_id = uid and m.deleted_at is null
                        and m.role in ('owner', 'admin')) then
    raise exception using errcode = '42501', message = 'only the author or a team admin can delete a touch';
  end if;
  return new;
end;
$$;

create or replace function private.guard_stage_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' then
    if (to_jsonb(new) - '{prospect_id,updated_at,change_seq}'::text[]) = (to_jsonb(old) - '{prospect_id,updated_at,change_seq}'::text[])
       and exists (select 1 from public.prospects p where p.id = old.prospect_id and p.merged_into = new.prospect_id) then
      return new;
    end if;
    raise exception using errcode = '42501', message = 'stage changes are append-only';
  end if;
  if current_user in ('authenticated', 'anon') and exists (
       select 1 from public.stages s where s.id = new.to_stage_id and s.deleted_at is not null) then
    raise exception using errcode = '22023', message = 'cannot move a prospect into a deleted stage';
  end if;
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- sync_push: entity 'merge'. As in 20261205151000_delete_erase.sql (restore and erase), plus the merge branch.
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
begin
  if is_dup then
    return private.result(mid, 'duplicate');
  elsif entity not in ('prospect', 'touch', 'follow_up', 'stage_change', 'cadence', 'stage', 'team_settings', 'merge') then
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

-- Trigger functions need no EXECUTE; nobody calls them directly.
revoke execute on function private.guard_merge(), private.merge_follow_ups(), private.merge_history(),
  private.follow_merge() from public, anon, authenticated;
