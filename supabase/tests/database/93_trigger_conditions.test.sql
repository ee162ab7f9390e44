-- Per-row triggers with WHEN conditions (20261205223000_trigger_conditions.sql): a row sync_push
-- writes no longer calls the functions that had nothing to do for it, while a signed-in teammate's
-- direct table write is still refused, normalised and stamped exactly as before.
begin;
\ir _helpers.psql
select plan(30);

select tests.make_teams();

-- Function calls are counted for this transaction (pg_stat_get_xact_function_calls).
set local track_functions = 'pl';
create function tests.calls(fn regprocedure) returns bigint language sql as $$
  select coalesce(pg_stat_get_xact_function_calls(fn), 0)
$$;
create function tests.calls_of_guards() returns jsonb language sql as $$
  select jsonb_build_object(
    'guard_identity', tests.calls('private.guard_identity()'),
    'stamp_field_hlc', tests.calls('private.stamp_field_hlc()'),
    'stamp_company_hlc', tests.calls('private.stamp_company_hlc()'),
    'prospect_defaults', tests.calls('private.prospect_defaults()'),
    'sync_prospect_emails', tests.calls('private.sync_prospect_emails()'),
    'guard_touch_time', tests.calls('private.guard_touch_time()'),
    'guard_stage_change_time', tests.calls('private.guard_stage_change_time()'))
$$;
grant execute on all functions in schema tests to authenticated;

insert into public.prospects (id, team_id, name, source, linkedin_slug, emails, owner_id, created_by) values
  ('e3000000-0000-4000-8000-000000000001', tests.team(), 'Ayu Lestari', 'event', 'ayu-lestari', '{ayu@contoh.co.id}',
   tests.user_id('owner'), tests.user_id('owner')),
  ('e3000000-0000-4000-8000-000000000002', tests.team(), 'Bima Sakti', 'event', null, '{}',
   tests.user_id('rep'), tests.user_id('rep'));
insert into public.follow_ups (id, team_id, prospect_id, title, due_at, created_by) values
  ('e3000000-0000-4000-8000-00000000f001', tests.team(), 'e3000000-0000-4000-8000-000000000002', 'Call', now(), tests.user_id('rep'));
insert into public.touches (id, team_id, prospect_id, channel, created_by) values
  ('e3000000-0000-4000-8000-00000000a001', tests.team(), 'e3000000-0000-4000-8000-000000000002', 'email', tests.user_id('rep'));

-- ---------------------------------------------------------------------------------------------
-- What sync_push writes skips the functions with nothing to do (fails without the migration):
-- an edit of each of two people, a touch and a follow-up, as one set-based run.
create function tests.batch1() returns jsonb language sql as $$
  select jsonb_build_array(
    tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000002', tests.hlc(1764000000000, 'dev'),
              '{"score": 40, "title": "Head of Sales"}', 'e3000000-0000-4000-8000-0000000b0001'),
    tests.mut('touch', 'upsert', 'e3000000-0000-4000-8000-00000000a002', tests.hlc(1764000000001, 'dev'),
              '{"prospect_id": "e3000000-0000-4000-8000-000000000002", "channel": "call"}', 'e3000000-0000-4000-8000-0000000b0002'),
    tests.mut('follow_up', 'upsert', 'e3000000-0000-4000-8000-00000000f002', tests.hlc(1764000000002, 'dev'),
              '{"prospect_id": "e3000000-0000-4000-8000-000000000002", "title": "Send deck", "due_at": "2026-12-10T09:00:00Z"}',
              'e3000000-0000-4000-8000-0000000b0003'),
    tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000001', tests.hlc(1764000000003, 'dev'),
              '{"title": "Founder"}', 'e3000000-0000-4000-8000-0000000b0004'))
$$;
create function tests.rows_now() returns jsonb language sql as $$
  select jsonb_build_array((select jsonb_agg(to_jsonb(p) order by p.id) from public.prospects p where p.team_id = tests.team()),
                           (select jsonb_agg(to_jsonb(t) order by t.id) from public.touches t where t.team_id = tests.team()),
                           (select jsonb_agg(to_jsonb(f) order by f.id) from public.follow_ups f where f.team_id = tests.team()))
$$;
grant execute on all functions in schema tests to authenticated;

create temp table before_push as select tests.calls_of_guards() as c;
select tests.act_as('rep');
select is(tests.statuses(public.sync_push(tests.team(), tests.batch1())), '{applied,applied,applied,applied}',
  'pushed edits, a touch and a follow-up are applied');
