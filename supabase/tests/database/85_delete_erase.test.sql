-- Delete, undo (restore through sync_push) and erase: who may, what is left, what teammates pull.
begin;
\ir _helpers.psql
select plan(27);

select tests.make_teams();

create function tests.push(who text, changes jsonb, team uuid default null) returns jsonb
language plpgsql as $$
declare
  reply jsonb;
begin
  perform tests.act_as(who);
  reply := public.sync_push(coalesce(team, tests.team()), changes);
  perform tests.act_as_runner();
  return reply;
end;
$$;
create function tests.codes(reply jsonb) returns text[] language sql immutable as $$
  select coalesce(array_agg(coalesce(r ->> 'code', '-') order by o), '{}')
    from jsonb_array_elements(reply -> 'results') with ordinality as x(r, o)
$$;
create function tests.now_hlc() returns text language sql volatile as $$
  select tests.hlc((extract(epoch from clock_timestamp()) * 1000)::bigint, 'node1')
$$;
create function tests.pull(who text, since bigint default 0) returns jsonb
language plpgsql as $$
declare
  reply jsonb;
begin
  perform tests.act_as(who);
  reply := public.sync_pull(tests.team(), since, 5000);
  perform tests.act_as_runner();
  return reply;
end;
$$;
grant execute on all functions in schema tests to authenticated;

-- The owner's prospect Ayu (follow-up, touch, stage history, e-mail) and the rep's prospect Bima.
insert into public.prospects (id, team_id, name, source, linkedin_slug, emails, owner_id, created_by) values
  ('f0000000-0000-4000-8000-000000000001', tests.team(), 'Ayu Lestiani', 'referral', 'ayu-lestiani',
   '{ayu@example.com}', tests.user_id('owner'), tests.user_id('owner')),
  ('f0000000-0000-4000-8000-000000000002', tests.team(), 'Bima Santoso', 'event', 'bima-santoso',
   '{bima@example.com}', tests.user_id('rep'), tests.user_id('rep'));
insert into public.follow_ups (id, team_id, prospect_id, title, due_at, created_by) values
  ('f1000000-0000-4000-8000-000000000001', tests.team(), 'f0000000-0000-4000-8000-000000000001', 'Call Ayu', now(), tests.user_id('owner')),
  ('f1000000-0000-4000-8000-000000000002', tests.team(), 'f0000000-0000-4000-8000-000000000002', 'Call Bima', now(), tests.user_id('rep'));
insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, created_by) values
  ('f2000000-0000-4000-8000-000000000002', tests.team(), 'f0000000-0000-4000-8000-000000000002', 'email', 'out',
   'Sent Bima the deck', now() - interval '1 day', tests.user_id('rep'));
insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, changed_by) values
  ('f3000000-0000-4000-8000-000000000002', tests.team(), 'f0000000-0000-4000-8000-000000000002',
   tests.stage(tests.team(), 'prospecting'), tests.stage(tests.team(), 'qualification'), now() - interval '1 hour', tests.user_id('rep'));

-- ---- delete and undo through sync_push ------------------------------------------------------------
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'delete', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc())))),
          '{forbidden}', 'a rep cannot delete the owner''s prospect');
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'delete', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc())))),
          '{-}', 'the owner deletes their prospect');
select isnt((select deleted_at from public.follow_ups where id = 'f1000000-0000-4000-8000-000000000001'), null,
            'its follow-up went with it');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'restore', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc())))),
          '{forbidden}', 'a rep cannot undo the owner''s delete');
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('follow_up', 'restore', 'f1000000-0000-4000-8000-000000000001', tests.now_hlc())))),
          '{invalid}', 'only a prospect can be restored');
create temp table undo_mid as select gen_random_uuid() as id;
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'restore', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc(), null, (select id from undo_mid))))),
          '{-}', 'the owner undoes the delete through sync_push');
select is((select deleted_at from public.prospects where id = 'f0000000-0000-4000-8000-000000000001'), null,
          'the prospect is live again');
select is((select deleted_at from public.follow_ups where id = 'f1000000-0000-4000-8000-000000000001'), null,
          'and so is the follow-up its delete took');
select is(tests.statuses(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'restore', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc(), null, (select id from undo_mid))))),
          '{duplicate}', 'the same undo sent again is recognised');
