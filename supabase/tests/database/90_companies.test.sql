-- Companies as accounts: who may read and write them (as prospects: the team's members, nobody
-- else), one live company per LinkedIn slug, sync_push / sync_pull, and a prospect's company link.
begin;
\ir _helpers.psql
select plan(55);

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
create function tests.now_hlc(node text default 'node1') returns text language sql volatile as $$
  select tests.hlc((extract(epoch from clock_timestamp()) * 1000)::bigint, node)
$$;
create function tests.pull(who text, since bigint default 0, team uuid default null) returns jsonb
language plpgsql as $$
declare
  reply jsonb;
begin
  perform tests.act_as(who);
  reply := public.sync_pull(coalesce(team, tests.team()), since, 5000);
  perform tests.act_as_runner();
  return reply;
end;
$$;
grant execute on all functions in schema tests to authenticated;

-- The rep's company and a prospect in team A; a company in team B.
insert into public.companies (id, team_id, name, linkedin_slug, industry, size, created_by) values
  ('c0000000-0000-4000-8000-000000000001', tests.team(), 'Nusantara Logistik', 'nusantara-logistik',
   'Logistics', '201-500 employees', tests.user_id('rep')),
  ('c0000000-0000-4000-8000-0000000000b1', tests.team('b'), 'Other Team Co', 'other-team-co', null, null, tests.user_id('other'));
insert into public.prospects (id, team_id, name, source, linkedin_slug, owner_id, created_by) values
  ('c1000000-0000-4000-8000-000000000001', tests.team(), 'Sari Wijaya', 'social_selling', 'sari-wijaya',
   tests.user_id('rep'), tests.user_id('rep'));

