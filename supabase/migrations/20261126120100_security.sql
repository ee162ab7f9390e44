-- Row-level security and privileges.
--
-- The platform grants every new public table, function and sequence to anon, authenticated and
-- service_role by default, so this migration first takes privileges away and then gives back
-- exactly what the API needs. RLS then decides which rows. anon gets nothing at all: every call
-- needs a signed-in user. service_role (the project's secret key, BYPASSRLS) stays an admin.

-- ---------------------------------------------------------------------------------------------
-- Membership helpers for policies. Security definer so a policy on team_members can ask about
-- team_members without recursing into its own policy; search_path is empty so nothing a caller
-- creates can shadow the tables they read.

-- plpgsql rather than sql: a non-inlinable SQL function is re-planned on every call, and these
-- run in every policy check.
create function private.my_team_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce((select array_agg(m.team_id) from public.team_members m
                    where m.user_id = auth.uid() and m.deleted_at is null), '{}');
end;
$$;

create function private.my_admin_team_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce((select array_agg(m.team_id) from public.team_members m
                    where m.user_id = auth.uid() and m.deleted_at is null and m.role in ('owner', 'admin')), '{}');
end;
$$;

create function private.member_role(team uuid) returns public.team_role
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select m.role from public.team_members m
           where m.team_id = team and m.user_id = auth.uid() and m.deleted_at is null);
end;
$$;

grant usage on schema private to authenticated, service_role;
-- Writers draw the pull cursor in private.stamp(), which runs as the writer.
grant usage on sequence private.change_seq to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Privileges. TRUNCATE and REFERENCES would bypass RLS, DELETE would bypass tombstones.

revoke all on all tables in schema public from anon, authenticated;
grant select on all tables in schema public to authenticated;
grant insert on public.stages, public.cadences, public.prospects, public.follow_ups, public.touches,
  public.stage_changes to authenticated;
grant update on public.teams, public.team_members, public.team_settings, public.stages, public.cadences,
  public.prospects, public.follow_ups, public.touches to authenticated;
grant delete on public.team_invites to authenticated;

revoke all on private.applied_mutations from public, anon, authenticated;
grant select, insert on private.applied_mutations to authenticated;
grant all on private.applied_mutations to service_role;

-- ---------------------------------------------------------------------------------------------
-- Row-level security. (select private.…()) is evaluated once per statement, not once per row.

alter table public.teams enable row level security;
alter table public.team_members enable row level security;
alter table public.team_settings enable row level security;
alter table public.stages enable row level security;
alter table public.cadences enable row level security;
alter table public.prospects enable row level security;
alter table public.prospect_emails enable row level security;
alter table public.follow_ups enable row level security;
alter table public.touches enable row level security;
alter table public.stage_changes enable row level security;
alter table public.team_invites enable row level security;
alter table private.applied_mutations enable row level security;

create policy "members read their team" on public.teams for select to authenticated
  using (id = any ((select private.my_team_ids())::uuid[]));
create policy "admins rename their team" on public.teams for update to authenticated
  using (id = any ((select private.my_admin_team_ids())::uuid[]))
  with check (id = any ((select private.my_admin_team_ids())::uuid[]));

-- Members see their teammates (never another team's). Admins manage memberships; everyone may
-- edit their own row (leave, display name); private.guard_member() holds the finer rules.
create policy "members read their team's members" on public.team_members for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "admins manage members, members themselves" on public.team_members for update to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[]) or user_id = (select auth.uid()))
  with check (team_id = any ((select private.my_team_ids())::uuid[]) or user_id = (select auth.uid()));

create policy "members read settings" on public.team_settings for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "admins change settings" on public.team_settings for update to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[]))
  with check (team_id = any ((select private.my_admin_team_ids())::uuid[]));

create policy "members read stages" on public.stages for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "admins add stages" on public.stages for insert to authenticated
  with check (team_id = any ((select private.my_admin_team_ids())::uuid[]) and created_by = (select auth.uid()));
create policy "admins change stages" on public.stages for update to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[]))
  with check (team_id = any ((select private.my_admin_team_ids())::uuid[]));

create policy "members read cadences" on public.cadences for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "admins add cadences" on public.cadences for insert to authenticated
  with check (team_id = any ((select private.my_admin_team_ids())::uuid[]) and created_by = (select auth.uid()));
create policy "admins change cadences" on public.cadences for update to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[]))
  with check (team_id = any ((select private.my_admin_team_ids())::uuid[]));

create policy "members read prospects" on public.prospects for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "members add prospects as themselves" on public.prospects for insert to authenticated
  with check (team_id = any ((select private.my_team_ids())::uuid[]) and created_by = (select auth.uid()));
create policy "members change prospects" on public.prospects for update to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]))
  with check (team_id = any ((select private.my_team_ids())::uuid[]));

create policy "members look up e-mails" on public.prospect_emails for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));

create policy "members read follow-ups" on public.follow_ups for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "members add follow-ups as themselves" on public.follow_ups for insert to authenticated
  with check (team_id = any ((select private.my_team_ids())::uuid[]) and created_by = (select auth.uid()));
create policy "members change follow-ups" on public.follow_ups for update to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]))
  with check (team_id = any ((select private.my_team_ids())::uuid[]));

create policy "members read touches" on public.touches for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "members log touches as themselves" on public.touches for insert to authenticated
  with check (team_id = any ((select private.my_team_ids())::uuid[]) and created_by = (select auth.uid()));
create policy "authors and admins tombstone touches" on public.touches for update to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[])
         and (created_by = (select auth.uid()) or team_id = any ((select private.my_admin_team_ids())::uuid[])))
  with check (team_id = any ((select private.my_team_ids())::uuid[]));

create policy "members read stage history" on public.stage_changes for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
create policy "members move prospects as themselves" on public.stage_changes for insert to authenticated
  with check (team_id = any ((select private.my_team_ids())::uuid[]) and changed_by = (select auth.uid()));

create policy "admins see invites" on public.team_invites for select to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[]));
create policy "admins revoke invites" on public.team_invites for delete to authenticated
  using (team_id = any ((select private.my_admin_team_ids())::uuid[]));

create policy "members record their mutations" on private.applied_mutations for insert to authenticated
  with check (team_id = any ((select private.my_team_ids())::uuid[]) and user_id = (select auth.uid()));
create policy "members see their team's mutations" on private.applied_mutations for select to authenticated
  using (team_id = any ((select private.my_team_ids())::uuid[]));