select tests.act_as_runner();
select is(tests.calls_of_guards(), (select c from before_push),
  'none of the guards with nothing to do was called for the pushed rows');
select is((select (score, title) from public.prospects where id = 'e3000000-0000-4000-8000-000000000002'),
          (40::numeric(5,2), 'Head of Sales'::text), 'the pushed edit landed');
select ok((select field_hlc ->> 'score' = tests.hlc(1764000000000, 'dev') and change_seq > 0
             from public.prospects where id = 'e3000000-0000-4000-8000-000000000002'),
  'the pushed field carries the device''s clock and the row a change cursor');
select ok((select assignee_id = tests.user_id('rep') and field_hlc ->> 'title' = tests.hlc(1764000000002, 'dev') and change_seq > 0
             from public.follow_ups where id = 'e3000000-0000-4000-8000-00000000f002'),
  'the pushed follow-up gets its defaults, the device''s clocks and a change cursor');

-- A stage change and a new person still go through the stage rule and the prospect defaults.
select tests.act_as('rep');
select is(tests.statuses(public.sync_push(tests.team(), jsonb_build_array(
  tests.mut('stage_change', 'upsert', 'e3000000-0000-4000-8000-00000000c001', tests.hlc(1764000000004, 'dev'),
            jsonb_build_object('prospect_id', 'e3000000-0000-4000-8000-000000000002',
                               'to_stage_id', tests.stage(tests.team(), 'qualification'))),
  tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000003', tests.hlc(1764000000005, 'dev'),
            '{"name": "Citra Dewi", "source": "referral", "emails": [" Citra@Contoh.co.id "]}')))),
  '{applied,applied}', 'a pushed stage change and new person are applied');
select tests.act_as_runner();
select is((select stage_id from public.prospects where id = 'e3000000-0000-4000-8000-000000000002'),
          tests.stage(tests.team(), 'qualification'), 'the stage change moved the person');
select is((select (owner_id, emails, field_hlc ->> 'name') from public.prospects where id = 'e3000000-0000-4000-8000-000000000003'),
          (tests.user_id('rep'), '{citra@contoh.co.id}'::text[], tests.hlc(1764000000005, 'dev')),
  'a pushed new person gets its defaults and normalised e-mails, with the device''s clocks');

-- ---------------------------------------------------------------------------------------------
-- A teammate's direct writes: still refused where they were.
select is(tests.try_as('rep', format($$update public.prospects set created_by = %L where id = 'e3000000-0000-4000-8000-000000000002'$$,
                                     tests.user_id('owner'))),
  'err:42501', 'a rep cannot rewrite who created a prospect');
select is(tests.try_as('rep', $$update public.prospects set id = gen_random_uuid() where id = 'e3000000-0000-4000-8000-000000000002'$$),
  'err:42501', 'a rep cannot change a prospect''s id');
select is(tests.try_as('rep', format($$update public.follow_ups set created_by = %L where id = 'e3000000-0000-4000-8000-00000000f001'$$,
                                     tests.user_id('owner'))),
  'err:42501', 'a rep cannot rewrite who created a follow-up');
select is(tests.try_as('rep', format($$update public.touches set created_by = %L where id = 'e3000000-0000-4000-8000-00000000a001'$$,
                                     tests.user_id('owner'))),
  'err:42501', 'a rep cannot rewrite who logged a touch');
select is(tests.try_as('rep', format($$update public.prospects set owner_id = %L where id = 'e3000000-0000-4000-8000-000000000001'$$,
                                     tests.user_id('rep'))),
  'err:42501', 'a rep cannot take a teammate''s prospect');
select is(tests.try_as('rep', format($$update public.prospects set stage_id = %L where id = 'e3000000-0000-4000-8000-000000000002'$$,
                                     tests.stage(tests.team(), 'proposal'))),
  'err:42501', 'a rep cannot set a stage except through a stage change');
select is(tests.try_as('rep', $$update public.prospects set deleted_at = now() where id = 'e3000000-0000-4000-8000-000000000001'$$),
  'err:42501', 'a rep cannot delete a teammate''s prospect');
select is(tests.try_as('rep', format($$insert into public.touches (team_id, prospect_id, channel, occurred_at)
                                      values (%L, 'e3000000-0000-4000-8000-000000000002', 'call', now() + interval '1 day')$$, tests.team())),
  'err:22023', 'a touch dated tomorrow is refused');
