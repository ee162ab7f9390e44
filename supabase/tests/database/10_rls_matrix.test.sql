-- Who may do what, table by table: owner, admin, rep of team A, a member of team B ("other") and
-- the anonymous key, each × select / insert / update / delete on every public table, run the way
-- PostgREST runs a request (role + JWT claims). Every probe is rolled back, so all see one state.
--
-- 'ok:N' = allowed and touched N rows; 'ok:0' = RLS silently hid the row; 'err:42501' = refused
-- (no privilege, or a policy/trigger rejected the row) → PostgREST answers 401/403.
begin;
\ir _helpers.psql
select plan(225);

select tests.make_teams();

-- One row of each kind in team A, written by the rep.
insert into public.prospects (id, team_id, name, source, linkedin_slug, emails, owner_id, created_by)
values ('a0000000-0000-4000-8000-000000000001', tests.team(), 'Wulan Astari', 'referral', 'wulan-astari',
        '{wulan@example.com}', tests.user_id('rep'), tests.user_id('rep'));
insert into public.follow_ups (id, team_id, prospect_id, assignee_id, title, due_at, created_by)
values ('a0000000-0000-4000-8000-000000000002', tests.team(), 'a0000000-0000-4000-8000-000000000001',
        tests.user_id('rep'), 'Call back', now() + interval '1 day', tests.user_id('rep'));
insert into public.touches (id, team_id, prospect_id, channel, created_by)
values ('a0000000-0000-4000-8000-000000000003', tests.team(), 'a0000000-0000-4000-8000-000000000001',
        'email', tests.user_id('rep'));
insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_by)
values ('a0000000-0000-4000-8000-000000000004', tests.team(), 'a0000000-0000-4000-8000-000000000001',
        tests.stage(tests.team(), 'prospecting'), tests.stage(tests.team(), 'qualification'), tests.user_id('rep'));
select tests.act_as('owner');
select * from public.create_invite(tests.team(), 'rep');
select tests.act_as_runner();

