-- sync_push: batch validation, idempotency, per-item rejection, append-only history, the current
-- stage, field-by-field convergence and tombstones.
begin;
\ir _helpers.psql
select plan(57);

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
create function tests.team_state(team uuid) returns jsonb language sql as $$
  select jsonb_build_object(
    'prospects', (select jsonb_agg(to_jsonb(x) order by x.id) from public.prospects x where x.team_id = team),
    'touches', (select jsonb_agg(to_jsonb(x) order by x.id) from public.touches x where x.team_id = team),
    'follow_ups', (select jsonb_agg(to_jsonb(x) order by x.id) from public.follow_ups x where x.team_id = team),
    'stage_changes', (select jsonb_agg(to_jsonb(x) order by x.id) from public.stage_changes x where x.team_id = team),
    'mutations', (select count(*) from private.applied_mutations m where m.team_id = team))
$$;
grant execute on all functions in schema tests to authenticated;

-- ---- malformed batches: an error, and nothing written ----------------------------------------
select tests.act_as('rep');
select throws_ok(format($$select public.sync_push(%L, '{"not": "an array"}')$$, tests.team()), '22023',
                 'changes must be a JSON array of mutations', 'an object instead of an array is refused');
select throws_ok(format($$select public.sync_push(%L, null)$$, tests.team()), '22023', null, 'null is refused');
select throws_ok(format($$select public.sync_push(%L, %L)$$, tests.team(), jsonb_build_array(
                   tests.mut('prospect', 'upsert', gen_random_uuid(), tests.hlc(1000), '{"name": "Fine", "source": "event"}'),
                   jsonb_build_object('entity', 'prospect', 'op', 'upsert', 'id', gen_random_uuid(), 'hlc', tests.hlc(1000), 'fields', '{}'::jsonb))),
                 '22023', 'changes[1]: mutation_id must be a uuid string', 'an item without mutation_id fails the whole batch');
select throws_ok(format($$select public.sync_push(%L, %L)$$, tests.team(), jsonb_build_array(
                   tests.mut('prospect', 'upsert', gen_random_uuid(), '2024-01-01T00:00:00Z', '{"name": "X", "source": "event"}'))),
                 '22023', null, 'an hlc in the wrong format fails the batch');
select throws_ok(format($$select public.sync_push(%L, %L)$$, tests.team(), jsonb_build_array(
                   tests.mut('prospect', 'upsert', gen_random_uuid(), tests.hlc(1000)))),
                 '22023', 'changes[0]: an upsert needs fields', 'an upsert without fields fails the batch');
select throws_ok(format($$select public.sync_push(%L, %L)$$, tests.team(), jsonb_build_array(
                   tests.mut('prospect', 'upsert', gen_random_uuid(), tests.hlc(1000), '["name"]'))),
                 '22023', 'changes[0]: fields must be an object', 'fields that are not an object fail the batch');
select throws_ok(format($$select public.sync_push(%L, %L)$$, tests.team(),
                   (select jsonb_agg(tests.mut('touch', 'upsert', gen_random_uuid(), tests.hlc(1000), '{}')) from generate_series(1, 1001))),
                 '22023', 'too many mutations: 1001 (at most 1000 per call)', 'more than 1,000 mutations fail the batch');
select is(public.sync_push(tests.team(), '[]'), '{"results": []}'::jsonb, 'an empty batch is fine and says so');
select tests.act_as_runner();
select is((select count(*)::int from public.prospects where team_id = tests.team()), 0, 'nothing was written by refused batches');

select tests.act_as('other');
select throws_ok(format($$select public.sync_push(%L, '[]')$$, tests.team()), '42501', null, 'a non-member cannot push');
select tests.act_as('anon');
select throws_ok(format($$select public.sync_push(%L, '[]')$$, tests.team()), '42501', null, 'anon cannot push');
select tests.act_as_runner();

