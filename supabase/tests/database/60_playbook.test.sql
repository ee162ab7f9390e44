-- The playbook fields (issue 6): a prospect's manual score adjustment and cadence enrolment are
-- written through sync_push on creation and on merge, converge field by field by clock, reject bad
-- values, are stamped on direct edits and come back in sync_pull; cadence steps run in day order.
begin;
\ir _helpers.psql
select plan(45);

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
create function tests.reply(name text) returns jsonb language sql as $$ select reply from replies r where r.name = reply.name $$;
create function tests.codes(reply jsonb) returns text[] language sql immutable as $$
  select coalesce(array_agg(coalesce(r ->> 'code', '-') order by o), '{}')
    from jsonb_array_elements(reply -> 'results') with ordinality as x(r, o)
$$;
-- A row without the columns that legitimately differ between two copies of it.
create function tests.prospect_state(pid uuid) returns jsonb language sql as $$
  select to_jsonb(p) - '{id,change_seq,created_at,updated_at,stage_change_id}'::text[]
    from public.prospects p where p.id = pid
$$;
-- A prospect upsert. Unlike tests.mut it keeps nulls inside fields, as clients send them (null
-- clears a field; an enrolment has "pausedAt": null).
create function tests.pmut(id uuid, hlc text, fields jsonb) returns jsonb
language sql volatile as $$
  select jsonb_build_object('mutation_id', gen_random_uuid(), 'entity', 'prospect', 'op', 'upsert', 'id', id,
                            'hlc', hlc, 'fields', fields)
$$;
-- An enrolment as the extension stores it (lib/model/cadence.ts EnrolmentSchema).
create function tests.enrolment(status text, step integer, paused_at bigint default null) returns jsonb
language sql immutable as $$
  select jsonb_build_object('cadenceId', 'f6000000-0000-4000-8000-0000000000ca', 'timeZone', 'Asia/Jakarta',
                            'startedAt', 1767225600000, 'anchorAt', 1767225600000, 'status', status, 'step', step,
                            'dueAt', case when status = 'active' then 1767225600000 + step * 86400000 end,
                            'pausedAt', paused_at, 'endedAt', null, 'done', step, 'skipped', 0)
$$;
grant execute on all functions in schema tests to authenticated;

-- ---- writable on creation ----------------------------------------------------------------------
select is(tests.statuses(tests.push('rep', 'create', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(1000),
            jsonb_build_object('name', 'Ayu Lestiani', 'source', 'referral', 'score_adjustment', 15,
                               'cadence_enrolment', tests.enrolment('active', 0))),
  tests.pmut('f6000000-0000-4000-8000-000000000002', tests.hlc(1000),
            '{"name": "Bagus Wiratama", "source": "cold_call"}'),
  tests.pmut('f6000000-0000-4000-8000-000000000003', tests.hlc(1000),
            '{"name": "Candra Wijaya", "source": "event"}')))),
  '{applied,applied,applied}', 'a new prospect may carry a score adjustment and an enrolment');
select results_eq($$select score_adjustment, cadence_enrolment from public.prospects where id = 'f6000000-0000-4000-8000-000000000001'$$,
                  $$values (15::smallint, tests.enrolment('active', 0))$$,
                  'both are stored as pushed (the enrolment object exactly)');
select is((select jsonb_build_array(field_hlc -> 'score_adjustment', field_hlc -> 'cadence_enrolment') from public.prospects where id = 'f6000000-0000-4000-8000-000000000001'),
          jsonb_build_array(tests.hlc(1000), tests.hlc(1000)), '…each with the creating edit''s clock');
select results_eq($$select score_adjustment, cadence_enrolment from public.prospects where id = 'f6000000-0000-4000-8000-000000000002'$$,
                  $$values (0::smallint, null::jsonb)$$,
                  'without them a prospect has no adjustment and no enrolment');
select is((select field_hlc ?| '{score_adjustment,cadence_enrolment}' from public.prospects where id = 'f6000000-0000-4000-8000-000000000002'),
          false, '…and no clock for fields it never had');

