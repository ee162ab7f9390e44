-- sync_push runs as jalur_apply (20261206040000_apply_role.sql): a NOLOGIN role nobody can become,
-- whose current_user is the marker the per-row triggers step aside for in a set-based run. Who can
-- and cannot reach it, what it may do, and that a teammate writing tables directly — with every flag
-- they can set — is still refused, normalised and stamped. (92_set_based_push compares the run's own
-- checks with the one-by-one path's triggers.)
begin;
\ir _helpers.psql
create extension if not exists dblink with schema extensions;
select plan(34);

select tests.make_teams();

-- ---- the role -------------------------------------------------------------------------------------
select is((select jsonb_build_object('login', rolcanlogin, 'super', rolsuper, 'bypassrls', rolbypassrls,
                                     'createrole', rolcreaterole, 'createdb', rolcreatedb, 'replication', rolreplication)
             from pg_roles where rolname = 'jalur_apply'),
          '{"login": false, "super": false, "bypassrls": false, "createrole": false, "createdb": false, "replication": false}'::jsonb,
          'jalur_apply cannot log in and has no special attribute (row-level security applies to it)');
select is((select array_agg(r order by r) from unnest(array['authenticator', 'authenticated', 'anon', 'service_role']) r
            where pg_has_role(r, 'jalur_apply', 'member')),
          null, 'no API role (authenticator, authenticated, anon, service_role) is a member of jalur_apply');
select is(pg_has_role('jalur_apply', 'authenticated', 'usage'), true,
          'jalur_apply has what a signed-in caller has (member of authenticated): the same grants and policies');

-- A real PostgREST session: log in as authenticator, become authenticated, try to become jalur_apply.
-- (dblink connects as another user only for a superuser test runner, as in 50_cursor_concurrency.)
create function tests.authenticator_tries(statement text) returns text language plpgsql as $$
declare
  conn text := format('dbname=%s user=authenticator password=authenticator port=%s host=%s', current_database(),
                      current_setting('port'), coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)));
  got text;
begin
  perform extensions.dblink_connect_u('api', conn);
  begin
    perform extensions.dblink_exec('api', statement);
    got := 'ok';
  exception when others then
    got := 'err:' || sqlstate;
  end;
  perform extensions.dblink_disconnect('api');
  return got;
end;
$$;
create function tests.set_role_probes() returns setof text language plpgsql as $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    -- Never skipped: scripts/test-db.sh runs pgTAP as the superuser postgres, so a lesser runner is a broken setup.
    return next fail('dblink as authenticator needs a superuser test runner');
    return;
  end if;
  return next is(tests.authenticator_tries('set role jalur_apply'), 'err:42501',
                 'the API''s login role cannot SET ROLE jalur_apply');
  return next is(tests.authenticator_tries('begin; set local role authenticated; set local role jalur_apply; commit'), 'err:42501',
                 'nor can a signed-in request (authenticated)');
  return next is(tests.authenticator_tries('begin; set local role authenticated; select set_config(''role'', ''jalur_apply'', true); commit'),
                 'err:42501', '…not through set_config either');
  return next is(tests.authenticator_tries('begin; set local role authenticated; commit'), 'ok',
                 'while becoming authenticated works (the probe itself is sound)');
end;
$$;
select * from tests.set_role_probes();

-- ---- the function it owns ---------------------------------------------------------------------------
select is((select jsonb_build_object('owner', p.proowner::regrole::text, 'definer', p.prosecdef, 'config', p.proconfig)
             from pg_proc p where p.oid = 'public.sync_push(uuid, jsonb)'::regprocedure),
          jsonb_build_object('owner', 'jalur_apply', 'definer', true, 'config', array['search_path=""', 'statement_timeout=6s']),
          'sync_push is security definer, owned by jalur_apply, with a fixed (empty) search_path');
select is((select coalesce(array_agg(p.oid::regprocedure::text order by 1), '{}') from pg_proc p
            where p.proowner = 'jalur_apply'::regrole),
          array['sync_push(uuid,jsonb)'], 'it is the only function jalur_apply owns');
select is((select coalesce(array_agg(c.relname::text order by 1), '{}') from pg_class c where c.relowner = 'jalur_apply'::regrole),
          '{}'::text[], 'jalur_apply owns no table, view or sequence');
select is((select coalesce(array_agg(p.proname::text order by p.proname), '{}') from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'private' and has_function_privilege('jalur_apply', p.oid, 'execute')
              and not has_function_privilege('authenticated', p.oid, 'execute')),
          array['check_company_slug', 'check_slug', 'hlc_map', 'merge_winners', 'push_cadence', 'push_company', 'push_delete',
                'push_follow_up', 'push_item', 'push_prospect', 'push_prospect_company', 'push_stage', 'push_stage_change',
                'push_team_settings', 'push_touch', 'result', 'unknown_fields'],
          'jalur_apply alone executes sync_push''s helpers');
