-- The team's lost reasons and cadence due rule: team settings like the others. Members read them,
-- owners and admins change them (directly or through sync_push), reps and other teams cannot, bad
-- values are refused, and a teammate receives them through sync_pull.
begin;
\ir _helpers.psql
select plan(27);

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
create function tests.codes(reply jsonb) returns text[] language sql immutable as $$
  select coalesce(array_agg(coalesce(r ->> 'code', '-') order by o), '{}')
    from jsonb_array_elements(reply -> 'results') with ordinality as x(r, o)
$$;
create function tests.settings_mut(hlc text, fields jsonb) returns jsonb language sql volatile as $$
  select tests.mut('team_settings', 'upsert', tests.team(), hlc, fields)
$$;
grant execute on all functions in schema tests to authenticated;

-- ---- defaults ------------------------------------------------------------------------------------
select is((select lost_reasons from public.team_settings where team_id = tests.team()), null,
          'a new team has no list of its own: the built-in reasons apply');
select is((select cadence_due_rule from public.team_settings where team_id = tests.team()), 'endOfDay',
          'a new team counts a cadence step late after its day');

-- ---- allowed: owners and admins ------------------------------------------------------------------
select is(tests.statuses(tests.push('admin', 'admin sets', jsonb_build_array(
  tests.settings_mut(tests.hlc(1000), '{"lost_reasons": ["Price", "Went with a competitor", "Harga terlalu mahal"], "cadence_due_rule": "exactTime"}')))),
  '{applied}', 'an admin sets the lost reasons and the due rule through sync_push');
select is((select lost_reasons from public.team_settings where team_id = tests.team()),
          '["Price", "Went with a competitor", "Harga terlalu mahal"]'::jsonb, 'the list is stored in order');
select is((select cadence_due_rule from public.team_settings where team_id = tests.team()), 'exactTime', 'the due rule is stored');
select ok((select field_hlc ? 'lost_reasons' and field_hlc ? 'cadence_due_rule' from public.team_settings where team_id = tests.team()),
          'both fields carry their own clock');
select is(tests.statuses(tests.push('owner', 'owner clears', jsonb_build_array(
  tests.settings_mut(tests.hlc(2000), '{"cadence_due_rule": "endOfDay"}')))),
  '{applied}', 'the owner changes the due rule back');
select is((select lost_reasons from public.team_settings where team_id = tests.team()),
          '["Price", "Went with a competitor", "Harga terlalu mahal"]'::jsonb, 'changing one setting keeps the other');
select is(tests.statuses(tests.push('admin', 'old clock', jsonb_build_array(
  tests.settings_mut(tests.hlc(1500), '{"cadence_due_rule": "exactTime"}')))),
  '{applied}', 'an older change is acknowledged');
select is((select cadence_due_rule from public.team_settings where team_id = tests.team()), 'endOfDay',
          'but the newer value stays (last writer by clock)');
select is(tests.try_as('admin', format($$update public.team_settings set lost_reasons = '["Budget"]' where team_id = %L$$, tests.team())),
          'ok:1', 'an admin may edit the row directly');

-- ---- denied: reps, other teams, anonymous ------------------------------------------------------
select is(tests.codes(tests.push('rep', 'rep tries', jsonb_build_array(
  tests.settings_mut(tests.hlc(3000), '{"lost_reasons": ["Mine"]}')))),
  '{forbidden}', 'a rep cannot change the lost reasons through sync_push');
select is(tests.try_as('rep', format($$update public.team_settings set cadence_due_rule = 'exactTime' where team_id = %L$$, tests.team())),
          'ok:0', 'a rep cannot change the due rule directly (no row is theirs to change)');
select is(tests.try_as('other', format($$update public.team_settings set lost_reasons = '["x"]' where team_id = %L$$, tests.team())),
          'ok:0', 'another team''s member cannot change them');
select is(tests.try_as('other', format($$select lost_reasons, cadence_due_rule from public.team_settings where team_id = %L$$, tests.team())),
          'ok:0', 'another team''s member cannot read them');