-- ---- writable on merge -------------------------------------------------------------------------
select is(tests.codes(tests.push('rep', 'merge', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000002', tests.hlc(2000),
            jsonb_build_object('score_adjustment', -20, 'cadence_enrolment', tests.enrolment('active', 1))),
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(2000),
            jsonb_build_object('cadence_enrolment', tests.enrolment('paused', 3, 1767400000000)))))),
  '{-,-}', 'an edit of a known prospect sets them');
select results_eq($$select id, score_adjustment, cadence_enrolment from public.prospects
                     where id in ('f6000000-0000-4000-8000-000000000001', 'f6000000-0000-4000-8000-000000000002') order by id$$,
                  $$values ('f6000000-0000-4000-8000-000000000001'::uuid, 15::smallint, tests.enrolment('paused', 3, 1767400000000)),
                           ('f6000000-0000-4000-8000-000000000002'::uuid, -20::smallint, tests.enrolment('active', 1))$$,
                  '…field by field: a field the edit leaves out keeps its value');
select is((select field_hlc ->> 'cadence_enrolment' from public.prospects where id = 'f6000000-0000-4000-8000-000000000001'),
          tests.hlc(2000), 'the merged field takes the edit''s clock');
select is(tests.codes(tests.push('rep', 'unenrol', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000002', tests.hlc(2100), '{"cadence_enrolment": null, "score_adjustment": 0}')))),
  '{-}', 'null ends the enrolment and 0 clears the adjustment');
select results_eq($$select score_adjustment, cadence_enrolment from public.prospects where id = 'f6000000-0000-4000-8000-000000000002'$$,
                  $$values (0::smallint, null::jsonb)$$, '…and both are gone');
select is(tests.codes(tests.push('rep', 'older', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000002', tests.hlc(2050),
            jsonb_build_object('score_adjustment', 30, 'cadence_enrolment', tests.enrolment('stopped', 2)))))),
  '{superseded}', 'an older edit of both does not undo the newer ones');
