-- sync_push's idempotency records (20261206080000_push_idempotency_lookup.sql): a replayed mutation id
-- gets the same reply on both paths however long the team's history; a call looks up only its own ids
-- (one primary-key probe each, not every id the team ever applied); ids are per team; a call that
-- resends ids another call is applying waits for it and answers `duplicate`; records have no foreign
-- key to teams any more, so a team's records go with the team by trigger; and nobody but sync_push
-- writes them, while members read only their own team's.
begin;
\ir _helpers.psql
create extension if not exists dblink with schema extensions;
select plan(16);

select tests.make_teams();
insert into public.prospects (id, team_id, name, source, created_by)
values ('e9600000-0000-4000-8000-00000000f001', tests.team(), 'Wulan', 'event', tests.user_id('rep'));

-- A long history for team a: 3,000 earlier records (as sync_push writes them).
insert into private.applied_mutations (team_id, mutation_id, user_id)
select tests.team(), gen_random_uuid(), tests.user_id('rep') from generate_series(1, 3000);
-- with statistics that know it (autovacuum's job on a real project)
analyze private.applied_mutations;

-- ---- replays answer as before, on both paths -------------------------------------------------------
create function tests.push(who text, team uuid, batch jsonb, path text default '') returns jsonb
language plpgsql as $$
declare
  reply jsonb;
begin
  perform set_config('jalur.sync_push_path', path, true);
  perform tests.act_as(who);
  reply := public.sync_push(team, batch);
  perform tests.act_as_runner();
  perform set_config('jalur.sync_push_path', '', true);
  return reply;
end;
$$;

create temp table batch1 as
select jsonb_agg(tests.mut('touch', 'upsert', ('e9600000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, tests.hlc(1000 + g),
                           jsonb_build_object('prospect_id', p.id, 'channel', 'call'),
                           ('e9600000-0000-4000-8000-1' || lpad(g::text, 11, '0'))::uuid) order by g) as b
  from generate_series(1, 8) g,
       (select 'e9600000-0000-4000-8000-00000000f001'::uuid as id) p;
-- one item refused: a touch of a person the team does not have
update batch1 set b = b || jsonb_build_array(tests.mut('touch', 'upsert', 'e9600000-0000-4000-8000-000000000099', tests.hlc(2000),
                                                       jsonb_build_object('prospect_id', gen_random_uuid(), 'channel', 'call'),
                                                       'e9600000-0000-4000-8000-100000000099'));

select is(tests.statuses(tests.push('rep', tests.team(), (select b from batch1))),
          '{applied,applied,applied,applied,applied,applied,applied,applied,rejected}',
          'a batch applies (one item refused)');
select is((select count(*)::int from private.applied_mutations where team_id = tests.team()), 3008,
          'its applied ids are recorded, the refused one is not');

-- Reads of the records during one call: pg_stat_xact_user_tables counts this transaction's reads.
create function tests.record_reads() returns bigint language sql as $$
  select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
    from pg_stat_xact_user_tables where relid = 'private.applied_mutations'::regclass
$$;
create temp table reads (label text primary key, n bigint);
insert into reads values ('before', tests.record_reads());
select is(tests.statuses(tests.push('rep', tests.team(), (select b from batch1))),
          '{duplicate,duplicate,duplicate,duplicate,duplicate,duplicate,duplicate,duplicate,rejected}',
          'a replay answers duplicate for every applied id (set-based path); the refused one is tried again');
insert into reads values ('after', tests.record_reads());
select cmp_ok((select n from reads where label = 'after') - (select n from reads where label = 'before'), '<=', 9::bigint,
       'the replay read at most one record per id of the batch, not the team''s 3,008 (it read them all before)');
select is(tests.statuses(tests.push('rep', tests.team(), (select b from batch1), 'per_item')),
          '{duplicate,duplicate,duplicate,duplicate,duplicate,duplicate,duplicate,duplicate,rejected}',
          'the one-by-one path answers the same');
select is((select count(*)::int from public.touches where id::text like 'e9600000-0000-4000-8000-0000000000%'), 8,
          'and nothing was applied twice');
select is((select count(*)::int from private.applied_mutations where team_id = tests.team()), 3008,
          'nor recorded twice');

-- ---- ids are per team ------------------------------------------------------------------------------
select is(tests.statuses(tests.push('other', tests.team('b'), jsonb_build_array(
            tests.mut('prospect', 'upsert', 'e9600000-0000-4000-8000-000000000201', tests.hlc(3000), '{"name": "Sinta", "source": "event"}',
                      'e9600000-0000-4000-8000-100000000001')))),
          '{applied}', 'a mutation id team a applied is new to team b');

-- ---- who reads and writes the records --------------------------------------------------------------
select is(tests.try_as('rep', $$select 1 from private.applied_mutations where team_id = tests.team() limit 1$$), 'ok:1',
          'a member reads their team''s records');
select is(tests.try_as('other', $$select 1 from private.applied_mutations where team_id = tests.team()$$), 'ok:0',
          'a member of another team reads none of them');
select is(tests.try_as('rep', $$insert into private.applied_mutations (team_id, mutation_id, user_id)
                                values (tests.team(), gen_random_uuid(), tests.user_id('rep'))$$), 'err:42501',
          'a member cannot record a mutation id as applied (without the foreign key too)');
select is(tests.try_as('rep', $$delete from private.applied_mutations where team_id = tests.team()$$), 'err:42501',
          'nor delete records (a replay would apply twice)');
select is(tests.try_as('rep', $$update private.applied_mutations set team_id = tests.team('b') where team_id = tests.team()$$),
          'err:42501', 'nor move them');

-- ---- a team's records go with the team -------------------------------------------------------------
delete from public.teams where id = tests.team();
select is((select count(*)::int from private.applied_mutations where team_id = tests.team()), 0,
          'deleting a team deletes its records');
select is((select count(*)::int from private.applied_mutations where team_id = tests.team('b')), 1,
          'and no other team''s');

-- ---- two calls resending the same ids ----------------------------------------------------------------
-- Committed fixture through dblink (as in 50_cursor_concurrency; needs the superuser test runner).
create function tests.concurrent_resend() returns text
language plpgsql as $$
declare
  conn text := format('dbname=%s user=%s port=%s host=%s', current_database(), current_user,
                      current_setting('port'), coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)));
  team constant uuid := 'e9600000-0000-4000-8000-00000000a000';
  u1 constant uuid := 'e9600000-0000-4000-8000-00000000a001';
  as_user constant text := format($q$set local role authenticated; set local request.jwt.claims = '{"sub": "%s", "role": "authenticated"}'$q$, u1);
  cleanup constant text := format($q$delete from public.teams where id = '%s'; delete from auth.users where id = '%s'$q$, team, u1);
  batch text := format($q$[{"mutation_id": "e9600000-0000-4000-8000-00000000a101", "entity": "prospect", "op": "upsert",
                           "id": "e9600000-0000-4000-8000-00000000a201", "hlc": "000000000001000-000000-w1",
                           "fields": {"name": "Resent", "source": "event"}}]$q$);
  pid2 integer;
  reply jsonb;
  outcome text;
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    return 'dblink needs a superuser test runner';
  end if;
  perform dblink_connect('setup', conn);
  perform dblink_exec('setup', cleanup);
  perform dblink_exec('setup', format($q$
    insert into auth.users (id, email) values ('%1$s', 'resend@test.example.com');
    insert into public.teams (id, name, created_by) values ('%2$s', 'Resend', '%1$s');
    insert into public.team_members (team_id, user_id, role) values ('%2$s', '%1$s', 'owner');
    do $d$ begin perform private.init_team('%2$s'); end $d$;$q$, u1, team));

  -- the first call applies the batch and keeps its transaction open
  perform dblink_connect('c1', conn);
  perform dblink_exec('c1', 'begin');
  perform dblink_exec('c1', as_user);
  perform * from dblink('c1', format('select public.sync_push(%L, %L)', team, batch)) as t(r jsonb);

  -- the device resends the same batch (its first request timed out): the second call waits
  perform dblink_connect('c2', conn);
  select p into pid2 from dblink('c2', 'select pg_backend_pid()') as t(p integer);
  perform dblink_exec('c2', 'begin');
  perform dblink_exec('c2', as_user);
  perform dblink_send_query('c2', format('select public.sync_push(%L, %L)', team, batch));
  -- until it waits for the team's lock (a condition, not a timer)
  for i in 1..3000 loop
    exit when exists (select 1 from pg_stat_activity where pid = pid2 and wait_event_type = 'Lock');
    perform pg_stat_clear_snapshot();
    perform pg_sleep(0.01);
  end loop;
  perform dblink_exec('c1', 'commit');
  begin
    select r into reply from dblink_get_result('c2') as t(r jsonb);
    outcome := reply -> 'results' -> 0 ->> 'status';
  exception when others then
    outcome := 'error ' || sqlstate;
  end;
  perform * from dblink_get_result('c2', false) as t(r jsonb);
  perform dblink_exec('c2', 'rollback');
  perform dblink_exec('setup', cleanup);
  perform dblink_disconnect('c1');
  perform dblink_disconnect('c2');
  perform dblink_disconnect('setup');
  return outcome;
end;
$$;
select is(tests.concurrent_resend(), 'duplicate',
          'a call resending ids another call is applying waits for it and answers duplicate (it failed whole before)');

select * from finish();
rollback;