select is((select array_agg(t order by t) from unnest(array['public.prospects', 'public.touches', 'public.stage_changes',
                                                              'public.follow_ups', 'public.stages', 'public.prospect_emails']) t
            where has_table_privilege('jalur_apply', t, 'truncate') or has_table_privilege('jalur_apply', t, 'delete')),
          null, 'jalur_apply may not delete or truncate synced rows');

-- ---- what a teammate cannot call or write -----------------------------------------------------------
select is(tests.try_as('rep', $$select private.push_item(tests.team(), 'rep', tests.mut('touch', 'upsert', gen_random_uuid(), tests.hlc(1),
            jsonb_build_object('prospect_id', gen_random_uuid(), 'channel', 'call')), false)$$), 'err:42501',
          'a member cannot call push_item directly');
select is(tests.try_as('rep', $$select private.push_prospect(tests.team(), tests.user_id('rep'), gen_random_uuid(), tests.hlc(1), '{}')$$),
          'err:42501', 'nor push_prospect');
select is(tests.try_as('rep', $$select private.merge_winners('{"name": "x"}', tests.hlc(1), '{}', '{}')$$), 'err:42501',
          'nor merge_winners');
select is(tests.try_as('rep', $$select private.result(gen_random_uuid(), 'applied')$$), 'err:42501', 'nor result');
select is(tests.try_as('rep', $$insert into private.applied_mutations (team_id, mutation_id, user_id)
                                values (tests.team(), gen_random_uuid(), tests.user_id('rep'))$$), 'err:42501',
          'a member cannot mark a mutation id as applied (so a teammate''s change is never answered "duplicate" unapplied)');
select is(tests.try_as('rep', $$select public.sync_push(tests.team(), jsonb_build_array(tests.mut('prospect', 'upsert',
            'e4000000-0000-4000-8000-000000000001', tests.hlc(1000), '{"name": "Rina", "source": "event"}')))$$), 'ok:1',
          'while sync_push works for them');
select is(tests.try_as('other', $$select public.sync_push(tests.team(), '[]')$$), 'err:42501',
          'and refuses a member of another team, as before');

-- ---- the quick shape check refuses what the patterns refuse -----------------------------------------
-- uuid_in accepts braces and missing hyphens; sync_push's shape check does not, as before.
select is(tests.try_as('rep', $$select public.sync_push(tests.team(), jsonb_build_array(jsonb_build_object(
            'mutation_id', '{e4000000-0000-4000-8000-00000000d001}', 'entity', 'touch', 'op', 'upsert',
            'id', 'e4000000-0000-4000-8000-00000000d002', 'hlc', tests.hlc(1000), 'fields', '{}'::jsonb)))$$), 'err:22023',
          'a mutation id in braces is refused as malformed');
select is(tests.try_as('rep', $$select public.sync_push(tests.team(), jsonb_build_array(jsonb_build_object(
            'mutation_id', 'e4000000-0000-4000-8000-00000000d001', 'entity', 'touch', 'op', 'upsert',
            'id', 'e400000000004000800000000000d002', 'hlc', tests.hlc(1000), 'fields', '{}'::jsonb)))$$), 'err:22023',
          'an id without hyphens is refused as malformed');
select is(tests.try_as('rep', $$select public.sync_push(tests.team(), jsonb_build_array(jsonb_build_object(
            'mutation_id', 'E4000000-0000-4000-8000-00000000D003', 'entity', 'prospect', 'op', 'upsert',
            'id', 'E4000000-0000-4000-8000-0000000000B9', 'hlc', tests.hlc(1000), 'fields', '{"name": "Upper", "source": "event"}'::jsonb)))$$), 'ok:1',
          'while an upper-case uuid is accepted, as before');

-- ---- the flags do nothing for a teammate's direct writes -----------------------------------------------
-- Everything runs as 'rep' with both transaction-local flags set, as a session with direct SQL could.
create function tests.as_rep_with_flags(statement text) returns text language plpgsql as $$
declare
  got text;
begin
  perform set_config('jalur.sync', 'on', true);
  perform set_config('jalur.apply_run', 'on', true);
  got := tests.try_as('rep', statement);
  perform set_config('jalur.sync', '', true);
  perform set_config('jalur.apply_run', '', true);
  return got;
end;
$$;
grant execute on all functions in schema tests to authenticated;

insert into public.prospects (id, team_id, name, source, created_by, owner_id) values
  ('e4000000-0000-4000-8000-0000000000a1', tests.team(), 'Sari', 'event', tests.user_id('rep'), tests.user_id('rep'));
insert into public.touches (id, team_id, prospect_id, channel, created_by) values
  ('e4000000-0000-4000-8000-0000000000c1', tests.team(), 'e4000000-0000-4000-8000-0000000000a1', 'call', tests.user_id('rep'));
