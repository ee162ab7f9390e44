-- Touches, stage changes and follow-ups no longer check their team against public.teams row by row
-- (issue "a year of a busy rep's pipeline", item 5: ≥ 20,000 mutations/s on loopback).
--
-- Each of them references its person by (team_id, prospect_id), a key of prospects, and prospect_id is
-- never null; a prospect's team_id references teams. So a row's team_id is already a team of this
-- database, and the same team as its person's; the row's own key to teams checked that again, one
-- lookup and a row lock per touch, stage change and follow-up written (about 6,200 per 10,000
-- mutations of the extension's mix). Those keys are dropped.
--
-- They also carried team deletion (on delete cascade). Deleting a team now first deletes its touches
-- (which may reference its follow-ups), stage changes and follow-ups with a trigger, as the owner of
-- the tables; then everything else goes by its cascade as before (prospects, stages, members, …).
-- Nobody but the service role and the database owner deletes teams (10_rls_matrix).

alter table public.touches drop constraint touches_team_id_fkey;
alter table public.stage_changes drop constraint stage_changes_team_id_fkey;
alter table public.follow_ups drop constraint follow_ups_team_id_fkey;

create function private.forget_team_history() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.touches where team_id = old.id;
  delete from public.stage_changes where team_id = old.id;
  delete from public.follow_ups where team_id = old.id;
  return old;
end;
$$;
revoke execute on function private.forget_team_history() from public, anon, authenticated, service_role;
create trigger forget_team_history before delete on public.teams
  for each row execute function private.forget_team_history();
