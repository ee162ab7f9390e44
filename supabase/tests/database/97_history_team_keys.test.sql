-- Touches, stage changes and follow-ups have no key of their own to teams any more
-- (20261206081000_history_team_keys.sql): their (team_id, prospect_id) key to prospects still refuses
-- a team that does not exist or is not the person's, a member still cannot write another team's rows,
-- and deleting a team still deletes all of its rows (a trigger instead of the cascade) and no other
-- team's.
begin;
\ir _helpers.psql
select plan(12);

select tests.make_teams();
insert into public.prospects (id, team_id, name, source, created_by) values
  ('e9700000-0000-4000-8000-00000000000a', tests.team(), 'Ayu', 'event', tests.user_id('rep')),
  ('e9700000-0000-4000-8000-00000000000b', tests.team('b'), 'Bima', 'event', tests.user_id('other'));

select is((select count(*)::int from pg_constraint
            where contype = 'f' and confrelid = 'public.teams'::regclass
              and conrelid in ('public.touches'::regclass, 'public.stage_changes'::regclass, 'public.follow_ups'::regclass)), 0,
          'touches, stage changes and follow-ups have no key to teams of their own');

-- ---- what the key through prospects still refuses (as the table owner: no row-level security) ------
select throws_ok($$insert into public.touches (team_id, prospect_id, channel, created_by)
                   values (gen_random_uuid(), 'e9700000-0000-4000-8000-00000000000a', 'call', tests.user_id('rep'))$$,
                 null, null, 'a touch of a team that does not exist is refused');
select throws_ok(format($$insert into public.stage_changes (team_id, prospect_id, to_stage_id, changed_by)
                          values (%L, 'e9700000-0000-4000-8000-00000000000a', %L, tests.user_id('rep'))$$,
                        tests.team('b'), tests.stage(tests.team('b'), 'qualification')),
                 '23503', null, 'a stage change filed under another team than its person''s is refused');
select throws_ok(format($$insert into public.follow_ups (team_id, prospect_id, title, due_at, created_by)
                          values (%L, 'e9700000-0000-4000-8000-00000000000b', 'Call', now(), tests.user_id('rep'))$$, tests.team()),
                 '23503', null, 'a follow-up filed under another team than its person''s is refused');

-- ---- as a member -------------------------------------------------------------------------------------
select is(tests.try_as('rep', format($$insert into public.touches (team_id, prospect_id, channel)
                                       values (%L, 'e9700000-0000-4000-8000-00000000000a', 'call')$$, tests.team())),
          'ok:1', 'a member logs a touch of their team''s person');
select is(tests.try_as('rep', format($$insert into public.touches (team_id, prospect_id, channel)
                                       values (%L, 'e9700000-0000-4000-8000-00000000000b', 'call')$$, tests.team('b'))),
          'err:42501', 'but not one of another team''s person');
select is(tests.try_as('rep', format($$insert into public.touches (team_id, prospect_id, channel)
                                       values (%L, 'e9700000-0000-4000-8000-00000000000b', 'call')$$, tests.team())),
          'err:23503', 'nor another team''s person filed under their own team');

-- ---- deleting a team ---------------------------------------------------------------------------------
insert into public.follow_ups (id, team_id, prospect_id, title, due_at, created_by) values
  ('e9700000-0000-4000-8000-0000000000f1', tests.team(), 'e9700000-0000-4000-8000-00000000000a', 'Call', now(), tests.user_id('rep')),
  ('e9700000-0000-4000-8000-0000000000f2', tests.team('b'), 'e9700000-0000-4000-8000-00000000000b', 'Call', now(), tests.user_id('other'));
insert into public.touches (team_id, prospect_id, channel, follow_up_id, created_by) values
  (tests.team(), 'e9700000-0000-4000-8000-00000000000a', 'call', 'e9700000-0000-4000-8000-0000000000f1', tests.user_id('rep')),
  (tests.team('b'), 'e9700000-0000-4000-8000-00000000000b', 'call', 'e9700000-0000-4000-8000-0000000000f2', tests.user_id('other'));
insert into public.stage_changes (team_id, prospect_id, to_stage_id, changed_by) values
  (tests.team(), 'e9700000-0000-4000-8000-00000000000a', tests.stage(tests.team(), 'qualification'), tests.user_id('rep')),
  (tests.team('b'), 'e9700000-0000-4000-8000-00000000000b', tests.stage(tests.team('b'), 'qualification'), tests.user_id('other'));

select is(tests.try_as('owner', format($$delete from public.teams where id = %L$$, tests.team())), 'err:42501',
          'an owner cannot delete the team through the API (as before)');
select lives_ok(format($$delete from public.teams where id = %L$$, tests.team()),
                'the database owner deletes a team with touches (one of a follow-up), stage changes and follow-ups');
select is((select count(*)::int from public.touches where team_id = tests.team())
          + (select count(*)::int from public.stage_changes where team_id = tests.team())
          + (select count(*)::int from public.follow_ups where team_id = tests.team())
          + (select count(*)::int from public.prospects where team_id = tests.team()), 0,
          'and all of its touches, stage changes, follow-ups and prospects go with it');
select is((select count(*)::int from public.touches where team_id = tests.team('b')), 1, 'another team''s touches stay');
select is((select count(*)::int from public.stage_changes where team_id = tests.team('b'))
          + (select count(*)::int from public.follow_ups where team_id = tests.team('b')), 2,
          'and its stage changes and follow-ups');

select * from finish();
rollback;