-- ---- direct table access, as PostgREST runs it ------------------------------------------------------
create temp table matrix (op text, stmt text, owner text, admin text, rep text, rep2 text, other text, anon text);
insert into matrix
select m.op, format(m.stmt, tests.team(), tests.user_id('rep'), tests.user_id('rep2'), tests.user_id('other'), tests.team('b')),
       m.owner, m.admin, m.rep, m.rep2, m.other, m.anon
  from (values
  -- %1$s = team A, %2$s = rep, %3$s = rep2, %4$s = other, %5$s = team B
  ('select', $$select * from public.companies where team_id = '%1$s'$$, 'ok:1', 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('insert as themselves', $$insert into public.companies (team_id, name, linkedin_slug) values ('%1$s', 'Maju Jaya', 'maju-jaya')$$,
     'ok:1', 'ok:1', 'ok:1', 'ok:1', 'err:42501', 'err:42501'),
  ('insert as a teammate', $$insert into public.companies (team_id, name, created_by) values ('%1$s', 'Forged', '%3$s')$$,
     'err:42501', 'err:42501', 'err:42501', 'ok:1', 'err:42501', 'err:42501'),
  ('insert into another team', $$insert into public.companies (team_id, name) values ('%5$s', 'Planted')$$,
     'err:42501', 'err:42501', 'err:42501', 'err:42501', 'ok:1', 'err:42501'),
  ('update', $$update public.companies set industry = 'Shipping' where id = 'c0000000-0000-4000-8000-000000000001'$$,
     'ok:1', 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('tombstone', $$update public.companies set deleted_at = now() where id = 'c0000000-0000-4000-8000-000000000001'$$,
     'ok:1', 'ok:1', 'ok:1', 'err:42501', 'ok:0', 'err:42501'),
  ('hard delete', $$delete from public.companies where id = 'c0000000-0000-4000-8000-000000000001'$$,
     'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501', 'err:42501'),
  ('move to another team', $$update public.companies set team_id = '%5$s' where id = 'c0000000-0000-4000-8000-000000000001'$$,
     'err:42501', 'err:42501', 'err:42501', 'err:42501', 'ok:0', 'err:42501'),
  ('link a prospect', $$update public.prospects set company_id = 'c0000000-0000-4000-8000-000000000001' where id = 'c1000000-0000-4000-8000-000000000001'$$,
     'ok:1', 'ok:1', 'ok:1', 'ok:1', 'ok:0', 'err:42501'),
  ('link a prospect to another team''s company', $$update public.prospects set company_id = 'c0000000-0000-4000-8000-0000000000b1' where id = 'c1000000-0000-4000-8000-000000000001'$$,
     'err:23503', 'err:23503', 'err:23503', 'err:23503', 'ok:0', 'err:42501')
  ) as m(op, stmt, owner, admin, rep, rep2, other, anon);

select is(tests.try_as(who, m.stmt), expected, format('companies %s: %s', m.op, who))
  from matrix m,
       lateral (values ('owner', m.owner), ('admin', m.admin), ('rep', m.rep), ('rep2', m.rep2), ('other', m.other), ('anon', m.anon)) v(who, expected)
 where who in ('owner', 'rep', 'rep2', 'other', 'anon') and m.op in ('select', 'insert as themselves', 'update', 'tombstone')
 order by m.op, who;

select is(tests.try_as('rep', stmt), 'err:42501', 'companies insert as a teammate: refused') from matrix where op = 'insert as a teammate';
select is(tests.try_as('rep', stmt), 'err:42501', 'companies insert into another team: refused') from matrix where op = 'insert into another team';
select is(tests.try_as('owner', stmt), 'err:42501', 'companies are never hard-deleted, not even by the owner') from matrix where op = 'hard delete';
select is(tests.try_as('rep', stmt), 'err:42501', 'a company cannot move to another team') from matrix where op = 'move to another team';
select is(tests.try_as('rep2', stmt), 'ok:1', 'any member links a prospect to the team''s company') from matrix where op = 'link a prospect';
select is(tests.try_as('rep', stmt), 'err:23503', 'a prospect cannot point at another team''s company') from matrix where op = 'link a prospect to another team''s company';

select is(tests.try_as('rep', $$insert into public.companies (team_id, name, linkedin_slug) values ('$$ || tests.team() || $$', 'Dup', 'Nusantara-Logistik ')$$),
          'err:23505', 'one live company per LinkedIn slug per team (the slug is normalised first)');
select is(tests.try_as('other', $$insert into public.companies (team_id, name, linkedin_slug) values ('$$ || tests.team('b') || $$', 'Same slug', 'nusantara-logistik')$$),
          'ok:1', 'another team may track the same company');

-- ---- sync_push -----------------------------------------------------------------------------------
select is(tests.statuses(tests.push('rep2', jsonb_build_array(
            tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      '{"name": "Maju Jaya", "linkedin_slug": "maju-jaya", "industry": "Retail", "size": "51-200 employees",
                        "headquarters": "Bandung", "website": "https://maju-jaya.example", "followers": 4200}')))),
          '{applied}', 'a rep adds a company through sync_push');
select is((select created_by from public.companies where id = 'c0000000-0000-4000-8000-000000000002'), tests.user_id('rep2'),
          'the pusher is recorded as who added it');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000003', tests.now_hlc(),
                      '{"name": "Copy", "linkedin_slug": "maju-jaya"}')))),
          '{conflict}', 'a second live company with the same slug is a conflict');
select is((tests.push('rep', jsonb_build_array(
            tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000003', tests.now_hlc(),
                      '{"name": "Copy", "linkedin_slug": "maju-jaya"}'))) -> 'results' -> 0 ->> 'conflict_id'),
          'c0000000-0000-4000-8000-000000000002', 'the conflict names the company that holds the slug');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      '{"owner_id": "c0000000-0000-4000-8000-000000000002"}')))),
          '{invalid}', 'unknown company fields are refused');
select is(tests.codes(tests.push('other', jsonb_build_array(
            tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.now_hlc(), '{"name": "Hijacked"}')), tests.team('b'))),
          '{conflict}', 'another team cannot write a company of this team under its own team id');
select is((select name from public.companies where id = 'c0000000-0000-4000-8000-000000000002'), 'Maju Jaya', 'and nothing changed');
select throws_ok($$select tests.push('other', jsonb_build_array(tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000004', tests.now_hlc(), '{"name": "Planted"}')))$$,
                 '42501', null, 'an outsider cannot push companies into the team');

-- Field by field, later clock wins; an older edit does not overwrite.
select is(tests.statuses(tests.push('rep', jsonb_build_array(
            tests.mut('company', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.hlc(1000, 'old'), '{"industry": "Stale"}')))),
          '{applied}', 'an edit older than the value in place');
select is((select industry from public.companies where id = 'c0000000-0000-4000-8000-000000000002'), 'Retail', 'is superseded');

-- Deleting through sync_push follows the tombstone rule.
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('company', 'delete', 'c0000000-0000-4000-8000-000000000002', tests.now_hlc())))),
          '{forbidden}', 'a rep cannot delete a company a teammate added');
