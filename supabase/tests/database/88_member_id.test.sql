-- LinkedIn member id as a third identity key (migration 20261205180000_member_id.sql): its format,
-- one live prospect per id per team (another team may hold it), sync_push and sync_pull carry it,
-- conflicts name the holder, tombstones free it, a merge moves it, and RLS keeps it in the team.
begin;
\ir _helpers.psql
select plan(22);

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
create function tests.now_hlc(plus_ms integer default 0) returns text language sql volatile as $$
  select tests.hlc((extract(epoch from now()) * 1000)::bigint + plus_ms)
$$;
grant execute on all functions in schema tests to authenticated;

-- Dewi, known to team A by member id only (a1), Budi by slug (a2); team B's own Dewi (c1).
insert into public.prospects (id, team_id, name, source, linkedin_slug, linkedin_member_id, owner_id, created_by) values
  ('a0000000-0000-4000-8000-000000000001', tests.team(), 'Dewi Anggraini', 'social_selling', null,
   'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456', tests.user_id('rep'), tests.user_id('rep')),
  ('a0000000-0000-4000-8000-000000000002', tests.team(), 'Budi Santoso', 'social_selling', 'budi-santoso', null,
   tests.user_id('rep'), tests.user_id('rep'));

-- ---- format ---------------------------------------------------------------------------------
select is(tests.try_as('rep', $$update public.prospects set linkedin_member_id = 'acoaabcdefghijklmnopqrstuvwxyz0123456'
                                 where id = 'a0000000-0000-4000-8000-000000000002'$$),
          'err:23514', 'a lower-cased id is not a member id (the id keeps its case)');
select is(tests.try_as('rep', $$update public.prospects set linkedin_member_id = 'budi-santoso'
                                 where id = 'a0000000-0000-4000-8000-000000000002'$$),
          'err:23514', 'a slug is not a member id');
select is(tests.codes(tests.push('rep', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000002',
            tests.now_hlc(), '{"linkedin_member_id": "ACoA<script>"}')))),
          '{invalid}', 'sync_push refuses a malformed id as invalid');
select is(tests.try_as('rep', $$update public.prospects set linkedin_member_id = 'ACwAAAB1c2VyLXNhbGVzLW5hdi0xMjM0NTY3ODk'
                                 where id = 'a0000000-0000-4000-8000-000000000002'$$),
          'ok:1', 'a Sales Navigator lead id (ACwA…) is a member id');

-- ---- one live prospect per id per team -------------------------------------------------------
select is(tests.try_as('rep', $$insert into public.prospects (id, team_id, name, source, linkedin_member_id)
                                 values ('a0000000-0000-4000-8000-000000000003', tests.team(), 'Dewi A.', 'email',
                                         'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456')$$),
          'err:23505', 'a second live prospect with the same member id in the team is refused');
select is(tests.try_as('other', $$insert into public.prospects (id, team_id, name, source, linkedin_member_id)
                                   values ('c0000000-0000-4000-8000-000000000001', tests.team('b'), 'Dewi', 'event',
                                           'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456')$$),
          'ok:1', 'another team may hold the same member id');
select ok(exists (select 1 from pg_indexes where indexname = 'prospects_team_member_id_live'
                   and indexdef like '%(team_id, linkedin_member_id)%'),
          'the id is indexed per team');

-- ---- sync_push: a field like the slug, with a conflict naming the holder ---------------------
select is(tests.codes(tests.push('rep2', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000004',
            tests.now_hlc(), '{"name": "Dewi (mail)", "source": "email", "linkedin_member_id": "ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456"}')))),
          '{conflict}', 'a new prospect with a member id the team already has is a conflict');
select is((tests.push('rep2', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000004',
            tests.now_hlc(), '{"name": "Dewi (mail)", "source": "email", "linkedin_member_id": "ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456"}')))
            -> 'results' -> 0 ->> 'conflict_id')::uuid,
          'a0000000-0000-4000-8000-000000000001'::uuid, 'the conflict names the prospect holding the id, so the client can merge');
select is(tests.codes(tests.push('rep', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000002',
            tests.now_hlc(1000), '{"linkedin_member_id": "ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456"}')))),
          '{conflict}', 'giving an existing prospect an id another live prospect holds is a conflict');
