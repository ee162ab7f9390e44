-- create_team, invites, join_team, my_teams, membership changes and the identity rules that go
-- with them.
begin;
\ir _helpers.psql
select plan(49);

select tests.create_user(u) from unnest(array['owner', 'admin', 'rep', 'rep2', 'other', 'stranger']) u;

-- anonymous callers get 42501 (PostgREST: 401)
select tests.act_as('anon');
select throws_ok($$select public.create_team('Nope')$$, '42501', null, 'anon cannot create a team');
select throws_ok($$select * from public.my_teams()$$, '42501', null, 'anon cannot list teams');
select tests.act_as_runner();

-- create_team
select tests.act_as('owner');
select lives_ok($$select public.create_team('  Penjualan Jawa  ')$$, 'a signed-in user creates a team');
select tests.act_as_runner();
insert into tests.users select 'team:a', id from public.teams where name = 'Penjualan Jawa';

select is((select name from public.teams where id = tests.team()), 'Penjualan Jawa', 'the name is trimmed');
select results_eq(
  format($$select user_id, role::text from public.team_members where team_id = %L$$, tests.team()),
  format($$values (%L::uuid, 'owner')$$, tests.user_id('owner')),
  'the creator is the only member, as owner');
select results_eq(
  format($$select key, name, kind::text, win_probability, stale_days from public.stages where team_id = %L order by position$$, tests.team()),
  $$values ('prospecting', null::text, 'open', 10.00, 14), ('qualification', null, 'open', 20.00, 14),
           ('consideration', null, 'open', 40.00, 10), ('decision', null, 'open', 70.00, 7),
           ('delivery', null, 'won', 100.00, null), ('lost', null, 'lost', 0.00, null)$$,
  'the default stages of DESIGN.md §1, in order (null name = localised default)');
select is((select mql_threshold from public.team_settings where team_id = tests.team()), 50.00,
          'settings start with the MQL threshold at 50');
select is((select jsonb_array_length(steps) from public.cadences where team_id = tests.team()), 8,
          'a default 8-touch cadence is created');
select is((select display_name from public.team_members where team_id = tests.team()), 'Owner',
          'the member''s display name comes from their own profile');

select tests.act_as('owner');
select throws_ok($$select public.create_team('   ')$$, '22023', null, 'a blank team name is refused');
select results_eq($$select name, role::text, member_count from public.my_teams()$$,
                  $$values ('Penjualan Jawa', 'owner', 1)$$, 'my_teams lists the caller''s team');

-- invites
select throws_ok(format($$select * from public.create_invite(%L, 'owner')$$, tests.team()), '22023', null,
                 'nobody invites an owner');
select throws_ok(format($$select * from public.create_invite(%L, 'rep', 0)$$, tests.team()), '22023', null,
                 'validity must be at least an hour');
create temp table codes (who text primary key, code text);
grant all on codes to authenticated;
insert into codes select 'admin', code from public.create_invite(tests.team(), 'admin');
insert into codes select 'rep', code from public.create_invite(tests.team(), 'rep');
insert into codes select 'rep2', code from public.create_invite(tests.team(), 'rep', 24);
insert into codes select 'expired', code from public.create_invite(tests.team(), 'rep', 1);
select matches((select code from codes where who = 'rep'), '^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){3}$',
               'codes are 4 groups of 5 unambiguous characters');
select tests.act_as_runner();
select is((select count(*)::int from public.team_invites where team_id = tests.team() and code_hash = sha256(convert_to(replace((select code from codes where who = 'rep'), '-', ''), 'UTF8'))),
          1, 'only a hash of the code is stored');
select ok(not exists (select 1 from public.team_invites i, codes c where i.code_hash::text like '%' || c.code || '%'),
          'the plain code is stored nowhere');
update public.team_invites set expires_at = now() - interval '1 second'
 where code_hash = sha256(convert_to(replace((select code from codes where who = 'expired'), '-', ''), 'UTF8'));

select tests.act_as('other');
select throws_ok(format($$select * from public.create_invite(%L, 'rep')$$, tests.team()), '42501', null,
                 'a non-member cannot invite');

-- join_team
select tests.act_as('admin');
select is(public.join_team((select code from codes where who = 'admin')), tests.team(), 'join_team returns the team');
select tests.act_as('rep');
select is(public.join_team(lower(replace((select code from codes where who = 'rep'), '-', ' '))), tests.team(),
          'codes are case- and separator-insensitive');
select tests.act_as('rep2');
select throws_ok(format($$select public.join_team(%L)$$, (select code from codes where who = 'rep')), 'P0001',
                 'this invite code is invalid, used or expired', 'a code works once');
select throws_ok(format($$select public.join_team(%L)$$, (select code from codes where who = 'expired')), 'P0001',
                 null, 'an expired code is refused');
