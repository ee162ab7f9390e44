-- sync_pull: paging, the cursor, tombstones, team isolation, argument checks.
begin;
\ir _helpers.psql
select plan(19);

select tests.make_teams();

-- Pages through everything after `since`; returns {changes, cursor, pages}.
create function tests.pull_all(who text, since bigint, lim integer) returns jsonb
language plpgsql as $$
declare
  page jsonb;
  all_changes jsonb := '[]';
  cursor_at bigint := since;
  pages integer := 0;
begin
  perform tests.act_as(who);
  loop
    page := public.sync_pull(tests.team(), cursor_at, lim);
    pages := pages + 1;
    all_changes := all_changes || (page -> 'changes');
    cursor_at := (page ->> 'next_cursor')::bigint;
    exit when not (page ->> 'has_more')::boolean;
    if pages > 10000 then
      raise exception 'pull does not terminate';
    end if;
  end loop;
  perform tests.act_as_runner();
  return jsonb_build_object('changes', all_changes, 'cursor', cursor_at, 'pages', pages);
end;
$$;
grant execute on all functions in schema tests to authenticated;
create temp table pulls (name text primary key, result jsonb);
grant all on pulls to authenticated;

select tests.act_as('rep');
select public.sync_push(tests.team(), (
  select jsonb_agg(x order by g) from (
    select g, tests.mut('prospect', 'upsert', ('e0000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, tests.hlc(1000 + g),
                        jsonb_build_object('name', 'Prospect ' || g, 'source', 'event')) as x from generate_series(1, 5) g
    union all
    select 10 + g, tests.mut('touch', 'upsert', ('e0000000-0000-4000-8000-' || lpad((100 + g)::text, 12, '0'))::uuid, tests.hlc(2000 + g),
                             jsonb_build_object('prospect_id', ('e0000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'channel', 'email')) from generate_series(1, 5) g
  ) s));
select tests.act_as('other');
select public.sync_push(tests.team('b'), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000b1', tests.hlc(1000), '{"name": "B one", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000b2', tests.hlc(1000), '{"name": "B two", "source": "event"}')));
select tests.act_as_runner();

create temp view team_a_rows as
  select 'team' as entity, id, change_seq from public.teams where id = tests.team()
  union all select 'team_member', user_id, change_seq from public.team_members where team_id = tests.team()
  union all select 'team_settings', team_id, change_seq from public.team_settings where team_id = tests.team()
  union all select 'stage', id, change_seq from public.stages where team_id = tests.team()
  union all select 'cadence', id, change_seq from public.cadences where team_id = tests.team()
  union all select 'prospect', id, change_seq from public.prospects where team_id = tests.team()
  union all select 'follow_up', id, change_seq from public.follow_ups where team_id = tests.team()
  union all select 'touch', id, change_seq from public.touches where team_id = tests.team()
  union all select 'stage_change', id, change_seq from public.stage_changes where team_id = tests.team();

insert into pulls values ('full', tests.pull_all('rep', 0, 4));
select is(jsonb_array_length((select result from pulls where name = 'full') -> 'changes'), (select count(*)::int from team_a_rows),
          'paging from 0 returns as many changes as the team has rows');
select set_eq($$select c ->> 'entity', (c ->> 'id')::uuid, (c ->> 'seq')::bigint
                  from pulls, jsonb_array_elements(result -> 'changes') c where name = 'full'$$,
              $$select entity, id, change_seq from team_a_rows$$,
              '…exactly those rows, each at its current version');
select is((select count(distinct (c ->> 'entity', c ->> 'id'))::int from pulls, jsonb_array_elements(result -> 'changes') c where name = 'full'),
          jsonb_array_length((select result from pulls where name = 'full') -> 'changes'), 'no row is repeated');
select ok((select bool_and(s > prev) from (
             select (c ->> 'seq')::bigint as s, lag((c ->> 'seq')::bigint, 1, -1::bigint) over (order by o) as prev
               from pulls, jsonb_array_elements(result -> 'changes') with ordinality as x(c, o) where name = 'full') q),
          'sequence numbers strictly increase across pages');
select is(((select result from pulls where name = 'full') ->> 'pages')::int,
          (select count(*)::int / 4 + 1 from team_a_rows), 'pages of 4 (the last one may be short or empty)');
select is(((select result from pulls where name = 'full') ->> 'cursor')::bigint, (select max(change_seq) from team_a_rows),
          'the final cursor is the newest change');
select ok(not exists (select 1 from pulls, jsonb_array_elements(result -> 'changes') c
                       where name = 'full' and (c -> 'data' ->> 'team_id' = tests.team('b')::text or c ->> 'id' like 'e0000000-0000-4000-8000-0000000000b%')),
          'nothing of team B is ever pulled');
select ok((select bool_and((c -> 'data' ->> 'change_seq')::bigint = (c ->> 'seq')::bigint) from pulls, jsonb_array_elements(result -> 'changes') c where name = 'full'),
          'each change carries the full row, its change_seq equal to the cursor position');
select ok((select c -> 'data' ? 'field_hlc' from pulls, jsonb_array_elements(result -> 'changes') c
            where name = 'full' and c ->> 'entity' = 'prospect' limit 1),
          'prospects come with their per-field clocks');

-- incremental pulls: only what changed, once, at its latest version; tombstones included
select tests.act_as('rep');
select public.sync_push(tests.team(), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000003', tests.hlc(3000), '{"title": "Owner"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000003', tests.hlc(3001), '{"title": "Founder"}'),
  tests.mut('touch', 'delete', 'e0000000-0000-4000-8000-000000000104', tests.hlc(3002))));
select tests.act_as_runner();
insert into pulls values ('since', tests.pull_all('rep', ((select result from pulls where name = 'full') ->> 'cursor')::bigint, 100));
select is((select jsonb_agg(jsonb_build_array(c ->> 'entity', c ->> 'id') order by o)
             from pulls, jsonb_array_elements(result -> 'changes') with ordinality x(c, o) where name = 'since'),
          jsonb_build_array(jsonb_build_array('prospect', 'e0000000-0000-4000-8000-000000000003'),
                            jsonb_build_array('touch', 'e0000000-0000-4000-8000-000000000104')),
          'a later pull returns just the changed rows, each once');
select is((select result -> 'changes' -> 0 -> 'data' ->> 'title' from pulls where name = 'since'), 'Founder', 'at their latest version');
select isnt((select result -> 'changes' -> 1 -> 'data' ->> 'deleted_at' from pulls where name = 'since'), null, 'tombstones are pulled');
select tests.act_as('rep');
select is(public.sync_pull(tests.team(), ((select result from pulls where name = 'since') ->> 'cursor')::bigint, 10),
          jsonb_build_object('changes', '[]'::jsonb, 'next_cursor', ((select result from pulls where name = 'since') ->> 'cursor')::bigint, 'has_more', false),
          'an up-to-date client gets an empty page and keeps its cursor');

-- a removed member shows up as a team_member tombstone for the others
select tests.act_as('owner');
select public.remove_member(tests.team(), tests.user_id('rep2'));
select tests.act_as_runner();
insert into pulls values ('removal', tests.pull_all('rep', ((select result from pulls where name = 'since') ->> 'cursor')::bigint, 100));
select ok((select c -> 'data' ->> 'deleted_at' is not null and c ->> 'id' = tests.user_id('rep2')::text
             from pulls, jsonb_array_elements(result -> 'changes') c where name = 'removal' and c ->> 'entity' = 'team_member'),
          'a removal reaches the remaining members as a tombstone');

-- arguments and access
select tests.act_as('rep');
select throws_ok(format($$select public.sync_pull(%L, 0, 0)$$, tests.team()), '22023', null, 'lim below 1 is refused');
select throws_ok(format($$select public.sync_pull(%L, 0, 5001)$$, tests.team()), '22023', null, 'lim above 5000 is refused');
select throws_ok(format($$select public.sync_pull(%L, -1, 10)$$, tests.team()), '22023', null, 'a negative cursor is refused');
select tests.act_as('other');
select throws_ok(format($$select public.sync_pull(%L, 0, 10)$$, tests.team()), '42501', null, 'another team''s member cannot pull');
select tests.act_as('anon');
select throws_ok(format($$select public.sync_pull(%L, 0, 10)$$, tests.team()), '42501', null, 'anon cannot pull');
select tests.act_as_runner();

select * from finish();
rollback;
