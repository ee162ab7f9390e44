-- sync_push's set-based runs (20261205220000_set_based_push.sql) answer and write exactly what the
-- one-by-one path (jalur.sync_push_path = 'per_item') does: each batch below is pushed both ways
-- from the same starting rows (the first way is rolled back), and the replies and every row of both
-- teams are compared, change cursors aside.
begin;
\ir _helpers.psql
select plan(30);

select tests.make_teams();

-- Every synced row of both teams (and the recorded mutation ids), without the change cursor, which
-- a rolled-back attempt has already advanced.
create function tests.snapshot() returns jsonb language sql as $$
  select jsonb_build_object(
    'prospects', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.prospects x),
    'prospect_emails', (select jsonb_agg(to_jsonb(x) order by x.team_id, x.email) from public.prospect_emails x),
    'touches', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.touches x),
    'follow_ups', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.follow_ups x),
    'stage_changes', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.stage_changes x),
    'companies', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.companies x),
    'mutations', (select jsonb_agg(jsonb_build_array(m.team_id, m.mutation_id, m.user_id) order by m.team_id, m.mutation_id)
                    from private.applied_mutations m))
$$;

-- Pushes the batches in order as `who`, once set-based and once one by one, each from the rows as
-- they are now; returns {"set_based": {replies, state}, "per_item": {replies, state}}.
create function tests.both_ways(who text, batches jsonb[], team uuid default null) returns jsonb
language plpgsql as $$
declare
  out jsonb := '{}';
  way text;
  replies jsonb;
  b jsonb;
begin
  foreach way in array array['set_based', 'per_item'] loop
    begin
      perform set_config('jalur.sync_push_path', way, true);
      replies := '[]';
      perform tests.act_as(who);
      foreach b in array batches loop
        replies := replies || jsonb_build_array(public.sync_push(coalesce(team, tests.team()), b) -> 'results');
      end loop;
      perform tests.act_as_runner();
      out := out || jsonb_build_object(way, jsonb_build_object('replies', replies, 'state', tests.snapshot()));
      raise exception using errcode = 'TJ001';
    exception when sqlstate 'TJ001' then
      null;
    end;
  end loop;
  perform set_config('jalur.sync_push_path', '', true);
  return out;
end;
$$;

create function tests.codes_of(results jsonb) returns text[] language sql immutable as $$
  select coalesce(array_agg(r ->> 'status' || coalesce('/' || (r ->> 'code'), '') order by o), '{}')
    from jsonb_array_elements(results) with ordinality as x(r, o)
$$;
grant execute on all functions in schema tests to authenticated;

create temp table runs (name text primary key, r jsonb);

-- ---- starting rows: a prospect of rep's with a touch and a follow-up, one of rep2's, a company,
-- and a person in team B
select tests.act_as('rep');
select public.sync_push(tests.team(), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(1000),
            '{"name": "Ayu Lestari", "source": "social_selling", "linkedin_slug": "ayu-lestari", "emails": ["ayu@example.com"]}'),
  tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-0000000000a2', tests.hlc(1001),
            '{"prospect_id": "e0000000-0000-4000-8000-0000000000a1", "channel": "call", "occurred_at": "2026-01-05T09:00:00Z"}'),
  tests.mut('follow_up', 'upsert', 'e0000000-0000-4000-8000-0000000000a3', tests.hlc(1002),
            '{"prospect_id": "e0000000-0000-4000-8000-0000000000a1", "title": "Send deck", "due_at": "2026-01-07T09:00:00Z"}'),
  tests.mut('company', 'upsert', 'e0000000-0000-4000-8000-0000000000c1', tests.hlc(1003),
            '{"name": "Kebun Teh Lestari", "linkedin_slug": "kebun-teh"}')));