select is(tests.statuses(tests.push('rep2', 'teammate', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000002', tests.hlc(2200), '{"score_adjustment": 5}')))),
  '{applied}', 'any rep of the team may adjust a teammate''s prospect (RLS unchanged)');

-- ---- convergence: every order of four edits gives the same row --------------------------------
create temp table perms as
select row_number() over () as k, array[a, b, c, d] as ord
  from generate_series(1, 4) a, generate_series(1, 4) b, generate_series(1, 4) c, generate_series(1, 4) d
 where a not in (b, c, d) and b not in (c, d) and c <> d;
create temp table edits (n int, hlc text, fields jsonb);
insert into edits values
  (1, tests.hlc(5000, 'laptop'), jsonb_build_object('score_adjustment', 10, 'cadence_enrolment', tests.enrolment('active', 1))),
  (2, tests.hlc(5001, 'phone'),  '{"score_adjustment": -15, "title": "Head of Procurement"}'),
  (3, tests.hlc(5002, 'laptop'), jsonb_build_object('cadence_enrolment', tests.enrolment('paused', 2, 1767500000000))),
  (4, tests.hlc(4999, 'phone'),  '{"score_adjustment": 40, "cadence_enrolment": null, "title": "Intern", "company": "Old Co"}');
select tests.push('rep', 'copies', (select jsonb_agg(tests.pmut(('f6100000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid,
                                                               tests.hlc(4000, 'seed'), '{"name": "Citra", "source": "event"}')) from perms));
do $$
declare
  p record;
begin
  for p in select * from perms order by k loop
    perform tests.push(case when p.k % 2 = 0 then 'rep' else 'rep2' end, 'perm ' || p.k, (
      select jsonb_agg(tests.pmut(('f6100000-0000-4000-8000-' || lpad(p.k::text, 12, '0'))::uuid, e.hlc, e.fields) order by o)
        from unnest(p.ord) with ordinality as u(n, o) join edits e on e.n = u.n));
  end loop;
end;
$$;
select is((select count(distinct tests.prospect_state(('f6100000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid)) from perms)::int, 1,
          'all 24 arrival orders of adjustment and enrolment edits converge to one identical row');
select results_eq($$select score_adjustment, cadence_enrolment, title, company from public.prospects where id = 'f6100000-0000-4000-8000-000000000001'$$,
                  $$values (-15::smallint, tests.enrolment('paused', 2, 1767500000000), 'Head of Procurement', 'Old Co')$$,
                  '…each field holding the value of its latest clock');
select is((select jsonb_build_array(field_hlc -> 'score_adjustment', field_hlc -> 'cadence_enrolment')
             from public.prospects where id = 'f6100000-0000-4000-8000-000000000001'),
          jsonb_build_array(tests.hlc(5001, 'phone'), tests.hlc(5002, 'laptop')), '…and its clock');

-- two devices, each edit applied first on one copy and second on the other
select tests.push('rep', 'pair', jsonb_build_array(
  tests.pmut('f6200000-0000-4000-8000-000000000001', tests.hlc(4000), '{"name": "Dewi", "source": "event"}'),
  tests.pmut('f6200000-0000-4000-8000-000000000002', tests.hlc(4000), '{"name": "Dewi", "source": "event"}')));
select tests.push('rep', 'pair a', jsonb_build_array(
  tests.pmut('f6200000-0000-4000-8000-000000000001', tests.hlc(6000, 'laptop'), jsonb_build_object('cadence_enrolment', tests.enrolment('stopped', 4))),
  tests.pmut('f6200000-0000-4000-8000-000000000001', tests.hlc(6001, 'phone'), jsonb_build_object('score_adjustment', 25, 'cadence_enrolment', tests.enrolment('active', 5)))));
select tests.push('rep2', 'pair b', jsonb_build_array(
  tests.pmut('f6200000-0000-4000-8000-000000000002', tests.hlc(6001, 'phone'), jsonb_build_object('score_adjustment', 25, 'cadence_enrolment', tests.enrolment('active', 5))),
  tests.pmut('f6200000-0000-4000-8000-000000000002', tests.hlc(6000, 'laptop'), jsonb_build_object('cadence_enrolment', tests.enrolment('stopped', 4)))));
select is(tests.codes(tests.reply('pair b')), '{-,superseded}', 'the late-arriving older enrolment is superseded');
select is(tests.prospect_state('f6200000-0000-4000-8000-000000000001'), tests.prospect_state('f6200000-0000-4000-8000-000000000002'),
          'two devices'' edits converge in either order');

-- equal clocks (should not happen, must still converge)
select tests.push('rep', 'tie', jsonb_build_array(
  tests.pmut('f6300000-0000-4000-8000-000000000001', tests.hlc(4000), '{"name": "Tie", "source": "event"}'),
  tests.pmut('f6300000-0000-4000-8000-000000000002', tests.hlc(4000), '{"name": "Tie", "source": "event"}'),
  tests.pmut('f6300000-0000-4000-8000-000000000001', tests.hlc(7000, 'same'), jsonb_build_object('score_adjustment', 3, 'cadence_enrolment', tests.enrolment('active', 1))),
  tests.pmut('f6300000-0000-4000-8000-000000000001', tests.hlc(7000, 'same'), jsonb_build_object('score_adjustment', -3, 'cadence_enrolment', tests.enrolment('completed', 8))),
  tests.pmut('f6300000-0000-4000-8000-000000000002', tests.hlc(7000, 'same'), jsonb_build_object('score_adjustment', -3, 'cadence_enrolment', tests.enrolment('completed', 8))),
  tests.pmut('f6300000-0000-4000-8000-000000000002', tests.hlc(7000, 'same'), jsonb_build_object('score_adjustment', 3, 'cadence_enrolment', tests.enrolment('active', 1)))));
select is(tests.prospect_state('f6300000-0000-4000-8000-000000000001'), tests.prospect_state('f6300000-0000-4000-8000-000000000002'),
          'equal clocks fall back to comparing values, so both orders agree');

-- ---- bad values are rejected with invalid ------------------------------------------------------
create temp table big as select jsonb_build_object('cadenceId', 'f6000000-0000-4000-8000-0000000000ca', 'status', 'active',
                                                   'pad', (select string_agg(md5(g::text), '') from generate_series(1, 300) g)) as e;
select is(tests.codes(tests.push('rep', 'bad create', jsonb_build_array(
  tests.pmut('f6400000-0000-4000-8000-000000000001', tests.hlc(8000), '{"name": "X", "source": "event", "score_adjustment": 101}'),
  tests.pmut('f6400000-0000-4000-8000-000000000002', tests.hlc(8000), '{"name": "X", "source": "event", "score_adjustment": -101}'),
  tests.pmut('f6400000-0000-4000-8000-000000000003', tests.hlc(8000), '{"name": "X", "source": "event", "score_adjustment": 40000}'),
  tests.pmut('f6400000-0000-4000-8000-000000000004', tests.hlc(8000), '{"name": "X", "source": "event", "score_adjustment": 2.5}'),
  tests.pmut('f6400000-0000-4000-8000-000000000005', tests.hlc(8000), '{"name": "X", "source": "event", "score_adjustment": "lots"}'),
  tests.pmut('f6400000-0000-4000-8000-000000000006', tests.hlc(8000), '{"name": "X", "source": "event", "cadence_enrolment": []}'),
  tests.pmut('f6400000-0000-4000-8000-000000000007', tests.hlc(8000), '{"name": "X", "source": "event", "cadence_enrolment": "active"}'),
  tests.pmut('f6400000-0000-4000-8000-000000000008', tests.hlc(8000), '{"name": "X", "source": "event", "cadence_enrolment": 3}'),
  tests.pmut('f6400000-0000-4000-8000-000000000009', tests.hlc(8000),
            jsonb_build_object('name', 'X', 'source', 'event', 'cadence_enrolment', (select e from big)))))),
  '{invalid,invalid,invalid,invalid,invalid,invalid,invalid,invalid,invalid}',
  'on creation: an adjustment outside -100..100 or not an integer, an enrolment that is not an object or over 8 KB');
select is((select count(*)::int from public.prospects where id::text like 'f6400000-%'), 0, '…and none of them is created');
select ok((select bool_and(case when o <= 2 then r ->> 'reason' like '%prospects_score_adjustment_check%'
                                when o <= 5 then r ->> 'reason' like '%smallint%'
                                else r ->> 'reason' like '%prospects_cadence_enrolment_check%' end)
             from jsonb_array_elements(tests.reply('bad create') -> 'results') with ordinality as x(r, o)),
          'each reason names the rule that was broken (or the type)');

create temp table before_bad as select tests.prospect_state('f6000000-0000-4000-8000-000000000001') as s;
select is(tests.codes(tests.push('rep', 'bad merge', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(8001), '{"score_adjustment": 150}'),
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(8002), '{"score_adjustment": null}'),
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(8003), '{"cadence_enrolment": [1, 2]}'),
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(8004), '{"cadence_enrolment": true, "title": "Also refused"}'),
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(8005), jsonb_build_object('cadence_enrolment', (select e from big)))))),
  '{invalid,invalid,invalid,invalid,invalid}', 'on merge: out of range, null adjustment, non-object or oversized enrolment');
select is(tests.prospect_state('f6000000-0000-4000-8000-000000000001'), (select s from before_bad),
          '…and the row, clocks included, is untouched (a rejected edit changes no field)');
select is(tests.codes(tests.push('rep', 'edge values', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc(8010), '{"score_adjustment": -100}'),
  tests.pmut('f6000000-0000-4000-8000-000000000002', tests.hlc(8010), '{"score_adjustment": 100, "cadence_enrolment": {}}')))),
  '{-,-}', '-100, 100 and an empty object are accepted');

