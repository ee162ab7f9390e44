-- Social engagement touches: pushed, resent and pulled with what the engagement was; refused on
-- another channel, with an unknown kind, and for someone outside the team.
begin;
\ir _helpers.psql
select plan(12);

select tests.make_teams();
create temp table replies (name text primary key, reply jsonb);
grant all on replies to authenticated;
create function tests.push(who text, name text, changes jsonb, team uuid default null) returns jsonb
language plpgsql as $$
declare
  reply jsonb;
begin
  perform tests.act_as(who);
  reply := public.sync_push(coalesce(team, tests.team()), changes);
  perform tests.act_as_runner();
  insert into replies values (name, reply);
  return reply;
end;
$$;
grant execute on all functions in schema tests to authenticated;

select tests.push('rep', 'person', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-000000000001', tests.hlc(1000), '{"name": "Sekar Wulandari", "source": "social_selling"}')));

create temp table liked as select tests.mut('touch', 'upsert', 'f0000000-0000-4000-8000-000000000002', tests.hlc(1001),
  '{"prospect_id": "f0000000-0000-4000-8000-000000000001", "channel": "social_engagement", "engagement": "commented"}') as m;

-- ---- allowed ------------------------------------------------------------------------------------
select is(tests.statuses(tests.push('rep', 'engaged', jsonb_build_array((select m from liked)))), '{applied}',
          'a rep logs a social engagement with what it was');
select results_eq($$select channel::text, engagement, direction::text from public.touches where id = 'f0000000-0000-4000-8000-000000000002'$$,
                  $$values ('social_engagement', 'commented', 'out')$$, 'it is stored with its channel and kind');
select is(tests.statuses(tests.push('rep', 'resent', jsonb_build_array((select m from liked)))), '{duplicate}',
          'the same engagement sent again is a duplicate');
select is(tests.statuses(tests.push('rep', 'unsaid', jsonb_build_array(
            tests.mut('touch', 'upsert', 'f0000000-0000-4000-8000-000000000003', tests.hlc(1002),
                      '{"prospect_id": "f0000000-0000-4000-8000-000000000001", "channel": "social_engagement"}')))), '{applied}',
          'an engagement whose kind was not said is fine');
select is(tests.statuses(tests.push('rep', 'edit', jsonb_build_array(
            tests.mut('touch', 'upsert', 'f0000000-0000-4000-8000-000000000002', tests.hlc(1003), '{"engagement": "shared"}')))), '{rejected}',
          'changing what an engagement was is an edit of an append-only touch');
select tests.act_as('rep2');
select is((select c -> 'data' ->> 'engagement' from jsonb_array_elements(public.sync_pull(tests.team(), 0, 1000) -> 'changes') c
            where c ->> 'entity' = 'touch' and c ->> 'id' = 'f0000000-0000-4000-8000-000000000002'), 'commented',
          'a teammate pulls the engagement with its kind');
select tests.act_as_runner();
select is(tests.try_as('rep', format($$insert into public.touches (team_id, prospect_id, channel, engagement) values (%L, 'f0000000-0000-4000-8000-000000000001', 'social_engagement', 'liked')$$, tests.team())),
          'ok:1', 'a member may insert one directly too (RLS)');

-- ---- denied -------------------------------------------------------------------------------------
select is(tests.statuses(tests.push('rep', 'wrong channel', jsonb_build_array(
            tests.mut('touch', 'upsert', 'f0000000-0000-4000-8000-000000000004', tests.hlc(1004),
                      '{"prospect_id": "f0000000-0000-4000-8000-000000000001", "channel": "call", "engagement": "liked"}')))), '{rejected}',
          'a call cannot say it was a like');
select is(tests.statuses(tests.push('rep', 'unknown kind', jsonb_build_array(
            tests.mut('touch', 'upsert', 'f0000000-0000-4000-8000-000000000005', tests.hlc(1005),
                      '{"prospect_id": "f0000000-0000-4000-8000-000000000001", "channel": "social_engagement", "engagement": "poked"}')))), '{rejected}',
          'an unknown kind of engagement is refused');
select is((select count(*)::int from public.touches where id in ('f0000000-0000-4000-8000-000000000004', 'f0000000-0000-4000-8000-000000000005')), 0,
          'and neither was stored');
select is(tests.try_as('rep', format($$insert into public.touches (team_id, prospect_id, channel, engagement) values (%L, 'f0000000-0000-4000-8000-000000000001', 'email', 'shared')$$, tests.team())),
          'err:23514', 'the check holds for direct inserts too');
select throws_ok(format($$select tests.push('other', 'outsider', %L)$$, jsonb_build_array(
                   tests.mut('touch', 'upsert', 'f0000000-0000-4000-8000-000000000006', tests.hlc(1006),
                             '{"prospect_id": "f0000000-0000-4000-8000-000000000001", "channel": "social_engagement", "engagement": "liked"}'))),
                 '42501', null, 'someone outside the team cannot log an engagement on its people');

select * from finish();
rollback;