select tests.act_as('rep2');
select public.sync_push(tests.team(), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000b1', tests.hlc(1000), '{"name": "Bagus", "source": "event"}')));
select tests.act_as('other');
select public.sync_push(tests.team('b'), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000f1', tests.hlc(1000), '{"name": "Team B person", "source": "event"}')));
select tests.act_as_runner();

-- ---- a mixed batch: plain items with unusual ones between them --------------------------------
create temp table mixed as select jsonb_build_array(
  /*  0 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000001', tests.hlc(2000),
                     '{"name": "Citra", "source": "referral", "linkedin_slug": "citra", "emails": ["citra@example.com"], "title": "CFO"}'),
  /*  1 */ tests.mut('stage_change', 'upsert', 'e0000000-0000-4000-8000-000000000101', tests.hlc(2001),
                     jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'qualification'),
                                        'changed_at', '2026-02-01T10:00:00Z')),
  /*  2 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000201', tests.hlc(2002),
                     '{"prospect_id": "e0000000-0000-4000-8000-000000000001", "channel": "email", "note": "Intro"}'),
  /*  3 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000001', tests.hlc(3000), '{"title": "A", "score": 40}'),
  /*  4 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000001', tests.hlc(2500), '{"title": "Older"}'),
  /*  5 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(3000),
                     '{"score": 55, "company_id": "e0000000-0000-4000-8000-0000000000c1"}'),
  /*  6 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(3001),
                     jsonb_build_object('stage_id', tests.stage(tests.team(), 'decision'))),
  /*  7 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000202', tests.hlc(3002),
                     '{"prospect_id": "e0000000-0000-4000-8000-000000000002", "channel": "call"}'),
  /*  8 */ tests.mut('follow_up', 'upsert', 'e0000000-0000-4000-8000-000000000301', tests.hlc(3003),
                     '{"prospect_id": "e0000000-0000-4000-8000-000000000001", "title": "Call Citra", "due_at": "2026-02-03T09:00:00Z"}'),
  /*  9 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000002', tests.hlc(3004), '{"name": "Citra (mail)", "source": "email"}'),
  /* 10 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000003', tests.hlc(3005),
                     '{"name": "Ayu again", "source": "event", "linkedin_slug": "Ayu-Lestari"}'),
  /* 11 */ tests.mut('prospect', 'delete', 'e0000000-0000-4000-8000-0000000000b1', tests.hlc(3006)),
  /* 12 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-0000000000a2', tests.hlc(3007),
                     '{"prospect_id": "e0000000-0000-4000-8000-0000000000a1", "channel": "call", "occurred_at": "2026-01-05T09:00:00Z"}'),
  /* 13 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000004', tests.hlc(3008),
                     '{"name": "Citra by mail", "source": "email", "emails": ["CITRA@example.com"]}'),
  /* 14 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000001', tests.hlc(3000), '{"title": "B"}'),
  /* 15 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000203', tests.hlc(3009),
                     '{"prospect_id": "e0000000-0000-4000-8000-0000000000f1", "channel": "call"}'),
  /* 16 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000001', tests.hlc(3010), '{"nickname": "Cit"}'),
  /* 17 */ tests.mut('merge', 'upsert', 'e0000000-0000-4000-8000-000000000002', tests.hlc(3011),
                     '{"into": "e0000000-0000-4000-8000-000000000001"}'),
  /* 18 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000204', tests.hlc(3012),
                     '{"prospect_id": "e0000000-0000-4000-8000-000000000002", "channel": "meeting"}'),
  /* 19 */ tests.mut('stage_change', 'upsert', 'e0000000-0000-4000-8000-000000000102', tests.hlc(3013),
                     jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'consideration'),
                                        'changed_at', '2026-01-20T10:00:00Z')),
  /* 20 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000005',
                     tests.hlc((extract(epoch from now()) * 1000)::bigint + 7200000), '{"name": "From the future", "source": "event"}'),
  /* 21 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000f1', tests.hlc(3014), '{"title": "Hijacked"}'),
  /* 22 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(3015),
                     jsonb_build_object('owner_id', tests.user_id('rep2'))),
  /* 23 */ tests.mut('follow_up', 'upsert', 'e0000000-0000-4000-8000-000000000302', tests.hlc(3016),
                     jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000001', 'title', 'Hand over',
                                        'due_at', '2026-02-04T09:00:00Z', 'assignee_id', tests.user_id('other'))),
  /* 24 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000006', tests.hlc(3017), '{"name": "Dewi", "source": "event"}'),
  /* 25 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000205', tests.hlc(3018),
                     '{"prospect_id": "e0000000-0000-4000-8000-000000000006", "channel": "linkedin_message", "direction": "in"}'),
  /* 26 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000006', tests.hlc(3019), '{"score": 12, "emails": ["dewi@example.com"]}'),
  /* 27 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000007', tests.hlc(3020), '{"name": "Eka", "source": "cold_call"}'),
  /* 28 */ tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000206', tests.hlc(3021),
                     '{"prospect_id": "e0000000-0000-4000-8000-000000000007", "channel": "call", "note": "Left a voicemail"}'),
  /* 29 */ tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000007', tests.hlc(3022), '{"score": "lots"}')) as b;