insert into public.erasures (id, team_id) values ('e4000000-0000-4000-8000-0000000000e1', tests.team());
update public.stages set deleted_at = now() where team_id = tests.team() and key = 'decision';

-- Fails without the migration: jalur.sync let the writer keep the field clock it sent.
select tests.act_as('rep');
select set_config('jalur.sync', 'on', true);
select set_config('jalur.apply_run', 'on', true);
update public.prospects set title = 'Pinned', field_hlc = field_hlc || '{"title": "999999999999999-zzzzzz-pin"}'
 where id = 'e4000000-0000-4000-8000-0000000000a1';
insert into public.follow_ups (id, team_id, prospect_id, title, due_at, field_hlc)
values ('e4000000-0000-4000-8000-0000000000f1', tests.team(), 'e4000000-0000-4000-8000-0000000000a1', 'Call', now(),
        '{"title": "999999999999999-zzzzzz-pin"}');
select tests.act_as_runner();
select set_config('jalur.sync', '', true);
select set_config('jalur.apply_run', '', true);
select isnt((select field_hlc ->> 'title' from public.prospects where id = 'e4000000-0000-4000-8000-0000000000a1'),
            '999999999999999-zzzzzz-pin', 'a teammate who sets jalur.sync is stamped with the server''s clock on update (no pinned field)');
select ok((select field_hlc ->> 'title' from public.prospects where id = 'e4000000-0000-4000-8000-0000000000a1') < '999999999999999',
          '…the clock is the server''s');
select is((select field_hlc from public.follow_ups where id = 'e4000000-0000-4000-8000-0000000000f1'), '{}'::jsonb,
          '…and on insert the clocks they send are dropped');
select is((select assignee_id from public.follow_ups where id = 'e4000000-0000-4000-8000-0000000000f1'), tests.user_id('rep'),
          '…the follow-up still gets its default assignee');
select ok((select change_seq from public.follow_ups where id = 'e4000000-0000-4000-8000-0000000000f1') > 0,
          '…and its change cursor (the stamp trigger ran)');

select is(tests.as_rep_with_flags($$insert into public.prospects (id, team_id, name, source)
            values ('e4000000-0000-4000-8000-0000000000e1', tests.team(), 'Back again', 'event')$$), 'err:22023',
          'with every flag set, an erased id still cannot come back');
select is(tests.as_rep_with_flags($$insert into public.prospects (team_id, name, source, owner_id)
            values (tests.team(), 'Given away', 'event', tests.user_id('other'))$$), 'err:22023',
          '…an owner who is not a member is still refused');
select is(tests.as_rep_with_flags($$insert into public.stage_changes (team_id, prospect_id, to_stage_id)
            values (tests.team(), 'e4000000-0000-4000-8000-0000000000a1',
                    (select s.id from public.stages s where s.team_id = tests.team() and s.key = 'decision'))$$), 'err:22023',
          '…a move into a deleted stage is still refused');
select is(tests.as_rep_with_flags($$update public.prospects set stage_id = tests.stage(tests.team(), 'qualification')
            where id = 'e4000000-0000-4000-8000-0000000000a1'$$), 'err:42501',
          '…setting a stage directly is still refused');
select is(tests.as_rep_with_flags($$update public.touches set note = 'rewritten'
            where id = 'e4000000-0000-4000-8000-0000000000c1'$$), 'err:42501',
          '…touches stay append-only');

select tests.act_as('rep');
select set_config('jalur.sync', 'on', true);
select set_config('jalur.apply_run', 'on', true);
insert into public.prospects (id, team_id, name, source, linkedin_slug, emails, stage_change_id, change_seq)
values ('e4000000-0000-4000-8000-0000000000a2', tests.team(), 'Tono', 'event', '  Tono-Wijaya ', '{" TONO@Example.com", "tono@example.com", ""}',
        'e4000000-0000-4000-8000-0000000000ff', 0);
select tests.act_as_runner();
select set_config('jalur.sync', '', true);
select set_config('jalur.apply_run', '', true);
select is((select jsonb_build_object('slug', linkedin_slug, 'emails', emails, 'stage_change_id', stage_change_id, 'stamped', change_seq > 0)
             from public.prospects where id = 'e4000000-0000-4000-8000-0000000000a2'),
          '{"slug": "tono-wijaya", "emails": ["tono@example.com"], "stage_change_id": null, "stamped": true}'::jsonb,
          'with every flag set, a direct insert is still normalised, defaulted and stamped');
select is((select array_agg(email) from public.prospect_emails where prospect_id = 'e4000000-0000-4000-8000-0000000000a2'),
          array['tono@example.com'], '…and its e-mail is kept in prospect_emails');

select * from finish();
rollback;