-- ---- idempotency -------------------------------------------------------------------------------
create temp table batch1 as
select jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000001', tests.hlc(1000),
            '{"name": "Ayu Lestiani", "source": "social_selling", "linkedin_slug": "Ayu-Lestiani", "emails": [" Ayu@Example.com "]}'),
  tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.hlc(1001),
            '{"prospect_id": "c0000000-0000-4000-8000-000000000001", "channel": "connection_request", "occurred_at": "2026-01-05T09:00:00Z"}'),
  tests.mut('follow_up', 'upsert', 'c0000000-0000-4000-8000-000000000003', tests.hlc(1002),
            '{"prospect_id": "c0000000-0000-4000-8000-000000000001", "title": "Send intro", "due_at": "2026-01-07T09:00:00Z"}')) as b;

select is(tests.statuses(tests.push('rep', 'first', (select b from batch1))), '{applied,applied,applied}', 'a fresh batch is applied');
create temp table state_after_first as select tests.team_state(tests.team()) as s;
select is(tests.statuses(tests.push('rep', 'again', (select b from batch1))), '{duplicate,duplicate,duplicate}',
          'the same batch again is all duplicates');
select is(tests.team_state(tests.team()), (select s from state_after_first),
          'and changes nothing (not even change_seq or updated_at)');
select is(tests.statuses(tests.push('rep', 'in-batch dup', jsonb_build_array(
            tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000004', tests.hlc(1003),
                      '{"prospect_id": "c0000000-0000-4000-8000-000000000001", "channel": "call"}', 'c0000000-0000-4000-8000-0000000000d1'),
            tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000005', tests.hlc(1003),
                      '{"prospect_id": "c0000000-0000-4000-8000-000000000001", "channel": "call"}', 'c0000000-0000-4000-8000-0000000000d1')))),
          '{applied,duplicate}', 'a mutation id repeated inside one batch counts once');
select is((select count(*)::int from public.touches where id = 'c0000000-0000-4000-8000-000000000005'), 0, '…and its second copy is not applied');
select results_eq($$select linkedin_slug, emails, temperature::text, created_by = tests.user_id('rep'), owner_id = tests.user_id('rep')
                      from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'$$,
                  $$values ('ayu-lestiani', '{ayu@example.com}'::text[], 'cold', true, true)$$,
                  'identity keys are normalised; temperature follows the source; author and owner are the pusher');
select is((select prospect_id from public.prospect_emails where team_id = tests.team() and email = 'ayu@example.com'),
          'c0000000-0000-4000-8000-000000000001'::uuid, 'the e-mail is indexed for lookup');