-- ---- direct edits (outside sync_push) ------------------------------------------------------------
select tests.act_as('rep');
update public.prospects set score_adjustment = 7, cadence_enrolment = tests.enrolment('stopped', 3),
       field_hlc = '{"score_adjustment": "999999999999999-zzzzzz-forged"}'
 where id = 'f6000000-0000-4000-8000-000000000001';
select tests.act_as_runner();
select ok((select field_hlc ->> 'score_adjustment' like '%-000000-server' and field_hlc ->> 'cadence_enrolment' like '%-000000-server'
             from public.prospects where id = 'f6000000-0000-4000-8000-000000000001'),
          'a direct edit stamps both fields with the server clock and cannot forge it');
select is(tests.codes(tests.push('rep', 'after direct', jsonb_build_array(
  tests.pmut('f6000000-0000-4000-8000-000000000001', tests.hlc((extract(epoch from now()) * 1000)::bigint - 60000),
            jsonb_build_object('score_adjustment', 1, 'cadence_enrolment', tests.enrolment('active', 1)))))),
  '{superseded}', 'an older offline edit does not overwrite a newer direct edit of them');
select tests.act_as('rep');
select throws_ok($$update public.prospects set score_adjustment = 101 where id = 'f6000000-0000-4000-8000-000000000001'$$, '23514', null,
                 'the table refuses an adjustment above 100');
