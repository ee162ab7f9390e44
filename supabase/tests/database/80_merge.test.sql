-- Merging two people (migration 20261205152000_merge.sql): who may, what moves, what is refused,
-- and that replaying a merge changes nothing.
begin;
\ir _helpers.psql
select plan(32);

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
create function tests.merge(loser uuid, survivor uuid, mutation uuid default gen_random_uuid()) returns jsonb
language sql volatile as $$
  select tests.mut('merge', 'upsert', loser, tests.hlc((extract(epoch from now()) * 1000)::bigint),
                   jsonb_build_object('into', survivor), mutation)
$$;
create function tests.max_seq() returns bigint language sql stable as $$
  select greatest((select max(change_seq) from public.prospects), (select max(change_seq) from public.touches),
                  (select max(change_seq) from public.follow_ups), (select max(change_seq) from public.stage_changes))
$$;
grant execute on all functions in schema tests to authenticated;

-- Siti clipped on LinkedIn by the rep (a1), and from mail by rep2 (a2) with a touch, a follow-up and a
-- later stage move; the owner's Budi (b1, b2); team B's Dewi (c1).
insert into public.prospects (id, team_id, name, source, linkedin_slug, emails, owner_id, created_by) values
  ('a0000000-0000-4000-8000-000000000001', tests.team(), 'Siti Rahmawati', 'social_selling', 'siti-rahmawati', '{}',
   tests.user_id('rep'), tests.user_id('rep')),
  ('a0000000-0000-4000-8000-000000000002', tests.team(), 'Siti R.', 'email', null, '{siti@nusantara.example}',
   tests.user_id('rep2'), tests.user_id('rep2')),
  ('b0000000-0000-4000-8000-000000000001', tests.team(), 'Budi Santoso', 'event', null, '{}',
   tests.user_id('owner'), tests.user_id('owner')),
  ('b0000000-0000-4000-8000-000000000002', tests.team(), 'Budi S.', 'email', null, '{budi@example.com}',
   tests.user_id('owner'), tests.user_id('owner'));
insert into public.prospects (id, team_id, name, source, owner_id, created_by) values
  ('c0000000-0000-4000-8000-000000000001', tests.team('b'), 'Dewi', 'event', tests.user_id('other'), tests.user_id('other'));
insert into public.touches (id, team_id, prospect_id, channel, direction, occurred_at, created_by) values
  ('a1000000-0000-4000-8000-000000000001', tests.team(), 'a0000000-0000-4000-8000-000000000002', 'email', 'in',
   now() - interval '1 day', tests.user_id('rep2'));
insert into public.follow_ups (id, team_id, prospect_id, title, due_at, created_by) values
  ('a2000000-0000-4000-8000-000000000001', tests.team(), 'a0000000-0000-4000-8000-000000000002', 'Send the deck',
   now() + interval '1 day', tests.user_id('rep2'));
insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, changed_by) values
  ('a3000000-0000-4000-8000-000000000001', tests.team(), 'a0000000-0000-4000-8000-000000000002',
   tests.stage(tests.team(), 'prospecting'), tests.stage(tests.team(), 'qualification'), now() - interval '1 hour',
   tests.user_id('rep2'));

-- ---- refused, and nothing changes ------------------------------------------------------------
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.merge('a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001')))),
          '{invalid}', 'merging a person with themselves is refused');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.merge('a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001')))),
          '{forbidden}', 'merging into another team''s prospect is refused');
select is(tests.codes(tests.push('other', jsonb_build_array(
            tests.merge('a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001')), tests.team('b'))),
          '{not_found}', 'another team cannot merge this team''s prospect away (it does not see it)');
select is(tests.try_as('other', $$update public.prospects set merged_into = 'c0000000-0000-4000-8000-000000000001',
                                   deleted_at = now() where id = 'a0000000-0000-4000-8000-000000000002'$$),
          'ok:0', 'nor with a direct table update');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.merge('b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001')))),
          '{forbidden}', 'a rep cannot merge away a teammate''s prospect they neither own nor created');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('merge', 'upsert', 'a0000000-0000-4000-8000-000000000002', tests.hlc(1), '{"into": "nope"}')))),
          '{invalid}', 'a merge without a prospect id to keep is refused');
select is((select count(*)::int from public.prospects where deleted_at is not null or merged_into is not null), 0,
          'nobody was merged or deleted by the refusals');
select is(tests.try_as('rep2', $$update public.touches set prospect_id = 'a0000000-0000-4000-8000-000000000001'
                                 where id = 'a1000000-0000-4000-8000-000000000001'$$),
          'err:42501', 'touches stay append-only outside a merge, even for their author');
select is(tests.try_as('rep', $$update public.stage_changes set prospect_id = 'a0000000-0000-4000-8000-000000000001'
                                 where id = 'a3000000-0000-4000-8000-000000000001'$$),
          'err:42501', 'and so do stage changes');