-- ---- partial rejection ------------------------------------------------------------------------
select tests.act_as('other');
select public.sync_push(tests.team('b'), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-0000000000b1', tests.hlc(1000), '{"name": "Team B person", "source": "event"}')));
select tests.act_as_runner();

select is(tests.statuses(tests.push('rep', 'partial', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000010', tests.hlc(2000), '{"name": "Bagus Wiratama", "source": "cold_call"}'),
  tests.mut('opportunity', 'upsert', 'c0000000-0000-4000-8000-000000000011', tests.hlc(2000), '{"name": "?"}'),
  tests.mut('stage', 'upsert', 'c0000000-0000-4000-8000-000000000012', tests.hlc(2000), '{"key": "rep_stage"}'),
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000001', tests.hlc(2000), '{"title": "CEO", "score": "lots"}'),
  tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000013', tests.hlc(2000), '{"prospect_id": "c0000000-0000-4000-8000-0000000000ff", "channel": "email"}'),
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000001', tests.hlc(2000), '{"created_by": "c0000000-0000-4000-8000-0000000000ff"}'),
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-0000000000b1', tests.hlc(2000), '{"name": "Hijacked", "source": "event"}'),
  tests.mut('touch', 'replace', 'c0000000-0000-4000-8000-000000000014', tests.hlc(2000), '{}'),
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000015', tests.hlc(2000), '{"name": "No source"}'),
  tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000016', tests.hlc(2000), '{"prospect_id": "c0000000-0000-4000-8000-000000000010", "channel": "call", "direction": "in"}')))),
  '{applied,rejected,rejected,rejected,rejected,rejected,rejected,rejected,rejected,applied}',
  'bad items are rejected one by one; the good ones around them are applied');
select is(tests.codes(tests.reply('partial')),
  '{-,unknown_entity,forbidden,invalid,invalid,invalid,conflict,invalid,invalid,-}',
  'each rejection says why (unknown entity, forbidden, bad value, missing reference, read-only field, foreign id, bad op, missing required field)');
select matches(tests.reply('partial') -> 'results' -> 4 ->> 'reason', 'prospect_id refers to nothing in this team',
               'a missing reference names the field');
select is((select title from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'), null,
          'a rejected item leaves no partial change behind');
select is((select name from public.prospects where id = 'c0000000-0000-4000-8000-0000000000b1'), 'Team B person',
          'another team''s row cannot be touched by reusing its id');
select is((select count(*)::int from public.stages where key = 'rep_stage'), 0, 'reps cannot add stages through sync');

-- a member of both teams still cannot write team B's rows through team A
select tests.act_as('other');
create temp table code_b as select code from public.create_invite(tests.team('b'), 'rep');
select tests.act_as('rep');
select public.join_team((select code from code_b));
select tests.act_as_runner();
select is(tests.codes(tests.push('rep', 'cross-team', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-0000000000b1', tests.hlc(2001), '{"name": "Moved?"}')))),
  '{forbidden}', 'a member of both teams cannot edit team B''s row in a team A push');

-- ---- identity conflicts ------------------------------------------------------------------------
select tests.push('rep2', 'dupe keys', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000020', tests.hlc(3000), '{"name": "Ayu again", "source": "event", "linkedin_slug": "ayu-lestiani"}'),
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000021', tests.hlc(3000), '{"name": "Ayu by mail", "source": "email", "emails": ["AYU@example.com"]}')));
select is(tests.codes(tests.reply('dupe keys')), '{conflict,conflict}', 'one LinkedIn slug and one e-mail, one prospect per team');
select is((tests.reply('dupe keys') -> 'results' -> 0 ->> 'conflict_id')::uuid, 'c0000000-0000-4000-8000-000000000001'::uuid,
          'a slug conflict names the prospect that has it, so the client can merge');
select is((tests.reply('dupe keys') -> 'results' -> 1 ->> 'conflict_id')::uuid, 'c0000000-0000-4000-8000-000000000001'::uuid,
          'an e-mail conflict names it too');

-- ---- append-only history ----------------------------------------------------------------------
select is(tests.statuses(tests.push('rep', 'touch retry', jsonb_build_array(
  tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.hlc(3001),
            '{"prospect_id": "c0000000-0000-4000-8000-000000000001", "channel": "connection_request", "occurred_at": "2026-01-05T09:00:00Z"}'),
  tests.mut('touch', 'upsert', 'c0000000-0000-4000-8000-000000000002', tests.hlc(3002), '{"note": "rewritten history"}'),
  tests.mut('stage_change', 'delete', gen_random_uuid(), tests.hlc(3003))))),
  '{duplicate,rejected,rejected}', 'resending a touch is a duplicate; editing it or deleting a stage change is refused');
select is(tests.codes(tests.reply('touch retry')), '{same_content,append_only,append_only}', '…with append_only as the reason');
select tests.act_as('rep');
select throws_ok($$update public.touches set note = 'edited' where id = 'c0000000-0000-4000-8000-000000000002'$$, '42501', null,
                 'touches cannot be edited directly either');
select tests.act_as_runner();

-- ---- the current stage is the latest stage change --------------------------------------------
select tests.push('rep', 'stages out of order', jsonb_build_array(
  tests.mut('stage_change', 'upsert', 'c0000000-0000-4000-8000-000000000031', tests.hlc(4000),
            jsonb_build_object('prospect_id', 'c0000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'consideration'),
                               'changed_at', '2026-02-10T10:00:00Z')),
  tests.mut('stage_change', 'upsert', 'c0000000-0000-4000-8000-000000000030', tests.hlc(4001),
            jsonb_build_object('prospect_id', 'c0000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'qualification'),
                               'changed_at', '2026-02-01T10:00:00Z'))));
select is((select stage_id from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'),
          tests.stage(tests.team(), 'consideration'), 'a late-arriving older stage change does not win');
select is((select stage_entered_at from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'),
          '2026-02-10T10:00:00Z'::timestamptz, 'the prospect records when it entered the stage');
select tests.push('admin', 'stage tie', jsonb_build_array(
  tests.mut('stage_change', 'upsert', 'c0000000-0000-4000-8000-0000000000f2', tests.hlc(4002),
            jsonb_build_object('prospect_id', 'c0000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'decision'),
                               'changed_at', '2026-02-11T10:00:00Z')),
  tests.mut('stage_change', 'upsert', 'c0000000-0000-4000-8000-0000000000f1', tests.hlc(4003),
            jsonb_build_object('prospect_id', 'c0000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'lost'),
                               'changed_at', '2026-02-11T10:00:00Z'))));
select is((select stage_id from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'),
          tests.stage(tests.team(), 'decision'), 'equal times: the larger stage-change id wins, whatever the arrival order');
select is((select count(*)::int from public.stage_changes where prospect_id = 'c0000000-0000-4000-8000-000000000001'), 4,
          'every stage change is kept');
select is(tests.codes(tests.push('rep', 'stage via field', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000001', tests.hlc(4004),
            jsonb_build_object('stage_id', tests.stage(tests.team(), 'prospecting'), 'company', 'Kebun Teh Lestari'))))),
  '{-}', 'stage_id in a later edit is ignored, the rest applies');
select results_eq($$select stage_id = tests.stage(tests.team(), 'decision'), company from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'$$,
                  $$values (true, 'Kebun Teh Lestari')$$, '…so the stage still comes from stage changes');
select tests.act_as('rep');
select throws_ok(format($$update public.prospects set stage_id = %L where id = 'c0000000-0000-4000-8000-000000000001'$$,
                        tests.stage(tests.team(), 'delivery')), '42501', null, 'the stage cannot be set directly');
select tests.act_as_runner();

-- ---- convergence: every order of the same edits gives the same row ----------------------------
-- 24 copies of one prospect; copy k receives the four edits in the k-th permutation.
create temp table perms as
select row_number() over () as k, array[a, b, c, d] as ord
  from generate_series(1, 4) a, generate_series(1, 4) b, generate_series(1, 4) c, generate_series(1, 4) d
 where a not in (b, c, d) and b not in (c, d) and c <> d;
create temp table edits (n int, hlc text, fields jsonb);
insert into edits values
  (1, tests.hlc(5000, 'laptop'), '{"name": "Citra A", "title": "Head of Sales", "deal_value": 100}'),
  (2, tests.hlc(5001, 'phone'),  '{"name": "Citra B", "company": "Rumah Kopi", "temperature_override": "warm"}'),
  (3, tests.hlc(5002, 'laptop'), '{"deal_value": 200, "source": "referral", "sql_checklist": {"interest": true}}'),
  (4, tests.hlc(4999, 'phone'),  '{"title": "Intern", "deal_value": 50, "company": "Old Co", "temperature_override": "cold"}');
select tests.push('rep', 'copies', (select jsonb_agg(tests.mut('prospect', 'upsert', ('c1000000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid,
                                                               tests.hlc(4000, 'seed'), '{"name": "Citra", "source": "cold_email"}')) from perms));
do $$
declare
  p record;
begin
  for p in select * from perms order by k loop
    perform tests.push('rep', 'perm ' || p.k, (
      select jsonb_agg(tests.mut('prospect', 'upsert', ('c1000000-0000-4000-8000-' || lpad(p.k::text, 12, '0'))::uuid, e.hlc, e.fields) order by o)
        from unnest(p.ord) with ordinality as u(n, o) join edits e on e.n = u.n));
  end loop;
end;
$$;
select is((select count(distinct tests.prospect_state(('c1000000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid)) from perms)::int, 1,
          'all 24 arrival orders converge to one identical row');
select results_eq($$select name, title, company, deal_value, source::text, temperature::text, emails
                      from public.prospects where id = 'c1000000-0000-4000-8000-000000000001'$$,
                  $$values ('Citra B', 'Head of Sales', 'Rumah Kopi', 200.00, 'referral', 'warm', '{}'::text[])$$,
                  '…and each field holds the value of its latest clock');

-- equal clocks on two nodes (should not happen, must still converge)
select tests.push('rep', 'tie copies', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c2000000-0000-4000-8000-000000000001', tests.hlc(4000), '{"name": "Tie", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'c2000000-0000-4000-8000-000000000002', tests.hlc(4000), '{"name": "Tie", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'c2000000-0000-4000-8000-000000000001', tests.hlc(6000, 'same'), '{"title": "Alpha"}'),
  tests.mut('prospect', 'upsert', 'c2000000-0000-4000-8000-000000000001', tests.hlc(6000, 'same'), '{"title": "Beta"}'),
  tests.mut('prospect', 'upsert', 'c2000000-0000-4000-8000-000000000002', tests.hlc(6000, 'same'), '{"title": "Beta"}'),
  tests.mut('prospect', 'upsert', 'c2000000-0000-4000-8000-000000000002', tests.hlc(6000, 'same'), '{"title": "Alpha"}')));
select is(tests.prospect_state('c2000000-0000-4000-8000-000000000001'), tests.prospect_state('c2000000-0000-4000-8000-000000000002'),
          'equal clocks fall back to comparing values, so both orders agree');

-- ---- tombstones --------------------------------------------------------------------------------
-- delete vs a later edit, in both orders: the row ends deleted and otherwise identical
select tests.push('rep', 'tomb copies', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c3000000-0000-4000-8000-000000000001', tests.hlc(7000), '{"name": "Dewa", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'c3000000-0000-4000-8000-000000000002', tests.hlc(7000), '{"name": "Dewa", "source": "event"}'),
  tests.mut('follow_up', 'upsert', 'c3000000-0000-4000-8000-000000000003', tests.hlc(7000),
            '{"prospect_id": "c3000000-0000-4000-8000-000000000001", "title": "Call Dewa", "due_at": "2026-03-01T09:00:00Z"}')));
select is(tests.statuses(tests.push('rep', 'delete then edit', jsonb_build_array(
  tests.mut('prospect', 'delete', 'c3000000-0000-4000-8000-000000000001', tests.hlc(1767225600000)),
  tests.mut('prospect', 'upsert', 'c3000000-0000-4000-8000-000000000001', tests.hlc(1767225700000), '{"title": "Late edit"}')))),
  '{applied,applied}', 'a delete and a later edit are both accepted');
select tests.push('rep', 'edit then delete', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c3000000-0000-4000-8000-000000000002', tests.hlc(1767225700000), '{"title": "Late edit"}'),
  tests.mut('prospect', 'delete', 'c3000000-0000-4000-8000-000000000002', tests.hlc(1767225600000))));
select is(tests.prospect_state('c3000000-0000-4000-8000-000000000001'), tests.prospect_state('c3000000-0000-4000-8000-000000000002'),
          'delete and edit converge in either order');
select is((select deleted_at from public.prospects where id = 'c3000000-0000-4000-8000-000000000001'),
          '2026-01-01T00:00:00Z'::timestamptz, 'the tombstone wins over the later edit and carries the delete''s clock time');
select tests.push('rep', 'second delete', jsonb_build_array(
  tests.mut('prospect', 'delete', 'c3000000-0000-4000-8000-000000000001', tests.hlc(1767225500000)),
  tests.mut('prospect', 'delete', 'c3000000-0000-4000-8000-000000000002', tests.hlc(1767225900000))));
select is(array[(select deleted_at from public.prospects where id = 'c3000000-0000-4000-8000-000000000001'),
                (select deleted_at from public.prospects where id = 'c3000000-0000-4000-8000-000000000002')],
          array['2026-01-01T00:00:00Z'::timestamptz - interval '100 seconds', '2026-01-01T00:00:00Z'::timestamptz],
          'concurrent deletes agree on the earliest');
select isnt((select deleted_at from public.follow_ups where id = 'c3000000-0000-4000-8000-000000000003'), null,
            'deleting a prospect deletes its follow-ups');
select tests.act_as('rep');
select throws_ok($$update public.prospects set deleted_at = null where id = 'c3000000-0000-4000-8000-000000000001'$$, '42501', null,
                 'a tombstone cannot be lifted');
select tests.act_as_runner();
select is(tests.statuses(tests.push('rep', 'reclip', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c3000000-0000-4000-8000-000000000009', tests.hlc(8000), '{"name": "Dewa", "source": "event", "linkedin_slug": "dewa-x"}'),
  tests.mut('prospect', 'delete', 'c3000000-0000-4000-8000-000000000009', tests.hlc(8001)),
  tests.mut('prospect', 'upsert', 'c3000000-0000-4000-8000-00000000000a', tests.hlc(8002), '{"name": "Dewa", "source": "event", "linkedin_slug": "dewa-x"}')))),
  '{applied,applied,applied}', 'a deleted prospect''s slug can be clipped again as a new prospect');
select is(tests.codes(tests.push('rep', 'nothing to delete', jsonb_build_array(
  tests.mut('follow_up', 'delete', gen_random_uuid(), tests.hlc(8003))))), '{not_found}', 'deleting an unknown id is a no-op, not an error');
select is(tests.codes(tests.push('rep2', 'not my touch', jsonb_build_array(
  tests.mut('touch', 'delete', 'c0000000-0000-4000-8000-000000000002', tests.hlc(8004))))), '{forbidden}',
  'a rep cannot delete another rep''s touch');
select is(tests.codes(tests.push('admin', 'busy stage', jsonb_build_array(
  tests.mut('stage', 'delete', tests.stage(tests.team(), 'decision'), tests.hlc(8005))))), '{invalid}',
  'a stage that still holds prospects cannot be deleted');

-- ---- admin-only entities, clocks, direct writes ---------------------------------------------------
select is(tests.statuses(tests.push('admin', 'settings', jsonb_build_array(
  tests.mut('team_settings', 'upsert', tests.team(), tests.hlc(9000), '{"mql_threshold": 60, "targets": {"2026-Q1": {"value": 1000000, "currency": "IDR"}}}'),
  tests.mut('team_settings', 'upsert', gen_random_uuid(), tests.hlc(9000), '{"mql_threshold": 70}'),
  tests.mut('cadence', 'upsert', gen_random_uuid(), tests.hlc(9000), '{"name": "Mortgage wait", "steps": [{"day": 0, "channel": "call"}, {"day": 30, "channel": "email", "note": "Check in"}]}'),
  tests.mut('cadence', 'upsert', gen_random_uuid(), tests.hlc(9000), '{"name": "Broken", "steps": [{"day": -1, "channel": "fax"}]}')))),
  '{applied,rejected,applied,rejected}', 'admins change settings and cadences; a wrong settings id or a malformed step is refused');
select is((select mql_threshold from public.team_settings where team_id = tests.team()), 60.00, 'the MQL threshold changed');
select is(tests.codes(tests.push('rep', 'rep settings', jsonb_build_array(
  tests.mut('team_settings', 'upsert', tests.team(), tests.hlc(9001), '{"mql_threshold": 10}')))), '{forbidden}', 'reps cannot change settings');
select is(tests.codes(tests.push('rep', 'future', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000001', tests.hlc((extract(epoch from now()) * 1000)::bigint + 7200000), '{"title": "From the future"}')))),
  '{invalid}', 'a clock more than an hour ahead is refused (it would win every later edit)');

select tests.act_as('rep');
update public.prospects set headline = 'Edited in a table view', field_hlc = '{"headline": "999999999999999-zzzzzz-forged"}'
 where id = 'c0000000-0000-4000-8000-000000000001';
select tests.act_as_runner();
select ok((select field_hlc ->> 'headline' like '%-000000-server' from public.prospects where id = 'c0000000-0000-4000-8000-000000000001'),
          'a direct edit is stamped with the server clock and cannot forge field_hlc');
select is(tests.codes(tests.push('rep', 'after direct', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'c0000000-0000-4000-8000-000000000001', tests.hlc((extract(epoch from now()) * 1000)::bigint - 60000), '{"headline": "Older offline edit"}')))),
  '{superseded}', 'an older offline edit does not overwrite a newer direct edit');

select * from finish();
rollback;
