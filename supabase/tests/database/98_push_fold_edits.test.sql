-- sync_push writes one row version per person per set-based run for all of the run's edits of that
-- person (20261206100000_push_one_version_per_person.sql): several edits of one row in one batch leave
-- the same row and get the same reply per mutation as applying them one at a time
-- (jalur.sync_push_path = 'per_item'), each batch pushed both ways from the same starting rows.
begin;
\ir _helpers.psql
select plan(21);

select tests.make_teams();

-- Every row of team A that a push writes (and the recorded mutation ids), without change cursors.
create function tests.snapshot() returns jsonb language sql as $$
  select jsonb_build_object(
    'prospects', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.prospects x),
    'prospect_emails', (select jsonb_agg(to_jsonb(x) order by x.team_id, x.email) from public.prospect_emails x),
    'touches', (select jsonb_agg(to_jsonb(x) - 'change_seq' order by x.id) from public.touches x),
    'mutations', (select jsonb_agg(jsonb_build_array(m.team_id, m.mutation_id, m.user_id) order by m.team_id, m.mutation_id)
                    from private.applied_mutations m))
$$;

-- Pushes the batches in order as `who`, set-based and one by one, each from the rows as they are now
-- (both rolled back); returns {"set_based": {replies, state, versions}, "per_item": {…}}, where
-- versions is the number of prospect row versions the pushes wrote by updating.
create function tests.both_ways(who text, batches jsonb[]) returns jsonb
language plpgsql as $$
declare
  out jsonb := '{}';
  way text;
  replies jsonb;
  b jsonb;
  updated0 bigint;
begin
  foreach way in array array['set_based', 'per_item'] loop
    begin
      perform set_config('jalur.sync_push_path', way, true);
      select n_tup_upd into updated0 from pg_stat_xact_user_tables where relid = 'public.prospects'::regclass;
      replies := '[]';
      perform tests.act_as(who);
      foreach b in array batches loop
        replies := replies || jsonb_build_array(public.sync_push(tests.team(), b) -> 'results');
      end loop;
      perform tests.act_as_runner();
      out := out || jsonb_build_object(way, jsonb_build_object(
        'replies', replies, 'state', tests.snapshot(),
        'versions', (select n_tup_upd - updated0 from pg_stat_xact_user_tables where relid = 'public.prospects'::regclass)));
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

-- ---- starting rows: Ayu (score 10, title "Lead"), Citra (title "Same") --------------------------
select tests.act_as('rep');
select public.sync_push(tests.team(), jsonb_build_array(
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(1000),
            '{"name": "Ayu", "source": "social_selling", "score": 10, "title": "Lead"}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(1000),
            '{"name": "Citra", "source": "event", "title": "Same"}')));
select tests.act_as_runner();

-- A touch of Ayu, to keep runs long (a run needs four plain items).
create function tests.touch(n integer, millis bigint) returns jsonb language sql volatile as $$
  select tests.mut('touch', 'upsert', ('f0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, tests.hlc(millis),
                   '{"prospect_id": "f0000000-0000-4000-8000-0000000000a1", "channel": "call"}')
$$;

-- ---- several edits of one person in one batch -----------------------------------------------------
create temp table edits as select jsonb_build_array(
  /*  0 */ tests.touch(1, 2000),
  /*  1 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(2001),
                     '{"score": 20, "score_breakdown": [{"rule": "fit", "points": 20}]}'),
  /*  2 */ tests.touch(2, 2002),
  /*  3 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(2003), '{"score": 30}'),
  /*  4 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(1500), '{"score": 25, "title": "Older"}'),
  /*  5 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(1200), '{"title": "Oldest"}'),
  /*  6 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000b1', tests.hlc(2004), '{"name": "Bayu", "source": "referral"}'),
  /*  7 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000b1', tests.hlc(2006), '{"score": 60}'),
  /*  8 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000b1', tests.hlc(2005), '{"score": 50, "location": "Medan"}'),
  /*  9 */ tests.touch(3, 2007),
  /* 10 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(1000), '{"title": "Zed"}'),
  /* 11 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(1100), '{"title": "Ada", "score": 5}'),
  /* 12 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(2008),
                     jsonb_build_object('stage_id', tests.stage(tests.team(), 'decision'))),
  /* 13 */ tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(2009), '{}'),
  /* 14 */ tests.touch(4, 2010)) as b;