select is(tests.try_as('rep', format($$insert into public.stage_changes (team_id, prospect_id, to_stage_id, changed_at)
                                      values (%L, 'e3000000-0000-4000-8000-000000000002', %L, 'infinity')$$,
                                     tests.team(), tests.stage(tests.team(), 'proposal'))),
  'err:22023', 'a stage change dated at infinity is refused');
select is(tests.try_as('rep', $$update public.prospects set emails = '{ayu@contoh.co.id}' where id = 'e3000000-0000-4000-8000-000000000002'$$),
  'err:23505', 'a rep cannot give a second person a teammate''s e-mail');
select is(tests.try_as('rep', $$update public.prospects set linkedin_slug = 'ayu-lestari' where id = 'e3000000-0000-4000-8000-000000000002'$$),
  'err:23505', 'nor their LinkedIn profile');

-- ... and allowed where they were, normalised and stamped as before.
select tests.act_as('rep');
update public.prospects set emails = '{" Bima@Contoh.CO.ID ", bima@contoh.co.id}', linkedin_slug = ' Bima-Sakti ',
                            score = 55
 where id = 'e3000000-0000-4000-8000-000000000002';
select tests.act_as_runner();
select is((select (emails, linkedin_slug) from public.prospects where id = 'e3000000-0000-4000-8000-000000000002'),
          ('{bima@contoh.co.id}'::text[], 'bima-sakti'::text),
  'a direct edit''s e-mails and slug are normalised');
select is((select array_agg(email) from public.prospect_emails where prospect_id = 'e3000000-0000-4000-8000-000000000002'),
          '{bima@contoh.co.id}'::text[], 'and its e-mail is indexed for lookups');
select ok((select field_hlc ->> 'score' like '%-000000-server' and field_hlc ->> 'emails' like '%-000000-server'
                  and field_hlc ->> 'title' = tests.hlc(1764000000000, 'dev')
             from public.prospects where id = 'e3000000-0000-4000-8000-000000000002'),
  'a direct edit stamps the server''s clock on the fields it changed, and only those');
select tests.act_as('rep');
update public.prospects set company_id = null where id = 'e3000000-0000-4000-8000-000000000002';
select tests.act_as_runner();
select ok((select not field_hlc ? 'company_id' from public.prospects where id = 'e3000000-0000-4000-8000-000000000002'),
  'setting the company link to what it already is stamps nothing');
select tests.act_as('owner');
update public.prospects set owner_id = tests.user_id('rep') where id = 'e3000000-0000-4000-8000-000000000001';
update public.prospects set deleted_at = now() where id = 'e3000000-0000-4000-8000-000000000001';
select tests.act_as_runner();
select is((select owner_id from public.prospects where id = 'e3000000-0000-4000-8000-000000000001'), tests.user_id('rep'),
  'the owner hands a prospect on');
select is((select count(*)::int from public.prospect_emails where prospect_id = 'e3000000-0000-4000-8000-000000000001'), 0,
  'a deleted prospect''s e-mails are free again');
select tests.act_as('rep');
insert into public.prospects (id, team_id, name, source, field_hlc, emails)
values ('e3000000-0000-4000-8000-000000000004', tests.team(), 'Dewi Anggraini', 'event', '{"name": "999999999999999-zzzzzz-forged"}',
        '{Dewi@Contoh.co.id}');
select tests.act_as_runner();
select is((select (field_hlc, emails) from public.prospects where id = 'e3000000-0000-4000-8000-000000000004'),
          ('{}'::jsonb, '{dewi@contoh.co.id}'::text[]),
  'a direct insert cannot forge field clocks, and its e-mails are normalised');
select is((select prospect_id from public.prospect_emails where email = 'dewi@contoh.co.id'), 'e3000000-0000-4000-8000-000000000004'::uuid,
  'and indexed');

-- Replaying the first batch: every item a duplicate, nothing written.
create temp table rows_before as select tests.rows_now() as r;
select tests.act_as('rep');
select is(tests.statuses(public.sync_push(tests.team(), tests.batch1())), '{duplicate,duplicate,duplicate,duplicate}',
  'a replayed batch answers duplicate for every item');
select tests.act_as_runner();
select is(tests.rows_now(), (select r from rows_before), 'and changes no row');

-- An item the pushed path refuses still gets its reason.
select tests.act_as('rep');
select is(public.sync_push(tests.team(), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000002', tests.hlc(1764000000009, 'dev'),
            jsonb_build_object('owner_id', tests.user_id('other'))))) -> 'results' -> 0 ->> 'status',
  'rejected', 'a pushed hand-over to someone outside the team is refused');
select tests.act_as_runner();

select * from finish();
rollback;