insert into runs select 'mixed', tests.both_ways('rep', array[(select b from mixed)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'mixed'), (select r -> 'per_item' -> 'replies' from runs where name = 'mixed'),
          'a mixed batch gets the same replies set-based as one by one');
select is((select r -> 'set_based' -> 'state' from runs where name = 'mixed'), (select r -> 'per_item' -> 'state' from runs where name = 'mixed'),
          '…and leaves exactly the same rows');
select is(tests.codes_of((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'mixed')),
          '{applied,applied,applied,applied,applied/superseded,applied,applied/superseded,rejected/invalid,applied,applied,rejected/conflict,rejected/forbidden,duplicate/same_content,rejected/conflict,applied,rejected/invalid,rejected/invalid,applied,applied,applied,rejected/invalid,rejected/invalid,applied,rejected/invalid,applied,applied,applied,applied,applied,rejected/invalid}',
          'the replies are the ones each item has always had (a touch before its person, a taken slug or e-mail, another rep''s delete, a resend, an unknown field, a merge, a clock from the future, a row it cannot see, a bad value)');
select is((select r -> 'set_based' -> 'state' -> 'prospects' from runs where name = 'mixed') @> jsonb_build_array(
            jsonb_build_object('id', 'e0000000-0000-4000-8000-000000000001', 'title', 'B', 'score', 40,
                               'stage_id', tests.stage(tests.team(), 'qualification'))),
          true, 'edits of one person in one batch merge by clock, equal clocks by value; the latest stage change is the stage');

-- ---- replays: the same batch again, and again with a fix in between -----------------------------
insert into runs select 'replay', tests.both_ways('rep', array[(select b from mixed), (select b from mixed)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'replay'), (select r -> 'per_item' -> 'replies' from runs where name = 'replay'),
          'a replayed batch gets the same replies both ways');
select is((select r -> 'set_based' -> 'state' from runs where name = 'replay'), (select r -> 'per_item' -> 'state' from runs where name = 'replay'),
          '…and the same rows');
select is((select tests.codes_of(r -> 'set_based' -> 'replies' -> 1) from runs where name = 'replay')[1:6],
          '{duplicate,duplicate,duplicate,duplicate,duplicate,duplicate}', 'what was applied is a duplicate the second time');
select is((select tests.codes_of(r -> 'set_based' -> 'replies' -> 1) from runs where name = 'replay')[8],
          'applied', 'a touch refused because its person came later in the batch goes through once the person exists');

-- ---- duplicates inside one batch ------------------------------------------------------------------
create temp table dups as select jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000011', tests.hlc(4000), '{"name": "Fajar", "source": "event"}',
            'e0000000-0000-4000-8000-00000000d001'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000011', tests.hlc(4000), '{"name": "Fajar", "source": "event"}',
            'e0000000-0000-4000-8000-00000000d001'),
  tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000211', tests.hlc(4001),
            '{"prospect_id": "e0000000-0000-4000-8000-000000000011", "channel": "call", "occurred_at": "2026-03-01T09:00:00Z"}'),
  tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000211', tests.hlc(4002),
            '{"prospect_id": "e0000000-0000-4000-8000-000000000011", "channel": "call", "occurred_at": "2026-03-01T09:00:00Z"}'),
  tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000211', tests.hlc(4003),
            '{"prospect_id": "e0000000-0000-4000-8000-000000000011", "channel": "email"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000012', tests.hlc(4004), '{"name": "Gita", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000012', tests.hlc(4005), '{"name": "Gita S", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000013', tests.hlc(4006), '{"name": "Hadi", "source": "event", "linkedin_slug": "hadi"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000014', tests.hlc(4007), '{"name": "Hadi 2", "source": "event", "linkedin_slug": "hadi"}'),
  tests.mut('follow_up', 'upsert', 'e0000000-0000-4000-8000-000000000311', tests.hlc(4008),
            '{"prospect_id": "e0000000-0000-4000-8000-000000000012", "title": "Ping", "due_at": "2026-03-02T09:00:00Z"}'),
  tests.mut('follow_up', 'upsert', 'e0000000-0000-4000-8000-000000000311', tests.hlc(4009), '{"done_at": "2026-03-02T10:00:00Z"}')) as b;