insert into runs select 'edits', tests.both_ways('rep', array[(select b from edits)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'edits'), (select r -> 'per_item' -> 'replies' from runs where name = 'edits'),
          'several edits of one person in one batch get the same reply per mutation as one at a time');
select is((select r -> 'set_based' -> 'state' from runs where name = 'edits'), (select r -> 'per_item' -> 'state' from runs where name = 'edits'),
          '…and leave the same rows, field clocks included');
select is(tests.codes_of((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'edits')),
          '{applied,applied,applied,applied,applied,applied/superseded,applied,applied,applied,applied,applied,applied,applied/superseded,applied/superseded,applied}',
          'an edit older than an earlier one of the batch on every field it sets is superseded; one that still wins a field is applied');
select is((select r -> 'set_based' -> 'state' -> 'prospects' from runs where name = 'edits') @> jsonb_build_array(
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000a1', 'score', 30, 'title', 'Older',
                               'score_breakdown', '[{"rule": "fit", "points": 20}]'::jsonb,
                               'field_hlc', jsonb_build_object('name', tests.hlc(1000), 'source', tests.hlc(1000), 'score', tests.hlc(2003),
                                                               'title', tests.hlc(1500), 'score_breakdown', tests.hlc(2001))),
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000b1', 'score', 60, 'location', 'Medan'),
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000c1', 'title', 'Ada', 'score', 5)),
          true, 'each field ends with its latest clock''s value, and carries that clock; an equal clock is decided by value');
select is((select (r -> 'set_based' ->> 'versions')::int from runs where name = 'edits'), 3,
          'set-based, each edited person gets one new row version for all its edits in the batch (a new person: its insert and one more)');
select is((select (r -> 'per_item' ->> 'versions')::int from runs where name = 'edits'), 7,
          '(one at a time: a version per winning edit)');

-- ---- an idempotent resend --------------------------------------------------------------------------
insert into runs select 'resend', tests.both_ways('rep', array[(select b from edits), (select b from edits)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'resend'), (select r -> 'per_item' -> 'replies' from runs where name = 'resend'),
          'the batch sent twice gets the same replies both ways');
select is((select r -> 'set_based' -> 'state' from runs where name = 'resend'), (select r -> 'per_item' -> 'state' from runs where name = 'resend'),
          '…and the same rows');
select is((select tests.codes_of(r -> 'set_based' -> 'replies' -> 1) from runs where name = 'resend'),
          array_fill('duplicate'::text, array[15]), 'the second time, every mutation is a duplicate');
select is((select (r -> 'set_based' ->> 'versions')::int from runs where name = 'resend'), 3, '…and writes no prospect again');

-- ---- a value set and overwritten in the same batch is still checked ----------------------------------
create temp table overwritten as select jsonb_build_array(
  tests.touch(11, 3000),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(3001), '{"score": 500}'),
  tests.touch(12, 3002),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(3003), '{"score": 40}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(3004), '{"name": null}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(3005), '{"name": "Ayu L"}'),
  tests.touch(13, 3006),
  tests.touch(14, 3007)) as b;
insert into runs select 'overwritten', tests.both_ways('rep', array[(select b from overwritten)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'overwritten'), (select r -> 'per_item' -> 'replies' from runs where name = 'overwritten'),
          'a bad value that a later edit of the batch overwrites (out of range; a required field emptied) is answered as one at a time');
select is((select r -> 'set_based' -> 'state' from runs where name = 'overwritten'), (select r -> 'per_item' -> 'state' from runs where name = 'overwritten'),
          '…and the same rows');
select is(tests.codes_of((select r -> 'set_based' -> 'replies' -> 0 from runs where name = 'overwritten')),
          '{applied,rejected/invalid,applied,applied,applied/superseded,applied,applied,applied}',
          '…the score out of range refused, the others applied');