select is(tests.codes(tests.push('rep2', jsonb_build_array(
            tests.mut('company', 'delete', 'c0000000-0000-4000-8000-000000000002', tests.now_hlc())))),
          '{-}', 'whoever added it may delete it');
select isnt((select deleted_at from public.companies where id = 'c0000000-0000-4000-8000-000000000002'), null, 'it is a tombstone');

-- A prospect's company link, created with the prospect and corrected later.
select is(tests.statuses(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'c1000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      '{"name": "Rudi Hartono", "source": "social_selling", "company_id": "c0000000-0000-4000-8000-000000000001"}')))),
          '{applied}', 'a prospect is created with its company');
select is((select company_id from public.prospects where id = 'c1000000-0000-4000-8000-000000000002'),
          'c0000000-0000-4000-8000-000000000001'::uuid, 'and points at it');
select is(tests.statuses(tests.push('rep2', jsonb_build_array(
            -- (built by hand: tests.mut strips nulls, and a null here is the point)
            jsonb_build_object('mutation_id', gen_random_uuid(), 'entity', 'prospect', 'op', 'upsert',
                               'id', 'c1000000-0000-4000-8000-000000000002', 'hlc', tests.now_hlc('node2'),
                               'fields', '{"company_id": null}'::jsonb)))),
          '{applied}', 'a teammate corrects the link (to none)');
select is((select company_id from public.prospects where id = 'c1000000-0000-4000-8000-000000000002'), null, 'the link is gone');
select is(tests.statuses(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'c1000000-0000-4000-8000-000000000002', tests.hlc(1000, 'old'),
                      '{"company_id": "c0000000-0000-4000-8000-000000000001"}')))),
          '{applied}', 'an older link');
select is((select company_id from public.prospects where id = 'c1000000-0000-4000-8000-000000000002'), null, 'does not come back over the newer correction');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'c1000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      '{"company_id": "c0000000-0000-4000-8000-0000000000b1"}')))),
          '{invalid}', 'a link to another team''s company is refused');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'c1000000-0000-4000-8000-000000000002', tests.now_hlc(), '{"company_id": 42}')))),
          '{invalid}', 'a company_id that is not a uuid is refused');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'c1000000-0000-4000-8000-0000000000ff', tests.now_hlc(),
                      '{"company_id": "c0000000-0000-4000-8000-000000000001"}')))),
          '{not_found}', 'a link for a prospect the team does not have is refused');

-- A direct edit of the link gets the server's clock, so a stale offline edit loses to it.
select tests.act_as('rep');
update public.prospects set company_id = 'c0000000-0000-4000-8000-000000000001' where id = 'c1000000-0000-4000-8000-000000000001';
select tests.act_as_runner();
select ok((select field_hlc ? 'company_id' from public.prospects where id = 'c1000000-0000-4000-8000-000000000001'),
          'a direct edit stamps company_id''s clock');

-- ---- sync_pull -----------------------------------------------------------------------------------
select ok((select bool_or(c ->> 'entity' = 'company' and c ->> 'id' = 'c0000000-0000-4000-8000-000000000001'
                          and c -> 'data' ->> 'industry' = 'Logistics')
             from jsonb_array_elements(tests.pull('rep2') -> 'changes') c),
          'teammates pull the team''s companies');
select ok((select bool_or(c ->> 'entity' = 'prospect' and c -> 'data' ->> 'company_id' = 'c0000000-0000-4000-8000-000000000001')
             from jsonb_array_elements(tests.pull('rep2') -> 'changes') c),
          'and the prospects'' company links');
select ok((select not bool_or(c ->> 'id' = 'c0000000-0000-4000-8000-0000000000b1')
             from jsonb_array_elements(tests.pull('rep') -> 'changes') c),
          'never another team''s company');
select throws_ok($$select tests.pull('other')$$, '42501', null, 'an outsider cannot pull the team');

select * from finish();
rollback;