insert into runs select 'dups', tests.both_ways('rep', array[(select b from dups)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'dups'), (select r -> 'per_item' -> 'replies' from runs where name = 'dups'),
          'duplicates inside one batch (a mutation id twice, a touch id twice, a slug twice) get the same replies both ways');
select is((select r -> 'set_based' -> 'state' from runs where name = 'dups'), (select r -> 'per_item' -> 'state' from runs where name = 'dups'),
          '…and the same rows');
select is(tests.codes_of((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'dups')),
          '{applied,duplicate,applied,duplicate/same_content,rejected/append_only,applied,applied,applied,rejected/conflict,applied,applied}',
          'each duplicate is named as one');

-- ---- a hostile teammate --------------------------------------------------------------------------
create temp table hostile as select jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(5000), jsonb_build_object('owner_id', tests.user_id('rep2'))),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(5001), '{"title": "Renamed by a teammate"}'),
  tests.mut('touch', 'delete', 'e0000000-0000-4000-8000-0000000000a2', tests.hlc(5002)),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000f1', tests.hlc(5003), '{"name": "Taken over", "source": "event"}'),
  tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-0000000000a2', tests.hlc(5004),
            '{"prospect_id": "e0000000-0000-4000-8000-0000000000a1", "channel": "call", "note": "rewritten"}'),
  tests.mut('stage_change', 'upsert', 'e0000000-0000-4000-8000-000000000121', tests.hlc(5005),
            jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-0000000000f1', 'to_stage_id', tests.stage(tests.team(), 'decision'))),
  tests.mut('touch', 'upsert', 'e0000000-0000-4000-8000-000000000221', tests.hlc(5006),
            '{"prospect_id": "e0000000-0000-4000-8000-0000000000a1", "channel": "call"}'),
  tests.mut('follow_up', 'upsert', 'e0000000-0000-4000-8000-000000000321', tests.hlc(5007),
            jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-0000000000a1', 'title', 'Mine now', 'due_at', '2026-04-01T09:00:00Z',
                               'assignee_id', tests.user_id('rep2'))),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000021', tests.hlc(5008),
            jsonb_build_object('name', 'Planted', 'source', 'event', 'owner_id', tests.user_id('other'))),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000022', tests.hlc(5009),
            '{"name": "Slug thief", "source": "event", "emails": ["ayu@example.com"]}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(5010), '{"linkedin_slug": "someone-else"}'),
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-0000000000a1', tests.hlc(5011), '{"emails": ["ayu@example.com", "ayu2@example.com"]}')) as b;
insert into runs select 'hostile', tests.both_ways('rep2', array[(select b from hostile)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'hostile'), (select r -> 'per_item' -> 'replies' from runs where name = 'hostile'),
          'a teammate''s pushes against rep''s rows and team B''s get the same replies both ways');
select is((select r -> 'set_based' -> 'state' from runs where name = 'hostile'), (select r -> 'per_item' -> 'state' from runs where name = 'hostile'),
          '…and the same rows');
select is(tests.codes_of((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'hostile')),
          '{rejected/forbidden,applied,rejected/forbidden,rejected/conflict,rejected/append_only,rejected/invalid,applied,applied,rejected/invalid,rejected/conflict,applied,applied}',
          'what a teammate may not do is still refused item by item (hand away another''s person, delete their touch, take another team''s id, rewrite history, write into team B, plant an outsider as owner, take an e-mail)');