-- ---- edits one row version cannot hold: the same clock twice, e-mails set and overwritten ---------------
create temp table rounds as select jsonb_build_array(
  tests.touch(21, 4000),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(4001), '{"title": "Mid"}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(4001), '{"title": "Max", "score": 7}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(4001), '{"title": "Low"}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(4002), '{"emails": ["Ayu@Example.com"]}'),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(4003), '{"emails": ["ayu.l@example.com"]}'),
  tests.touch(22, 4004),
  tests.touch(23, 4005)) as b;
insert into runs select 'rounds', tests.both_ways('rep', array[(select b from rounds)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'rounds'), (select r -> 'per_item' -> 'replies' from runs where name = 'rounds'),
          'edits of one person sharing a clock, and e-mails set then overwritten, get the same replies as one at a time');
select is((select r -> 'set_based' -> 'state' from runs where name = 'rounds'), (select r -> 'per_item' -> 'state' from runs where name = 'rounds'),
          '…and the same rows (e-mail index included)');
select is((select r -> 'set_based' -> 'state' -> 'prospects' from runs where name = 'rounds') @> jsonb_build_array(
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000c1', 'title', 'Mid', 'score', 7),
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000a1', 'emails', '["ayu.l@example.com"]'::jsonb)),
          true, 'equal clocks in one batch are decided by value, field by field');
select is((select (r -> 'set_based' ->> 'versions')::int from runs where name = 'rounds'), 4,
          'those are applied edit by edit (a version per winning edit)');

-- ---- an edited person whose stage changes in the same batch -----------------------------------------
create temp table moves as select jsonb_build_array(
  tests.touch(31, 6000),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000a1', tests.hlc(6001), '{"score": 45}'),
  tests.mut('stage_change', 'upsert', 'f0000000-0000-4000-8000-000000000501', tests.hlc(6002),
            jsonb_build_object('prospect_id', 'f0000000-0000-4000-8000-0000000000a1', 'to_stage_id', tests.stage(tests.team(), 'qualification'))),
  tests.mut('prospect', 'upsert', 'f0000000-0000-4000-8000-0000000000c1', tests.hlc(6003), '{"title": "Moved back"}'),
  tests.mut('stage_change', 'upsert', 'f0000000-0000-4000-8000-000000000502', tests.hlc(6004),
            jsonb_build_object('prospect_id', 'f0000000-0000-4000-8000-0000000000c1', 'to_stage_id', tests.stage(tests.team(), 'decision'),
                               'changed_at', '2020-01-01T00:00:00Z')),
  tests.touch(32, 6005)) as b;
insert into runs select 'moves', tests.both_ways('rep', array[(select b from moves)]);
select is((select r -> 'set_based' -> 'replies' from runs where name = 'moves'), (select r -> 'per_item' -> 'replies' from runs where name = 'moves'),
          'an edited person''s stage change in the same batch gets the same replies as one at a time');
select is((select r -> 'set_based' -> 'state' from runs where name = 'moves'), (select r -> 'per_item' -> 'state' from runs where name = 'moves'),
          '…and leaves the same rows');
select is((select r -> 'set_based' -> 'state' -> 'prospects' from runs where name = 'moves') @> jsonb_build_array(
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000a1', 'score', 45, 'stage_id', tests.stage(tests.team(), 'qualification'),
                               'stage_change_id', 'f0000000-0000-4000-8000-000000000501'),
            jsonb_build_object('id', 'f0000000-0000-4000-8000-0000000000c1', 'title', 'Moved back', 'stage_id', tests.stage(tests.team(), 'decision'),
                               'stage_change_id', 'f0000000-0000-4000-8000-000000000502')),
          true, 'each edited person moves to their stage change of the batch (a person with no stage change yet, whatever its date)');
select is((select (r -> 'set_based' ->> 'versions')::int from runs where name = 'moves'), 2,
          'the edit and the move of one person are one row version');

select * from finish();
rollback;
