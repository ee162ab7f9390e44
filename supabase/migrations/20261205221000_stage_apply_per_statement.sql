-- Two per-row triggers that a set-based sync_push run (20261205220000_set_based_push.sql) pays for
-- every row, made cheaper without changing what they do:
--
--  1. The current stage: after stage changes are inserted, each prospect they are about moves to the
--     latest one by (changed_at, id) if it is later than the one in place. This ran once per row, an
--     UPDATE of the prospect (with its triggers) for every stage change; it now runs once per
--     statement over the inserted rows (a transition table), one UPDATE per prospect at most. A
--     one-row insert does exactly what it did; a many-row insert ends where one-by-one inserts end,
--     because "the latest one wins" does not depend on the order they are looked at.
--  2. What a teammate logged for a person merged away lands on the survivor (follow_merge): the
--     lookup of the merged person ran as the writer, so row-level security evaluated the writer's
--     teams for every row. It now runs as the function's owner and looks only inside the row's own
--     team, which is all the writer could see there (to write a row into a team you are its member),
--     so the redirect happens exactly when it did, and a prospect of another team is never followed.
--
-- Same function names and signatures as in 20261126120000_schema.sql and 20261205152000_merge.sql;
-- neither is executable by API roles (triggers need no EXECUTE).

create or replace function private.apply_stage_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.prospects p
     set stage_id = l.to_stage_id,
         stage_entered_at = l.changed_at,
         stage_change_id = l.id
    from (select distinct on (c.prospect_id) c.prospect_id, c.id, c.to_stage_id, c.changed_at
            from inserted c
           order by c.prospect_id, c.changed_at desc, c.id desc) l
   where p.id = l.prospect_id
     and (p.stage_change_id is null or (p.stage_entered_at, p.stage_change_id) < (l.changed_at, l.id));
  return null;
end;
$$;

drop trigger apply_stage_change on public.stage_changes;
create trigger apply_stage_change after insert on public.stage_changes
  referencing new table as inserted
  for each statement execute function private.apply_stage_change();

create or replace function private.follow_merge() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  survivor uuid;
begin
  select p.merged_into into survivor from public.prospects p where p.id = new.prospect_id and p.team_id = new.team_id;
  if survivor is not null then
    new.prospect_id := survivor;
  end if;
  return new;
end;
$$;

revoke execute on function private.apply_stage_change(), private.follow_merge() from public, anon, authenticated;