-- ---- the merge -------------------------------------------------------------------------------
create temp table m1 as select tests.push('rep2', jsonb_build_array(
  tests.merge('a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001',
              'a9000000-0000-4000-8000-000000000001'))) as reply;
select is(tests.statuses((select reply from m1)), '{applied}', 'rep2 merges their Siti into the rep''s');
select ok((select deleted_at is not null and merged_into = 'a0000000-0000-4000-8000-000000000001'
             from public.prospects where id = 'a0000000-0000-4000-8000-000000000002'),
          'the other is a tombstone pointing at the survivor');
select is((select prospect_id from public.touches where id = 'a1000000-0000-4000-8000-000000000001'),
          'a0000000-0000-4000-8000-000000000001'::uuid, 'its touch (a teammate''s) moved to the survivor');
select ok((select prospect_id = 'a0000000-0000-4000-8000-000000000001' and deleted_at is null
             from public.follow_ups where id = 'a2000000-0000-4000-8000-000000000001'),
          'its follow-up moved and stays open');
select is((select prospect_id from public.stage_changes where id = 'a3000000-0000-4000-8000-000000000001'),
          'a0000000-0000-4000-8000-000000000001'::uuid, 'its stage history moved');
select is((select stage_id from public.prospects where id = 'a0000000-0000-4000-8000-000000000001'),
          tests.stage(tests.team(), 'qualification'), 'the survivor''s stage is the latest of both histories');
select is((select emails from public.prospects where id = 'a0000000-0000-4000-8000-000000000001'),
          '{siti@nusantara.example}'::text[], 'the survivor has the other''s address');
select is((select prospect_id from public.prospect_emails where team_id = tests.team() and email = 'siti@nusantara.example'),
          'a0000000-0000-4000-8000-000000000001'::uuid, 'and the address finds the survivor');

-- ---- idempotent --------------------------------------------------------------------------------
create temp table seq_before as select tests.max_seq() as s;
select is(tests.statuses(tests.push('rep2', jsonb_build_array(
            tests.merge('a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001',
                        'a9000000-0000-4000-8000-000000000001')))),
          '{duplicate}', 'the same batch sent again is a duplicate');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.merge('a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001')))),
          '{already_merged}', 'a second device merging the same pair is told it is done');
select is(tests.max_seq(), (select s from seq_before), 'replaying the merge changed nothing');
select is(tests.codes(tests.push('rep2', jsonb_build_array(
            tests.merge('a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001')))),
          '{invalid}', 'a merged person cannot be merged into someone else');

-- ---- after the merge -------------------------------------------------------------------------
select is(tests.codes(tests.push('rep2', jsonb_build_array(
            tests.mut('touch', 'upsert', 'a1000000-0000-4000-8000-000000000002', tests.hlc(1),
                      jsonb_build_object('prospect_id', 'a0000000-0000-4000-8000-000000000002', 'channel', 'call'))))),
          '{-}', 'a touch logged offline for the merged person is accepted');
select is((select prospect_id from public.touches where id = 'a1000000-0000-4000-8000-000000000002'),
          'a0000000-0000-4000-8000-000000000001'::uuid, 'and lands on the survivor');
select is(tests.try_as('rep2', $$select public.restore_prospect(tests.team(), 'a0000000-0000-4000-8000-000000000002')$$),
          'err:P0001', 'a merged person cannot be restored');
select is(tests.try_as('rep', $$update public.prospects set merged_into = null where id = 'a0000000-0000-4000-8000-000000000002'$$),
          'err:P0001', 'nor un-merged by a table update');

-- ---- the survivor deleted meanwhile; an admin's merge ----------------------------------------
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'delete', 'b0000000-0000-4000-8000-000000000001', tests.hlc(1)),
            tests.merge('b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001')))),
          '{-,invalid}', 'a merge into a person deleted meanwhile is refused');
select is((select deleted_at from public.prospects where id = 'b0000000-0000-4000-8000-000000000002'), null,
          'and the other person is left as they were');
select is(tests.codes(tests.push('admin', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'b0000000-0000-4000-8000-000000000003', tests.hlc(1),
                      '{"name": "Budi", "source": "event"}'),
            tests.merge('b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003')))),
          '{-,-}', 'an admin merges the owner''s prospect into a new one');
select is((select emails from public.prospects where id = 'b0000000-0000-4000-8000-000000000003'),
          '{budi@example.com}'::text[], 'with its address');

-- ---- undo and erase meet a merge -------------------------------------------------------------
select is(tests.statuses(tests.push('rep2', jsonb_build_array(
            tests.mut('prospect', 'restore', 'a0000000-0000-4000-8000-000000000002', tests.hlc(1))))),
          '{rejected}', 'undoing a delete cannot bring back a person merged into another');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'erase', 'a0000000-0000-4000-8000-000000000001', tests.hlc(1))))),
          '{-}', 'the survivor''s owner erases the person');
select is((select count(*)::int from public.prospects
            where id in ('a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002')),
          0, 'erasing the survivor erases the record merged into it too: it was the same person');

select * from finish();
rollback;