select is(tests.statuses(tests.push('rep', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000001',
            tests.now_hlc(2000), '{"linkedin_slug": "dewi-anggraini-77", "linkedin_url": "https://www.linkedin.com/in/dewi-anggraini-77/"}')))),
          '{applied}', 'the person first seen by id gains the slug');
select results_eq($$select linkedin_slug, linkedin_member_id from public.prospects where id = 'a0000000-0000-4000-8000-000000000001'$$,
          $$values ('dewi-anggraini-77'::text, 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456'::text)$$,
          'one prospect holds both keys');
select is(tests.statuses(tests.push('rep', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000005',
            tests.now_hlc(), '{"name": "Sari", "source": "social_selling", "linkedin_member_id": "ACoAAZyXwVuTsRqPoNmLkJiHgFeDcBa9876543"}')))),
          '{applied}', 'a new prospect known only by member id is created');
select is(tests.statuses(tests.push('rep', jsonb_build_array(tests.mut('prospect', 'upsert', 'a0000000-0000-4000-8000-000000000005',
            tests.hlc(1), '{"linkedin_member_id": "ACoAAOldOldOldOldOldOldOldOldOld0000000"}')))),
          '{applied}', 'an older write of the id is superseded (last writer by field clock)');
select is((select linkedin_member_id from public.prospects where id = 'a0000000-0000-4000-8000-000000000005'),
          'ACoAAZyXwVuTsRqPoNmLkJiHgFeDcBa9876543', 'the newer id stays');

-- ---- sync_pull carries it; RLS keeps it in the team ------------------------------------------
select is((select count(*)::int from jsonb_array_elements((select public.sync_pull(tests.team(), 0, 1000)
             from (select tests.act_as('rep')) x) -> 'changes') c
            where c ->> 'entity' = 'prospect' and c -> 'data' ->> 'linkedin_member_id' = 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456'),
          1, 'sync_pull returns the member id with the row');
select tests.act_as_runner();
select is(tests.try_as('other', $$select 1 from public.prospects where linkedin_member_id = 'ACoAAZyXwVuTsRqPoNmLkJiHgFeDcBa9876543'$$),
          'ok:0', 'another team cannot find a person by this team''s member id');
select is(tests.try_as('other', $$update public.prospects set linkedin_member_id = null
                                   where id = 'a0000000-0000-4000-8000-000000000005'$$),
          'ok:0', 'nor change it');
select is(tests.try_as('anon', $$select 1 from public.prospects where linkedin_member_id is not null$$),
          'err:42501', 'anonymous callers read nothing');

-- ---- tombstones free it; a merge moves it ----------------------------------------------------
update public.prospects set deleted_at = now() where id = 'a0000000-0000-4000-8000-000000000005';
select is(tests.try_as('rep', $$insert into public.prospects (id, team_id, name, source, linkedin_member_id)
                                 values ('a0000000-0000-4000-8000-000000000006', tests.team(), 'Sari again', 'social_selling',
                                         'ACoAAZyXwVuTsRqPoNmLkJiHgFeDcBa9876543')$$),
          'ok:1', 'a deleted prospect does not hold its member id');
-- Budi (slug only, here with a Sales Navigator id) kept; Dewi merged into him would be wrong — merge
-- a mail-only Budi into the slug one instead: the survivor without an id takes the other's.
update public.prospects set linkedin_member_id = null where id = 'a0000000-0000-4000-8000-000000000002';
insert into public.prospects (id, team_id, name, source, linkedin_member_id, emails, owner_id, created_by) values
  ('a0000000-0000-4000-8000-000000000007', tests.team(), 'Budi S.', 'email', 'ACoAABudiBudiBudiBudiBudiBudiBudi12345',
   '{budi@example.com}', tests.user_id('rep'), tests.user_id('rep'));
select is(tests.statuses(tests.push('rep', jsonb_build_array(tests.mut('merge', 'upsert', 'a0000000-0000-4000-8000-000000000007',
            tests.now_hlc(), jsonb_build_object('into', 'a0000000-0000-4000-8000-000000000002'))))),
          '{applied}', 'the merge is applied');
select results_eq($$select linkedin_slug, linkedin_member_id, emails from public.prospects where id = 'a0000000-0000-4000-8000-000000000002'$$,
          $$values ('budi-santoso'::text, 'ACoAABudiBudiBudiBudiBudiBudiBudi12345'::text, '{budi@example.com}'::text[])$$,
          'the survivor keeps its slug and takes the merged-away person''s member id and address');

select * from finish();
rollback;