select throws_ok($$update public.prospects set cadence_enrolment = '"active"' where id = 'f6000000-0000-4000-8000-000000000001'$$, '23514', null,
                 'the table refuses an enrolment that is not an object');
select throws_ok($$update public.prospects set score_adjustment = null where id = 'f6000000-0000-4000-8000-000000000001'$$, '23502', null,
                 'the adjustment is never null');
select is(tests.try_as('other', $$update public.prospects set score_adjustment = 50 where id = 'f6000000-0000-4000-8000-000000000001'$$),
          'ok:0', 'another team cannot adjust the prospect');

-- ---- sync_pull carries them ----------------------------------------------------------------------
select tests.act_as('rep2');
create temp table pulled as select public.sync_pull(tests.team(), 0, 5000) as page;
select tests.act_as_runner();
create temp view pulled_prospects as
  select (c ->> 'id')::uuid as id, c -> 'data' as data from pulled, jsonb_array_elements(page -> 'changes') c where c ->> 'entity' = 'prospect';
select is((select page ->> 'has_more' from pulled), 'false', 'one page holds the team');
select is((select jsonb_build_array(data -> 'score_adjustment', data -> 'cadence_enrolment') from pulled_prospects where id = 'f6000000-0000-4000-8000-000000000001'),
          jsonb_build_array(7, tests.enrolment('stopped', 3)), 'a pulled prospect carries its adjustment (a number) and its enrolment (the object)');
select is((select jsonb_build_array(data -> 'score_adjustment', data -> 'cadence_enrolment') from pulled_prospects where id = 'f6100000-0000-4000-8000-000000000001'),
          jsonb_build_array(-15, tests.enrolment('paused', 2, 1767500000000)), '…the converged values');
select ok((select bool_and(data ? 'score_adjustment' and data ? 'cadence_enrolment') from pulled_prospects),
          'every pulled prospect has both keys');
select is((select jsonb_build_array(data -> 'score_adjustment', data -> 'cadence_enrolment') from pulled_prospects
            where id = 'f6000000-0000-4000-8000-000000000003'),
          '[0, null]'::jsonb, 'a prospect never adjusted or enrolled pulls 0 and null');
select ok((select data -> 'field_hlc' ?& '{score_adjustment,cadence_enrolment}' from pulled_prospects where id = 'f6100000-0000-4000-8000-000000000001'),
          '…and their clocks in field_hlc');

-- ---- cadence steps in day order -------------------------------------------------------------------
select is(tests.codes(tests.push('admin', 'cadences', jsonb_build_array(
  tests.mut('cadence', 'upsert', 'f6500000-0000-4000-8000-000000000001', tests.hlc(9000),
            '{"name": "Backwards", "steps": [{"day": 0, "channel": "call"}, {"day": 5, "channel": "email"}, {"day": 3, "channel": "call"}]}'),
  tests.mut('cadence', 'upsert', 'f6500000-0000-4000-8000-000000000002', tests.hlc(9000),
            '{"name": "Mortgage wait", "steps": [{"day": 0, "channel": "call"}, {"day": 2, "channel": "email"}, {"day": 2, "channel": "linkedin_message"}, {"day": 30, "channel": "call", "note": "Check in"}]}')))),
  '{invalid,-}', 'a cadence push with a decreasing day is rejected; equal days are fine');
