-- The pull cursor never skips a change when writers commit out of order.
--
-- The hazard: a writer draws change_seq 10, a second writer draws 11 and commits first; a pull in
-- between returns 11 and moves the cursor past 10, which commits later and is never pulled.
-- Here two real sessions (dblink) race exactly like that, while this session pulls. Their writes
-- must be committed to be seen, so the fixture is committed too and removed at the end.
--
-- dblink connects back as the current user, which needs a superuser (true for the throwaway
-- database of scripts/test-db.sh); elsewhere, e.g. `supabase test db`, the file skips itself.
begin;
\ir _helpers.psql
create extension if not exists dblink with schema extensions;
select plan(11);

-- This session pulls as the team's rep, the way the extension would.
create function tests.pull_as_rep(team uuid, since bigint) returns jsonb
language plpgsql as $$
declare
  page jsonb;
begin
  perform tests.act_as('u:race2');
  page := public.sync_pull(team, since, 5000);
  perform tests.act_as_runner();
  return page;
end;
$$;

create function tests.cursor_race() returns setof text
language plpgsql as $$
declare
  conn text := format('dbname=%s user=%s port=%s host=%s', current_database(), current_user,
                      current_setting('port'), coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)));
  team constant uuid := 'f0000000-0000-4000-8000-00000000000a';
  other_team constant uuid := 'f0000000-0000-4000-8000-00000000000b';
  u1 constant uuid := 'f0000000-0000-4000-8000-0000000000a1';
  u2 constant uuid := 'f0000000-0000-4000-8000-0000000000a2';
  u3 constant uuid := 'f0000000-0000-4000-8000-0000000000b1';
  as_user constant text := $q$set local role authenticated; set local request.jwt.claims = '{"sub": "%s", "role": "authenticated"}'$q$;
  cleanup constant text := format($q$delete from public.teams where id in ('%s', '%s'); delete from auth.users where id in ('%s', '%s', '%s')$q$,
                                  team, other_team, u1, u2, u3);
  p1 constant uuid := 'f0000000-0000-4000-8000-000000000101';
  p2 constant uuid := 'f0000000-0000-4000-8000-000000000102';
  p3 constant uuid := 'f0000000-0000-4000-8000-000000000103';
  page jsonb;
  cursor0 bigint;
  cursor1 bigint;
  seen jsonb := '[]';
  reply jsonb;
  w2_waited boolean;
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    -- Never skipped: scripts/test-db.sh runs pgTAP as the superuser postgres, so a lesser runner is a broken setup.
    return next fail('dblink needs a superuser test runner');
    return;
  end if;

  -- committed fixture: team A with two members, team B with one
  perform dblink_connect('setup', conn);
  perform dblink_exec('setup', cleanup);
  perform dblink_exec('setup', format($q$
    insert into auth.users (id, email) values ('%1$s', 'race1@test.example.com'), ('%2$s', 'race2@test.example.com'), ('%3$s', 'race3@test.example.com');
    insert into public.teams (id, name, created_by) values ('%4$s', 'Race A', '%1$s'), ('%5$s', 'Race B', '%3$s');
    insert into public.team_members (team_id, user_id, role) values ('%4$s', '%1$s', 'owner'), ('%4$s', '%2$s', 'rep'), ('%5$s', '%3$s', 'owner');
    do $d$ begin perform private.init_team('%4$s'); perform private.init_team('%5$s'); end $d$;$q$, u1, u2, u3, team, other_team));

  page := tests.pull_as_rep(team, 0);
  cursor0 := (page ->> 'next_cursor')::bigint;

  -- writer 1 draws its number and keeps its transaction open
  perform dblink_connect('w1', conn);
  perform dblink_exec('w1', 'begin');
  perform dblink_exec('w1', format(as_user, u1));
  select r into reply from dblink('w1', format($q$select public.sync_push('%s', '[{"mutation_id": "%s", "entity": "prospect", "op": "upsert", "id": "%s", "hlc": "000000000001000-000000-w1", "fields": {"name": "First writer", "source": "event"}}]')$q$,
                                              team, gen_random_uuid(), p1)) as t(r jsonb);

  -- writer 2 starts after it and must wait instead of drawing a number that could commit first
  perform dblink_connect('w2', conn);
  perform dblink_exec('w2', 'begin');
  perform dblink_exec('w2', format(as_user, u2));
  perform dblink_send_query('w2', format($q$select public.sync_push('%s', '[{"mutation_id": "%s", "entity": "prospect", "op": "upsert", "id": "%s", "hlc": "000000000001001-000000-w2", "fields": {"name": "Second writer", "source": "event"}}]')$q$,
                                         team, gen_random_uuid(), p2));
  perform pg_sleep(0.3);
  w2_waited := dblink_is_busy('w2') = 1;
  return next ok(w2_waited, 'a second writer of the same team waits for the first to finish');

  -- another team is not held up
  perform dblink_connect('w3', conn);
  perform dblink_exec('w3', 'begin');
  perform dblink_exec('w3', format(as_user, u3));
  select r into reply from dblink('w3', format($q$select public.sync_push('%s', '[{"mutation_id": "%s", "entity": "prospect", "op": "upsert", "id": "%s", "hlc": "000000000001002-000000-w3", "fields": {"name": "Other team", "source": "event"}}]')$q$,
                                              other_team, gen_random_uuid(), p3)) as t(r jsonb);
  return next is(reply -> 'results' -> 0 ->> 'status', 'applied', 'a writer of another team is not blocked');
  perform dblink_exec('w3', 'commit');

  page := tests.pull_as_rep(team, cursor0);
  return next is(jsonb_array_length(page -> 'changes'), 0, 'uncommitted writes are not pulled');

  -- Try to commit the second writer first. Without serialisation this is the skip: a pull now
  -- would return the second write and move the cursor past the first one's number.
  if not w2_waited then
    perform * from dblink_get_result('w2') as t(r jsonb);
    perform * from dblink_get_result('w2') as t(r jsonb);
    perform dblink_exec('w2', 'commit');
    page := tests.pull_as_rep(team, cursor0);
    seen := seen || (page -> 'changes');
    cursor0 := (page ->> 'next_cursor')::bigint;
  end if;

  perform dblink_exec('w1', 'commit');
  if w2_waited then
    -- writer 2 now proceeds; a pull before it commits sees the first write only
    select r into reply from dblink_get_result('w2') as t(r jsonb);
    perform * from dblink_get_result('w2') as t(r jsonb);
    return next is(reply -> 'results' -> 0 ->> 'status', 'applied', 'the second writer goes ahead once the first committed');
    page := tests.pull_as_rep(team, cursor0);
    seen := seen || (page -> 'changes');
    cursor0 := (page ->> 'next_cursor')::bigint;
    return next is((select jsonb_agg(c ->> 'id') from jsonb_array_elements(page -> 'changes') c), jsonb_build_array(p1::text),
                   'a pull between the two commits returns the first write');
    perform dblink_exec('w2', 'commit');
  else
    return next fail('the second writer went ahead while the first was open');
    return next fail('so its write could commit first');
  end if;

  page := tests.pull_as_rep(team, cursor0);
  seen := seen || (page -> 'changes');
  return next is((select jsonb_agg(c ->> 'id' order by c ->> 'id') from jsonb_array_elements(seen) c
                   where c ->> 'entity' = 'prospect'),
                 jsonb_build_array(p1::text, p2::text),
                 'across the pulls both writes arrive, each once: the cursor skipped nothing');
  return next ok((select bool_and(s > prev) from (
                    select (c ->> 'seq')::bigint as s, lag((c ->> 'seq')::bigint, 1, 0::bigint) over (order by o) as prev
                      from jsonb_array_elements(seen) with ordinality as x(c, o)) q),
                 'numbers arrive in increasing order');
  return next is(jsonb_array_length(tests.pull_as_rep(team, (page ->> 'next_cursor')::bigint) -> 'changes'), 0,
                 'and nothing is repeated afterwards');

  -- a writer that rolls back leaves a gap, which is harmless
  perform dblink_exec('w1', 'begin');
  perform dblink_exec('w1', format(as_user, u1));
  perform * from dblink('w1', format($q$select public.sync_push('%s', '[{"mutation_id": "%s", "entity": "touch", "op": "upsert", "id": "%s", "hlc": "000000000001003-000000-w1", "fields": {"prospect_id": "%s", "channel": "call"}}]')$q$,
                               team, gen_random_uuid(), gen_random_uuid(), p1)) as t(r jsonb);
  perform dblink_exec('w1', 'rollback');
  perform dblink_exec('w2', 'begin');
  perform dblink_exec('w2', format(as_user, u2));
  perform * from dblink('w2', format($q$select public.sync_push('%s', '[{"mutation_id": "%s", "entity": "touch", "op": "upsert", "id": "f0000000-0000-4000-8000-000000000104", "hlc": "000000000001004-000000-w2", "fields": {"prospect_id": "%s", "channel": "email"}}]')$q$,
                               team, gen_random_uuid(), p2)) as t(r jsonb);
  perform dblink_exec('w2', 'commit');
  page := tests.pull_as_rep(team, (page ->> 'next_cursor')::bigint);
  return next is((select jsonb_agg(c ->> 'id') from jsonb_array_elements(page -> 'changes') c),
                 jsonb_build_array('f0000000-0000-4000-8000-000000000104'), 'after a rolled-back writer the next write is pulled normally');

  return next is((select count(*)::int from public.prospects where id = p3 and team_id = other_team), 1, 'the other team''s write landed in its own team');

  perform dblink_exec('setup', cleanup);
  perform dblink_disconnect(c) from unnest(array['setup', 'w1', 'w2', 'w3']) c;
  return next is((select count(*)::int from public.teams where id in (team, other_team)), 0, 'the committed fixture is removed again');
exception when others then
  -- Leave nothing committed behind, then fail loudly. The writers go first: their open
  -- transactions hold locks the cleanup would wait for.
  perform dblink_disconnect(c) from unnest(dblink_get_connections()) c where c <> 'setup';
  perform dblink_exec('setup', cleanup) where 'setup' = any (dblink_get_connections());
  raise;
end;
$$;

insert into tests.users values ('u:race2', 'f0000000-0000-4000-8000-0000000000a2');
select * from tests.cursor_race();

select * from finish();
rollback;