create temp table matrix (tbl text, op text, stmt text, owner text, admin text, rep text, other text, anon text);
insert into matrix
select m.tbl, m.op, format(m.stmt, tests.team(), tests.user_id('rep'), tests.user_id('other')), m.owner, m.admin, m.rep, m.other, m.anon
  from (values
  -- %1$s = team A, %2$s = the rep, %3$s = the other team's member
  ('teams', 'select', $$select * from public.teams where id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('teams', 'insert', $$insert into public.teams (name) values ('Sneaky')$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('teams', 'update', $$update public.teams set name = 'Renamed' where id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:0', 'ok:0', 'err:42501'),
  ('teams', 'delete', $$delete from public.teams where id = '%1$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('team_members', 'select', $$select * from public.team_members where team_id = '%1$s'$$, 'ok:4', 'ok:4', 'ok:4', 'ok:0', 'err:42501'),
  ('team_members', 'insert', $$insert into public.team_members (team_id, user_id, role) values ('%1$s', '%3$s', 'rep')$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  -- promoting the rep: owners and admins may, the rep may not promote themself
  ('team_members', 'update', $$update public.team_members set role = 'admin' where team_id = '%1$s' and user_id = '%2$s'$$, 'ok:1', 'ok:1', 'err:42501', 'ok:0', 'err:42501'),
  ('team_members', 'delete', $$delete from public.team_members where team_id = '%1$s' and user_id = '%2$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('team_settings', 'select', $$select * from public.team_settings where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('team_settings', 'insert', $$insert into public.team_settings (team_id) values ('%1$s')$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('team_settings', 'update', $$update public.team_settings set mql_threshold = 60 where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:0', 'ok:0', 'err:42501'),
  ('team_settings', 'delete', $$delete from public.team_settings where team_id = '%1$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('stages', 'select', $$select * from public.stages where team_id = '%1$s'$$, 'ok:6', 'ok:6', 'ok:6', 'ok:0', 'err:42501'),
  ('stages', 'insert', $$insert into public.stages (team_id, key, position) values ('%1$s', 'negotiation', 45)$$, 'ok:1', 'ok:1', 'err:42501', 'err:42501', 'err:42501'),
  ('stages', 'update', $$update public.stages set name = 'Discovery' where team_id = '%1$s' and key = 'qualification'$$, 'ok:1', 'ok:1', 'ok:0', 'ok:0', 'err:42501'),
  ('stages', 'delete', $$delete from public.stages where team_id = '%1$s' and key = 'lost'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('cadences', 'select', $$select * from public.cadences where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('cadences', 'insert', $$insert into public.cadences (team_id, name, steps) values ('%1$s', 'Mortgage wait', '[{"day": 30, "channel": "call"}]')$$, 'ok:1', 'ok:1', 'err:42501', 'err:42501', 'err:42501'),
  ('cadences', 'update', $$update public.cadences set name = 'Renamed' where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:0', 'ok:0', 'err:42501'),
  ('cadences', 'delete', $$delete from public.cadences where team_id = '%1$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('prospects', 'select', $$select * from public.prospects where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('prospects', 'insert', $$insert into public.prospects (team_id, name, source) values ('%1$s', 'New Person', 'event')$$, 'ok:1', 'ok:1', 'ok:1', 'err:42501', 'err:42501'),
  ('prospects', 'update', $$update public.prospects set title = 'CTO' where id = 'a0000000-0000-4000-8000-000000000001'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('prospects', 'delete', $$delete from public.prospects where id = 'a0000000-0000-4000-8000-000000000001'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('prospect_emails', 'select', $$select * from public.prospect_emails where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('prospect_emails', 'insert', $$insert into public.prospect_emails (team_id, email, prospect_id) values ('%1$s', 'x@example.com', 'a0000000-0000-4000-8000-000000000001')$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('prospect_emails', 'update', $$update public.prospect_emails set email = 'x@example.com' where team_id = '%1$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('prospect_emails', 'delete', $$delete from public.prospect_emails where team_id = '%1$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('follow_ups', 'select', $$select * from public.follow_ups where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('follow_ups', 'insert', $$insert into public.follow_ups (team_id, prospect_id, title, due_at) values ('%1$s', 'a0000000-0000-4000-8000-000000000001', 'Send deck', now())$$, 'ok:1', 'ok:1', 'ok:1', 'err:42501', 'err:42501'),
  ('follow_ups', 'update', $$update public.follow_ups set done_at = now() where id = 'a0000000-0000-4000-8000-000000000002'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('follow_ups', 'delete', $$delete from public.follow_ups where id = 'a0000000-0000-4000-8000-000000000002'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('touches', 'select', $$select * from public.touches where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('touches', 'insert', $$insert into public.touches (team_id, prospect_id, channel) values ('%1$s', 'a0000000-0000-4000-8000-000000000001', 'call')$$, 'ok:1', 'ok:1', 'ok:1', 'err:42501', 'err:42501'),
  -- tombstoning the rep's touch: its author and admins may
  ('touches', 'update', $$update public.touches set deleted_at = now() where id = 'a0000000-0000-4000-8000-000000000003'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('touches', 'delete', $$delete from public.touches where id = 'a0000000-0000-4000-8000-000000000003'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('stage_changes', 'select', $$select * from public.stage_changes where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('stage_changes', 'insert', $$insert into public.stage_changes (team_id, prospect_id, to_stage_id) select '%1$s', 'a0000000-0000-4000-8000-000000000001', s.id from public.stages s where s.team_id = '%1$s' and s.key = 'decision'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('stage_changes', 'update', $$update public.stage_changes set note = 'x' where id = 'a0000000-0000-4000-8000-000000000004'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('stage_changes', 'delete', $$delete from public.stage_changes where id = 'a0000000-0000-4000-8000-000000000004'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),

  ('team_invites', 'select', $$select * from public.team_invites where team_id = '%1$s'$$, 'ok:4', 'ok:4', 'ok:0', 'ok:0', 'err:42501'),
  ('team_invites', 'insert', $$insert into public.team_invites (team_id, code_hash, role, expires_at) values ('%1$s', '\x00', 'admin', now() + interval '1 day')$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('team_invites', 'update', $$update public.team_invites set expires_at = now() + interval '1 year' where team_id = '%1$s'$$, 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('team_invites', 'delete', $$delete from public.team_invites where team_id = '%1$s' and used_at is null$$, 'ok:1', 'ok:1', 'ok:0', 'ok:0', 'err:42501')
  ) as m(tbl, op, stmt, owner, admin, rep, other, anon);

-- The rows the other team's member reads through the API are only their own team's.
insert into matrix values
  ('teams', 'select (other sees own)', $$select * from public.teams$$, 'ok:1', 'ok:1', 'ok:1', 'ok:1', 'err:42501');

select is(tests.try_as(a.who, m.stmt), a.expected, format('%s %s as %s', m.tbl, m.op, a.who))
  from matrix m
 cross join lateral (values ('owner', m.owner), ('admin', m.admin), ('rep', m.rep), ('other', m.other), ('anon', m.anon)) as a(who, expected)
 order by m.tbl, m.op, a.who;

select * from finish();
rollback;