select matches(tests.reply('cadences') -> 'results' -> 0 ->> 'reason', 'cadences_steps_check', '…naming the steps rule');
select is(tests.codes(tests.push('admin', 'cadence edit', jsonb_build_array(
  tests.mut('cadence', 'upsert', 'f6500000-0000-4000-8000-000000000002', tests.hlc(9001),
            '{"steps": [{"day": 0, "channel": "call"}, {"day": 30, "channel": "call"}, {"day": 29, "channel": "email"}]}'),
  tests.mut('cadence', 'upsert', 'f6500000-0000-4000-8000-000000000002', tests.hlc(9002), '{"name": "Mortgage waiting period"}')))),
  '{invalid,-}', 'an edit that puts a day before the previous one is rejected too; the next edit applies');
select results_eq($$select name, jsonb_array_length(steps), steps -> 3 ->> 'day' from public.cadences where id = 'f6500000-0000-4000-8000-000000000002'$$,
                  $$values ('Mortgage waiting period', 4, '30')$$, '…and the steps stay as they were');
select tests.act_as('admin');
select throws_ok(format($$insert into public.cadences (team_id, name, steps) values (%L, 'Direct', '[{"day": 7, "channel": "call"}, {"day": 1, "channel": "email"}]')$$,
                        tests.team()), '23514', null, 'the table check refuses decreasing days on insert');
select throws_ok($$update public.cadences set steps = '[{"day": 1, "channel": "call"}, {"day": 0, "channel": "call"}]'
                    where id = 'f6500000-0000-4000-8000-000000000002'$$, '23514', null, '…and on update');
select tests.act_as_runner();

select is(array[private.valid_cadence_steps('[]'), private.valid_cadence_steps('[{"day": 4, "channel": "note"}]'),
                private.valid_cadence_steps('[{"day": 0, "channel": "call"}, {"day": 0, "channel": "email"}, {"day": 365, "channel": "meeting", "note": ""}]'),
                private.valid_cadence_steps((select jsonb_agg(jsonb_build_object('day', g, 'channel', 'email')) from generate_series(0, 49) g))],
          array[true, true, true, true], 'valid: empty, one step, equal and increasing days, 50 steps');
select is(array[private.valid_cadence_steps('[{"day": 2, "channel": "call"}, {"day": 1, "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": 0, "channel": "call"}, {"day": 9, "channel": "call"}, {"day": 9, "channel": "call"}, {"day": 8, "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": 366, "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": -1, "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": 1.5, "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": "1", "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": 1, "channel": "fax"}]'),
                private.valid_cadence_steps('[{"day": 1, "channel": "call", "note": 5}]'),
                private.valid_cadence_steps(jsonb_build_array(jsonb_build_object('day', 1, 'channel', 'call', 'note', repeat('x', 2001)))),
                private.valid_cadence_steps('[{"channel": "call"}, {"day": 1, "channel": "call"}]'),
                private.valid_cadence_steps('[{"day": 1}]'),
                private.valid_cadence_steps('[{}]'),
                private.valid_cadence_steps('[1, {"day": 1, "channel": "call"}]'),
                private.valid_cadence_steps('{"day": 1, "channel": "call"}'),
                private.valid_cadence_steps((select jsonb_agg(jsonb_build_object('day', g, 'channel', 'email')) from generate_series(0, 50) g))],
          array[false, false, false, false, false, false, false, false, false, false, false, false, false, false, false],
          'invalid: a decreasing day anywhere, and every earlier rule holds for every step (range, integer, channel, note, day and channel present, object, array, ≤ 50)');
select is((select count(*)::int from public.cadences where not private.valid_cadence_steps(steps)), 0,
          'every stored cadence (the default one, the seed''s) is in day order');

select * from finish();
rollback;