select ok(exists (select 1 from jsonb_array_elements(tests.pull('rep2') -> 'changes') c
                   where c ->> 'entity' = 'prospect' and c ->> 'id' = 'f0000000-0000-4000-8000-000000000001'
                     and c -> 'data' -> 'deleted_at' = 'null'::jsonb),
          'a teammate pulls the restored prospect');
-- A teammate clipped the person again while they were deleted: undo is refused, nothing is lost.
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'delete', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc()),
            tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000aa', tests.now_hlc(),
                      '{"name": "Ayu L.", "source": "referral", "linkedin_slug": "ayu-lestiani"}'),
            tests.mut('prospect', 'restore', 'f0000000-0000-4000-8000-000000000001', tests.now_hlc())))),
          '{-,-,conflict}', 'an undo that would duplicate a live prospect is refused as a conflict');
select is((select count(*)::int from public.prospects where linkedin_slug = 'ayu-lestiani'), 2,
          'both rows are kept (the deleted one and the new one)');

-- ---- erase ----------------------------------------------------------------------------------------
select is(tests.try_as('other', $$select public.erase_prospect(tests.team(), 'f0000000-0000-4000-8000-000000000002')$$),
          'err:42501', 'someone from another team cannot erase the team''s person');
select is(tests.try_as('other', $$select public.erase_prospect(tests.team('b'), 'f0000000-0000-4000-8000-000000000002')$$),
          'err:42501', 'nor by naming their own team');
select is(tests.try_as('rep2', $$select public.erase_prospect(tests.team(), 'f0000000-0000-4000-8000-000000000002')$$),
          'err:42501', 'a rep cannot erase a teammate''s prospect (same rule as delete)');
select is(tests.codes(tests.push('rep2', jsonb_build_array(
            tests.mut('prospect', 'erase', 'f0000000-0000-4000-8000-000000000002', tests.now_hlc())))),
          '{forbidden}', 'nor through sync_push');
select is(tests.try_as('anon', $$select public.erase_prospect(tests.team(), 'f0000000-0000-4000-8000-000000000002')$$),
          'err:42501', 'the anonymous key cannot call it');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'erase', 'f0000000-0000-4000-8000-000000000002', tests.now_hlc())))),
          '{-}', 'the rep erases their own prospect through sync_push');
select is((select count(*)::int from public.prospects where id = 'f0000000-0000-4000-8000-000000000002'), 0, 'the prospect row is gone');
select is((select count(*)::int from public.touches where prospect_id = 'f0000000-0000-4000-8000-000000000002')
        + (select count(*)::int from public.follow_ups where prospect_id = 'f0000000-0000-4000-8000-000000000002')
        + (select count(*)::int from public.stage_changes where prospect_id = 'f0000000-0000-4000-8000-000000000002')
        + (select count(*)::int from public.prospect_emails where email = 'bima@example.com'),
          0, 'and its touches, follow-ups, stage history and e-mail key');
select is((select to_jsonb(e) - 'change_seq' - 'erased_at' - 'created_at' - 'updated_at' from public.erasures e
            where e.id = 'f0000000-0000-4000-8000-000000000002'),
          jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000002', 'team_id', tests.team()),
          'what is left is the id (and the team), nothing about the person');
select is((select count(*)::int from jsonb_array_elements(tests.pull('rep2') -> 'changes') c
            where c ->> 'entity' = 'erasure' and c ->> 'id' = 'f0000000-0000-4000-8000-000000000002'
              and not (c::text ~* 'bima')),
          1, 'a teammate pulls the erasure, which names nobody');
select is((select count(*)::int from jsonb_array_elements(tests.pull('rep2') -> 'changes') c where c::text ~* 'bima'),
          0, 'and nothing of the person is left to pull');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      '{"name": "Bima Santoso", "source": "event"}')))),
          '{invalid}', 'an offline device cannot bring the erased person back under their id');
select is(tests.statuses(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'erase', 'f0000000-0000-4000-8000-000000000002', tests.now_hlc())))),
          '{applied}', 'erasing twice is harmless');
select is(tests.try_as('admin', $$select public.erase_prospect(tests.team(), 'f0000000-0000-4000-8000-000000000001')$$),
          'ok:1', 'an admin erases anyone''s prospect in the team, deleted ones too');
select is(tests.try_as('rep', $$select count(*) from public.erasures$$), 'ok:1',
          'members read their team''s erasures');

select * from finish();
rollback;