select is(tests.try_as('anon', format($$select lost_reasons from public.team_settings where team_id = %L$$, tests.team())),
          'err:42501', 'anonymous callers read nothing');
select is(tests.try_as('rep', format($$select lost_reasons, cadence_due_rule from public.team_settings where team_id = %L$$, tests.team())),
          'ok:1', 'a rep reads them');

-- ---- bad values are refused ----------------------------------------------------------------------
select is(tests.statuses(tests.push('admin', 'bad values', jsonb_build_array(
  tests.settings_mut(tests.hlc(4000), '{"cadence_due_rule": "whenever"}'),
  tests.settings_mut(tests.hlc(4001), '{"lost_reasons": "Price"}'),
  tests.settings_mut(tests.hlc(4002), '{"lost_reasons": ["Price", 42]}'),
  tests.settings_mut(tests.hlc(4003), '{"lost_reasons": ["Price", "   "]}'),
  tests.settings_mut(tests.hlc(4004), jsonb_build_object('lost_reasons', jsonb_build_array(repeat('x', 121)))),
  tests.settings_mut(tests.hlc(4005), jsonb_build_object('lost_reasons', (select jsonb_agg('Reason ' || i) from generate_series(1, 51) i))),
  tests.settings_mut(tests.hlc(4006), jsonb_build_object('lost_reasons', jsonb_build_array('Line' || chr(10) || 'break'))),
  tests.settings_mut(tests.hlc(4007), jsonb_build_object('lost_reasons', jsonb_build_array(repeat('x', 120)), 'cadence_due_rule', 'exactTime'))))),
  '{rejected,rejected,rejected,rejected,rejected,rejected,rejected,applied}',
  'an unknown rule, a non-list, a non-text item, a blank item, a 121-character item, 51 items and a control character are refused; 120 characters pass');
select is((select cadence_due_rule from public.team_settings where team_id = tests.team()), 'exactTime',
          'only the good change of the batch was applied');
select is(tests.try_as('admin', format($$update public.team_settings set cadence_due_rule = 'soon' where team_id = %L$$, tests.team())),
          'err:23514', 'a direct edit with an unknown due rule is refused');
select is(tests.try_as('admin', format($$update public.team_settings set lost_reasons = '{"a": 1}' where team_id = %L$$, tests.team())),
          'err:23514', 'a direct edit with a list that is not a list is refused');
select is(tests.try_as('admin', format($$update public.team_settings set cadence_due_rule = null where team_id = %L$$, tests.team())),
          'err:23502', 'the due rule cannot be emptied');
select is(tests.try_as('admin', format($$update public.team_settings set lost_reasons = null where team_id = %L$$, tests.team())),
          'ok:1', 'the list can be emptied: back to the built-in reasons');
select is(tests.codes(tests.push('admin', 'unknown field', jsonb_build_array(
  tests.settings_mut(tests.hlc(5000), '{"lost_reason_list": ["x"]}')))),
  '{invalid}', 'an unknown settings field is still refused');

-- ---- a teammate receives them --------------------------------------------------------------------
select tests.act_as('rep2');
select is((select c -> 'data' -> 'lost_reasons' from jsonb_array_elements(public.sync_pull(tests.team(), 0, 1000) -> 'changes') c
            where c ->> 'entity' = 'team_settings'),
          jsonb_build_array(repeat('x', 120)), 'a teammate pulls the lost reasons');
select is((select c -> 'data' ->> 'cadence_due_rule' from jsonb_array_elements(public.sync_pull(tests.team(), 0, 1000) -> 'changes') c
            where c ->> 'entity' = 'team_settings'),
          'exactTime', 'and the due rule');
select tests.act_as_runner();
select is(tests.try_as('other', format($$select public.sync_pull(%L, 0, 10)$$, tests.team())), 'err:42501',
          'another team''s member pulls nothing of it');

select * from finish();
rollback;
