-- Schema-wide guards: they fail when someone adds a table, view or function and forgets the rules.
begin;
\ir _helpers.psql
select plan(15);

select is(
  (select coalesce(array_agg(c.relname::text order by c.relname), '{}')
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and not c.relrowsecurity),
  '{}'::text[],
  'every table in public and private has row-level security enabled');

select is(
  (select coalesce(array_agg(c.relname::text order by c.relname), '{}')
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and not exists (select 1 from pg_policy p where p.polrelid = c.oid)),
  '{}'::text[],
  'every public table has at least one policy (RLS without policies would hide it from everyone)');

select is(
  (select coalesce(array_agg(c.relname::text order by c.relname), '{}')
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('v', 'm')
      and not coalesce(c.reloptions @> '{security_invoker=true}', false)),
  '{}'::text[],
  'every public view is security_invoker');

select is(
  (select coalesce(array_agg(p.oid::regprocedure::text order by p.oid::regprocedure::text), '{}')
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and p.prosecdef
      and not exists (select 1 from unnest(p.proconfig) c where c in ('search_path=""', 'search_path=pg_catalog, public'))),
  '{}'::text[],
  'every security-definer function pins search_path');

select is(
  (select coalesce(array_agg(p.oid::regprocedure::text order by p.oid::regprocedure::text), '{}')
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private')
      and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')),
  '{}'::text[],
  'every Jalur function pins search_path (no shadowing through a caller''s path)');

select is(
  (select coalesce(array_agg(format('%s.%s', table_name, privilege_type) order by table_name, privilege_type), '{}')
     from information_schema.role_table_grants
    where table_schema in ('public', 'private') and grantee = 'anon'),
  '{}'::text[],
  'anon holds no table privileges at all');

select is(
  (select coalesce(array_agg(format('%s %s', table_name, privilege_type) order by table_name, privilege_type), '{}')
     from information_schema.role_table_grants
    where table_schema in ('public', 'private') and grantee = 'authenticated'
      and privilege_type in ('TRUNCATE', 'REFERENCES', 'TRIGGER', 'DELETE')
      and table_name <> 'team_invites'),
  '{}'::text[],
  'authenticated cannot TRUNCATE (which skips RLS) or hard-DELETE synced rows (tombstones only)');

select is(
  (select coalesce(array_agg(p.proname::text order by p.proname), '{}')
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and (has_function_privilege('anon', p.oid, 'execute')
                                    or has_function_privilege('public', p.oid, 'execute'))),
  '{}'::text[],
  'no public function is callable by anon or PUBLIC');

select is(
  (select array_agg(p.proname::text order by p.proname)
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and has_function_privilege('authenticated', p.oid, 'execute')),
  array['create_invite', 'create_team', 'erase_prospect', 'join_team', 'leave_team', 'my_teams', 'remove_member',
        'restore_prospect', 'set_member_role', 'sync_pull', 'sync_push'],
  'the RPC surface for signed-in users is exactly the documented one');

select ok(not has_function_privilege('authenticated', 'private.init_team(uuid)', 'execute')
          and not has_function_privilege('authenticated', 'private.my_profile()', 'execute'),
  'internal security-definer helpers are not callable by users');

select ok(not has_table_privilege('authenticated', 'auth.users', 'select')
          and not has_table_privilege('anon', 'auth.users', 'select'),
  'API roles cannot read auth.users');

-- Composite foreign keys are checked with "team_id = $1 and id = $2"; without statistics for a
-- new team, any other full index leading with team_id competes with the key (see the schema
-- migration) and a big first import goes quadratic.
select is(
  (select coalesce(array_agg(distinct i.indexrelid::regclass::text order by i.indexrelid::regclass::text), '{}')
     from pg_constraint fk
     join pg_index i on i.indrelid = fk.confrelid
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where fk.contype = 'f' and cardinality(fk.confkey) = 2
      and a.attname = 'team_id' and i.indpred is null and i.indexrelid <> fk.conindid),
  '{}'::text[],
  'tables referenced by (team_id, id) keys have no other full index leading with team_id');

-- Lookups by identity key must be index hits (DESIGN.md §3), even on a large team.
select tests.make_teams();
insert into public.prospects (team_id, name, source, linkedin_slug, emails, created_by)
select tests.team(), 'Person ' || g, 'social_selling', 'person-' || g, array['p' || g || '@example.com'], tests.user_id('owner')
  from generate_series(1, 3000) g;
insert into public.follow_ups (team_id, prospect_id, assignee_id, title, due_at, done_at, created_by)
select p.team_id, p.id, tests.user_id(case when g % 3 = 0 then 'rep' else 'rep2' end), 'Follow up',
       now() + (g - 1500) * interval '1 hour', case when g % 4 = 0 then now() end, tests.user_id('owner')
  from public.prospects p, generate_series(1, 2) g0, lateral (select (abs(hashtext(p.id::text)) % 3000) as g) x
 where p.team_id = tests.team();
analyze public.prospects;
analyze public.prospect_emails;
analyze public.follow_ups;

create function tests.plan_of(q text) returns text language plpgsql as $$
declare
  line text;
  whole text := '';
begin
  for line in execute 'explain (costs off) ' || q loop
    whole := whole || line || E'\n';
  end loop;
  return whole;
end;
$$;

select matches(
  tests.plan_of(format($$select id from public.prospects where team_id = %L and linkedin_slug = 'person-1234' and deleted_at is null$$, tests.team())),
  '(Index (Only )?Scan using|Bitmap Index Scan on) prospects_team_slug_live',
  'lookup by LinkedIn slug uses the per-team unique index');

select matches(
  tests.plan_of(format($$select prospect_id from public.prospect_emails where team_id = %L and email = 'p77@example.com'$$, tests.team())),
  '(Index (Only )?Scan using|Bitmap Index Scan on) prospect_emails_pkey',
  'lookup by e-mail uses the per-team unique index');

select matches(
  tests.plan_of(format($$select count(*) from public.follow_ups where team_id = %L and assignee_id = %L
                          and done_at is null and deleted_at is null and greatest(due_at, snoozed_until) <= now()$$,
                       tests.team(), tests.user_id('rep'))),
  '(Index (Only )?Scan using|Bitmap Index Scan on) follow_ups_open_due',
  'the overdue count for the badge is an index range scan');

select * from finish();
rollback;