-- ---- a long batch: runs, with refused items inside them -------------------------------------------
create temp table long_batch as
select jsonb_agg(m order by g, k) as b
  from generate_series(1, 120) g,
       lateral (values
         (1, tests.mut('prospect', 'upsert', ('e1000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, tests.hlc(6000 + g),
                       jsonb_build_object('name', 'Person ' || g, 'source', 'social_selling', 'linkedin_slug', 'long-' || g))),
         (2, tests.mut('touch', 'upsert', ('e2000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, tests.hlc(6000 + g),
                       jsonb_build_object('prospect_id',
                         -- now and then a touch for someone who does not exist
                         case when g in (40, 41, 97) then 'e9000000-0000-4000-8000-000000000000'
                              else 'e1000000-0000-4000-8000-' || lpad((1 + abs(hashtext(g::text)) % g)::text, 12, '0') end,
                         'channel', 'linkedin_message'))),
         (3, tests.mut('prospect', 'upsert', ('e1000000-0000-4000-8000-' || lpad((1 + abs(hashtext('e' || g)) % g)::text, 12, '0'))::uuid,
                       tests.hlc(7000 + (g * 37) % 50), jsonb_build_object('score', g % 100, 'title', 'T' || (g % 7))))) as x(k, m);
insert into runs select 'long', tests.both_ways('rep', array[(select b from long_batch)]);
select is((select jsonb_array_length(b) from long_batch), 360, 'the long batch has 360 items');
select is((select r -> 'set_based' -> 'replies' from runs where name = 'long'), (select r -> 'per_item' -> 'replies' from runs where name = 'long'),
          'a long batch with refused items inside its runs gets the same replies both ways');
select is((select r -> 'set_based' -> 'state' from runs where name = 'long'), (select r -> 'per_item' -> 'state' from runs where name = 'long'),
          '…and the same rows');
select is((select count(*)::int from jsonb_array_elements((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'long')) x
            where x ->> 'status' = 'rejected'), 3, 'exactly the three touches for nobody are refused');

-- ---- the set-based path is the one taken ----------------------------------------------------------
-- A run is written entity by entity: the touch of the first person gets its change number after the
-- people created behind it in the batch. One by one, it comes right after its person.
create temp table order_batch as select jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000001', tests.hlc(8000), '{"name": "Indah", "source": "event"}'),
  tests.mut('touch', 'upsert', 'e3000000-0000-4000-8000-000000000101', tests.hlc(8001),
            '{"prospect_id": "e3000000-0000-4000-8000-000000000001", "channel": "call"}'),
  tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000002', tests.hlc(8002), '{"name": "Joko", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000003', tests.hlc(8003), '{"name": "Kartika", "source": "event"}'),
  tests.mut('prospect', 'upsert', 'e3000000-0000-4000-8000-000000000004', tests.hlc(8004), '{"name": "Lukas", "source": "event"}')) as b;
grant select on order_batch, dups to authenticated;
create function tests.touch_after_last_person(way text) returns boolean language plpgsql as $$
declare
  later boolean;
begin
  begin
    perform set_config('jalur.sync_push_path', way, true);
    perform tests.act_as('rep');
    perform public.sync_push(tests.team(), (select b from order_batch));
    perform tests.act_as_runner();
    later := (select change_seq from public.touches where id = 'e3000000-0000-4000-8000-000000000101')
             > (select change_seq from public.prospects where id = 'e3000000-0000-4000-8000-000000000004');
    raise exception using errcode = 'TJ001';
  exception when sqlstate 'TJ001' then
    null;
  end;
  perform set_config('jalur.sync_push_path', '', true);
  return later;
end;
$$;
select is(tests.touch_after_last_person('set_based'), true, 'by default a run of plain items is written set-wise, entity by entity');
select is(tests.touch_after_last_person('per_item'), false, 'jalur.sync_push_path = per_item writes them one by one, in batch order');

-- ---- what stays as before ---------------------------------------------------------------------------
select is((select count(*)::int from public.prospects where id::text like 'e1000000%' or id::text like 'e3000000%'), 0,
          'every run above was rolled back (the comparisons start from the same rows)');
select tests.act_as('rep');
select is(tests.statuses(public.sync_push(tests.team(), (select b from dups))),
          '{applied,duplicate,applied,duplicate,rejected,applied,applied,applied,rejected,applied,applied}',
          'a batch outside the comparisons is applied set-based and answers as above');
select is(tests.statuses(public.sync_push(tests.team(), (select b from dups))),
          '{duplicate,duplicate,duplicate,duplicate,rejected,duplicate,duplicate,duplicate,rejected,duplicate,duplicate}',
          '…and a retry of it is all duplicates, but for the refused ones');
select tests.act_as_runner();
select is((select count(*)::int from private.applied_mutations m where m.mutation_id = 'e0000000-0000-4000-8000-00000000d001'), 1,
          'a mutation id is recorded once');
select is((select name from public.prospects where id = 'e0000000-0000-4000-8000-000000000012'), 'Gita S',
          'a later edit of a person created earlier in the same batch is applied');
select is((select count(*)::int from public.touches where id = 'e0000000-0000-4000-8000-000000000211'), 1, 'a touch id twice is one touch');

-- ---- what a run now checks and writes itself (20261206040000_apply_role.sql) ---------------------
-- The per-row triggers step aside for a run's rows; the run's statements normalise, default,
-- redirect, stamp and check instead. Each of those, pushed both ways from the same rows: a new person
-- with a messy slug and e-mails and three stage changes in the batch (the latest by time wins), one
-- with a given stage and none, one with a given stage and a change, touches, follow-ups and a stage
-- change of a person merged away (they land on the survivor), follow-ups without an assignee, an
-- erased id, an owner from another team, a move into a deleted stage and a stage of another team.
insert into public.prospects (id, team_id, name, source, created_by, owner_id) values
  ('e5000000-0000-4000-8000-0000000000a1', tests.team(), 'Kept', 'event', tests.user_id('rep'), tests.user_id('rep')),
  ('e5000000-0000-4000-8000-0000000000a2', tests.team(), 'Merged away', 'event', tests.user_id('rep'), tests.user_id('rep'));
update public.prospects set deleted_at = now(), merged_into = 'e5000000-0000-4000-8000-0000000000a1'
 where id = 'e5000000-0000-4000-8000-0000000000a2';
insert into public.erasures (id, team_id) values ('e5000000-0000-4000-8000-0000000000e1', tests.team());
update public.stages set deleted_at = now() where team_id = tests.team() and key = 'lost';
create temp table own_checks as select jsonb_build_array(
  /*  0 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000001', tests.hlc(9000),
                     '{"name": "Nia", "source": "referral", "linkedin_slug": "  Nia-Ramadhani ", "emails": [" NIA@Example.com", "nia@example.com", ""]}'),
  /*  1 */ tests.mut('stage_change', 'upsert', 'e5000000-0000-4000-8000-000000000101', tests.hlc(9001),
                     jsonb_build_object('prospect_id', 'e5000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'qualification'),
                                        'changed_at', '2026-03-01T10:00:00Z')),
  /*  2 */ tests.mut('stage_change', 'upsert', 'e5000000-0000-4000-8000-000000000102', tests.hlc(9002),
                     jsonb_build_object('prospect_id', 'e5000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'consideration'),
                                        'changed_at', '2026-03-02T10:00:00Z')),
  /*  3 */ tests.mut('stage_change', 'upsert', 'e5000000-0000-4000-8000-000000000103', tests.hlc(9003),
                     jsonb_build_object('prospect_id', 'e5000000-0000-4000-8000-000000000001', 'to_stage_id', tests.stage(tests.team(), 'prospecting'),
                                        'changed_at', '2026-02-01T10:00:00Z')),
  /*  4 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000002', tests.hlc(9004),
                     jsonb_build_object('name', 'Oki', 'source', 'event', 'stage_id', tests.stage(tests.team(), 'qualification'))),
  /*  5 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000003', tests.hlc(9005),
                     jsonb_build_object('name', 'Putri', 'source', 'event', 'stage_id', tests.stage(tests.team(), 'qualification'))),
  /*  6 */ tests.mut('stage_change', 'upsert', 'e5000000-0000-4000-8000-000000000104', tests.hlc(9006),
                     jsonb_build_object('prospect_id', 'e5000000-0000-4000-8000-000000000003', 'to_stage_id', tests.stage(tests.team(), 'decision'))),
  /*  7 */ tests.mut('touch', 'upsert', 'e5000000-0000-4000-8000-000000000201', tests.hlc(9007),
                     '{"prospect_id": "e5000000-0000-4000-8000-0000000000a2", "channel": "call"}'),
  /*  8 */ tests.mut('follow_up', 'upsert', 'e5000000-0000-4000-8000-000000000301', tests.hlc(9008),
                     '{"prospect_id": "e5000000-0000-4000-8000-0000000000a2", "title": "Call back", "due_at": "2026-03-05T09:00:00Z"}'),
  /*  9 */ tests.mut('stage_change', 'upsert', 'e5000000-0000-4000-8000-000000000105', tests.hlc(9009),
                     jsonb_build_object('prospect_id', 'e5000000-0000-4000-8000-0000000000a2', 'to_stage_id', tests.stage(tests.team(), 'consideration'))),
  /* 10 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-0000000000e1', tests.hlc(9010), '{"name": "Erased", "source": "event"}'),
  /* 11 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000004', tests.hlc(9011),
                     jsonb_build_object('name', 'Given away', 'source', 'event', 'owner_id', tests.user_id('other'))),
  /* 12 */ tests.mut('stage_change', 'upsert', 'e5000000-0000-4000-8000-000000000106', tests.hlc(9012),
                     jsonb_build_object('prospect_id', 'e5000000-0000-4000-8000-0000000000a1', 'to_stage_id',
                                        (select s.id from public.stages s where s.team_id = tests.team() and s.key = 'lost'))),
  /* 13 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000005', tests.hlc(9013),
                     jsonb_build_object('name', 'Other stage', 'source', 'event', 'stage_id', tests.stage(tests.team('b'), 'qualification'))),
  /* 14 */ tests.mut('follow_up', 'upsert', 'e5000000-0000-4000-8000-000000000302', tests.hlc(9014),
                     '{"prospect_id": "e5000000-0000-4000-8000-0000000000a1", "title": "Demo", "due_at": "2026-03-06T09:00:00Z"}'),
  /* 15 */ tests.mut('touch', 'upsert', 'e5000000-0000-4000-8000-000000000202', tests.hlc(9015),
                     '{"prospect_id": "e5000000-0000-4000-8000-000000000002", "channel": "email", "occurred_at": "2026-03-01T09:00:00Z"}'),
  /* 16 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000006', tests.hlc(9016), '{"name": "Rudi", "source": "cold_call"}'),
  /* 17 */ tests.mut('prospect', 'upsert', 'e5000000-0000-4000-8000-000000000007', tests.hlc(9017), '{"name": "Sinta", "source": "cold_call"}')) as b;
grant select on own_checks to authenticated;
insert into runs select 'own_checks', tests.both_ways('rep', array[(select b from own_checks)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'own_checks'), (select r -> 'per_item' -> 'replies' from runs where name = 'own_checks'),
          'what a run checks itself (erased id, owner, deleted or foreign stage) gets the same replies as the triggers one by one');
select is((select r -> 'set_based' -> 'state' from runs where name = 'own_checks'), (select r -> 'per_item' -> 'state' from runs where name = 'own_checks'),
          '…and what it writes itself (slug, e-mails, first stage, assignee, merged person, stage of a new person) the same rows');
select is(tests.codes_of((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'own_checks')),
          '{applied,applied,applied,applied,applied,applied,applied,applied,applied,applied,rejected/invalid,rejected/invalid,rejected/invalid,rejected/invalid,applied,applied,applied,applied}',
          '…refusing exactly the erased id, the outside owner, the deleted stage and the other team''s stage');
select is((select r -> 'set_based' -> 'state' -> 'prospects' from runs where name = 'own_checks') @> jsonb_build_array(jsonb_build_object(
             'id', 'e5000000-0000-4000-8000-000000000001', 'linkedin_slug', 'nia-ramadhani', 'emails', jsonb_build_array('nia@example.com'),
             'stage_id', tests.stage(tests.team(), 'consideration'), 'stage_change_id', 'e5000000-0000-4000-8000-000000000102')),
          true, 'a new person is normalised and starts at their latest stage change of the batch');

select * from finish();
rollback;