select throws_ok($$select public.join_team('AAAAA-BBBBB-CCCCC-DDDDD')$$, 'P0001', null, 'an unknown code is refused');
select lives_ok(format($$select public.join_team(%L)$$, (select code from codes where who = 'rep2')), 'rep2 joins');
select tests.act_as_runner();
select results_eq(
  format($$select role::text, count(*)::int from public.team_members where team_id = %L and deleted_at is null group by 1 order by 1$$, tests.team()),
  $$values ('admin', 1), ('owner', 1), ('rep', 2)$$,
  'roles come from the invites');

select tests.act_as('rep');
select throws_ok(format($$select * from public.create_invite(%L, 'rep')$$, tests.team()), '42501', null,
                 'reps cannot invite');
select tests.act_as('admin');
select throws_ok(format($$select * from public.create_invite(%L, 'admin')$$, tests.team()), '42501', null,
                 'admins invite reps, not admins');
select lives_ok(format($$select * from public.create_invite(%L, 'rep')$$, tests.team()), 'admins invite reps');
select throws_ok(format($$update public.teams set created_by = %L where id = %L$$, tests.user_id('admin'), tests.team()),
                 '42501', null, 'nobody rewrites who created the team');

-- another team stays invisible
select tests.act_as('other');
select lives_ok($$select public.create_team('Team B')$$, 'another user has their own team');
select is((select count(*)::int from public.team_members), 1, 'they see only their own membership');
select is((select count(*)::int from public.teams), 1, 'and only their own team');
select tests.act_as('rep');
select is((select count(*)::int from public.team_members), 4, 'a rep sees the four members of their team');
select throws_ok($$select count(*) from auth.users$$, '42501', null, 'nobody reads auth.users');

-- membership changes
select throws_ok(format($$select public.set_member_role(%L, %L, 'admin')$$, tests.team(), tests.user_id('rep')),
                 '42501', null, 'a rep cannot promote themself');
select throws_ok(format($$select public.remove_member(%L, %L)$$, tests.team(), tests.user_id('rep2')),
                 '42501', null, 'a rep cannot remove a teammate');
select tests.act_as('admin');
select throws_ok(format($$select public.set_member_role(%L, %L, 'rep')$$, tests.team(), tests.user_id('owner')),
                 '42501', null, 'an admin cannot demote the owner');
select throws_ok(format($$select public.set_member_role(%L, %L, 'owner')$$, tests.team(), tests.user_id('rep')),
                 '42501', null, 'an admin cannot make owners');
select lives_ok(format($$select public.remove_member(%L, %L)$$, tests.team(), tests.user_id('rep2')),
                'an admin removes a rep');
select tests.act_as('owner');
select throws_ok(format($$select public.leave_team(%L)$$, tests.team()), 'P0001', null,
                 'the last owner cannot leave');
select throws_ok(format($$select public.set_member_role(%L, %L, 'rep')$$, tests.team(), tests.user_id('owner')),
                 'P0001', null, 'the last owner cannot step down');
select lives_ok(format($$select public.set_member_role(%L, %L, 'owner')$$, tests.team(), tests.user_id('admin')),
                'an owner hands ownership to someone else');
select lives_ok(format($$select public.set_member_role(%L, %L, 'rep')$$, tests.team(), tests.user_id('owner')),
                '…and may then step down');

-- a removed member loses access, and may come back with a new code
select tests.act_as('rep2');
select is((select count(*)::int from public.prospects), 0, 'a removed member reads nothing');
select throws_ok(format($$select public.sync_pull(%L)$$, tests.team()), '42501', null, 'and cannot pull');
select tests.act_as('admin');
insert into codes select 'again', code from public.create_invite(tests.team(), 'rep');
select tests.act_as('rep2');
select lives_ok(format($$select public.join_team(%L)$$, (select code from codes where who = 'again')), 'rejoin with a new code');
select is((select deleted_at from public.team_members where user_id = tests.user_id('rep2')), null, 'the membership is live again');

-- reps cannot forge authorship nor move rows to another team
select tests.act_as('rep');
select throws_ok(format($$insert into public.prospects (team_id, name, source, created_by) values (%L, 'Forged', 'event', %L)$$,
                        tests.team(), tests.user_id('owner')), '42501', null, 'a rep cannot forge created_by');
insert into public.prospects (id, team_id, name, source) values ('b0000000-0000-4000-8000-000000000001', tests.team(), 'Mine', 'event');
select throws_ok($$update public.prospects set created_by = null where id = 'b0000000-0000-4000-8000-000000000001'$$,
                 '42501', null, 'nor rewrite it later');
select tests.act_as_runner();
insert into tests.users select 'team:b', id from public.teams where name = 'Team B';
select tests.act_as('rep');
select throws_ok(format($$update public.prospects set team_id = %L where id = 'b0000000-0000-4000-8000-000000000001'$$, tests.team('b')),
                 '42501', null, 'a rep cannot move a prospect to another team');

select * from finish();
rollback;
