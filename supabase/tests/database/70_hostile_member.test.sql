-- A hostile member of the same team (docs/SECURITY.md "Backend"): each attack that used to work,
-- and what they can still do legitimately.
begin;
\ir _helpers.psql
select plan(61);

select tests.make_teams();
grant execute on all functions in schema tests to authenticated;

-- A sync_push call as someone, back to the runner afterwards.
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
-- Runs a statement as someone and keeps its effect: 'ok' or 'err:<sqlstate>'.
create function tests.do_as(who text, statement text) returns text
language plpgsql as $$
begin
  begin
    perform tests.act_as(who);
    execute statement;
    perform tests.act_as_runner();
    return 'ok';
  exception when others then
    perform tests.act_as_runner();
    return 'err:' || sqlstate;
  end;
end;
$$;
create function tests.now_hlc(ahead interval default '0', node text default 'node1') returns text
language sql volatile as $$
  select tests.hlc((extract(epoch from clock_timestamp() + ahead) * 1000)::bigint, node)
$$;
grant execute on all functions in schema tests to authenticated;

-- The owner's prospect and one of the rep's, with a follow-up each.
insert into public.prospects (id, team_id, name, source, linkedin_slug, emails, owner_id, created_by) values
  ('e0000000-0000-4000-8000-000000000001', tests.team(), 'Ayu Lestiani', 'referral', 'ayu-lestiani',
   '{ayu@example.com}', tests.user_id('owner'), tests.user_id('owner')),
  ('e0000000-0000-4000-8000-000000000002', tests.team(), 'Bima Santoso', 'event', 'bima-santoso',
   '{}', tests.user_id('rep'), tests.user_id('rep'));
insert into public.follow_ups (id, team_id, prospect_id, title, due_at, created_by) values
  ('e1000000-0000-4000-8000-000000000001', tests.team(), 'e0000000-0000-4000-8000-000000000001', 'Call', now(), tests.user_id('owner'));

-- ---- 8. A rep cannot take someone's prospect to delete it ----------------------------------------
create temp table r8 as select tests.push('rep', jsonb_build_array(
  tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000001', tests.now_hlc(),
            jsonb_build_object('owner_id', tests.user_id('rep'))),
  tests.mut('prospect', 'delete', 'e0000000-0000-4000-8000-000000000001', tests.now_hlc()))) as reply;
select is(tests.codes((select reply from r8)), '{forbidden,forbidden}',
          'a rep making themselves owner of the owner''s prospect is refused, and so is the delete after it');
select is((select (deleted_at is null and owner_id = tests.user_id('owner')) from public.prospects
            where id = 'e0000000-0000-4000-8000-000000000001'), true, 'the prospect is untouched');
select is(tests.try_as('rep', format($$update public.prospects set owner_id = %L where id = 'e0000000-0000-4000-8000-000000000001'$$,
                                     tests.user_id('rep'))), 'err:42501',
          'the same through a direct table update is refused');
select is(tests.try_as('rep', $$update public.prospects set owner_id = null where id = 'e0000000-0000-4000-8000-000000000001'$$),
          'err:42501', 'a rep cannot orphan someone''s prospect either');
select is(tests.try_as('rep', format($$update public.prospects set owner_id = %L where id = 'e0000000-0000-4000-8000-000000000002'$$,
                                     tests.user_id('rep2'))), 'ok:1',
          'a rep hands their own prospect to a teammate');
select is(tests.try_as('admin', format($$update public.prospects set owner_id = %L where id = 'e0000000-0000-4000-8000-000000000001'$$,
                                       tests.user_id('rep'))), 'ok:1',
          'an admin reassigns anyone''s prospect');
select is(tests.try_as('admin', format($$update public.prospects set owner_id = %L where id = 'e0000000-0000-4000-8000-000000000001'$$,
                                       tests.user_id('other'))), 'err:22023',
          'nobody assigns a prospect to someone outside the team');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                      jsonb_build_object('name', 'Citra', 'source', 'event', 'owner_id', tests.user_id('other')))))),
          '{invalid}', 'a new prospect cannot be given to someone outside the team');

-- restore: whoever may delete it
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'delete', 'e0000000-0000-4000-8000-000000000001', tests.now_hlc())))),
          '{-}', 'the owner deletes their prospect');
select is(tests.try_as('rep', $$select public.restore_prospect(tests.team(), 'e0000000-0000-4000-8000-000000000001')$$),
          'err:42501', 'a rep who neither owns nor created it cannot restore it');
select is(tests.try_as('rep', $$update public.prospects set deleted_at = null where id = 'e0000000-0000-4000-8000-000000000001'$$),
          'err:42501', 'a tombstone is still never lifted by a table update');
select is(tests.do_as('admin', $$select public.restore_prospect(tests.team(), 'e0000000-0000-4000-8000-000000000001')$$),
          'ok', 'an admin restores it through the API');
select is((select deleted_at from public.prospects where id = 'e0000000-0000-4000-8000-000000000001'), null,
          'the prospect is live again');
select is((select deleted_at from public.follow_ups where id = 'e1000000-0000-4000-8000-000000000001'), null,
          'with the follow-up its delete took along');
select is((select prospect_id from public.prospect_emails where team_id = tests.team() and email = 'ayu@example.com'),
          'e0000000-0000-4000-8000-000000000001'::uuid, 'and its e-mail key');
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('prospect', 'delete', 'e0000000-0000-4000-8000-000000000001', tests.now_hlc()),
            tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                      '{"name": "Ayu L.", "source": "referral", "linkedin_slug": "ayu-lestiani"}')))),
          '{-,-}', 'deleted again, and someone clips the same person anew');
select is(tests.try_as('owner', $$select public.restore_prospect(tests.team(), 'e0000000-0000-4000-8000-000000000001')$$),
          'err:23505', 'a restore that would duplicate a live prospect is refused (merge instead)');
select is(tests.try_as('other', $$select public.restore_prospect(tests.team(), 'e0000000-0000-4000-8000-000000000001')$$),
          'err:42501', 'another team cannot restore it');

-- ---- 9. Client times cannot freeze a stage or a deal's activity -----------------------------------
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('stage_change', 'upsert', 'e2000000-0000-4000-8000-000000000001', tests.now_hlc(),
                      jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000002',
                                         'to_stage_id', tests.stage(tests.team(), 'decision'),
                                         'changed_at', '9999-12-31T00:00:00Z')),
            tests.mut('stage_change', 'upsert', 'e2000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000002',
                                         'to_stage_id', tests.stage(tests.team(), 'decision'),
                                         'changed_at', 'infinity')),
            tests.mut('touch', 'upsert', 'e3000000-0000-4000-8000-000000000001', tests.now_hlc(),
                      jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000002', 'channel', 'call',
                                         'occurred_at', '9999-12-31T00:00:00Z'))))),
          '{-,-,-}', 'stage changes and a touch dated 9999 or infinity are taken as made now');
select ok((select bool_and(changed_at <= now()) from public.stage_changes
            where id in ('e2000000-0000-4000-8000-000000000001', 'e2000000-0000-4000-8000-000000000002'))
          and (select occurred_at <= now() from public.touches where id = 'e3000000-0000-4000-8000-000000000001')
          and (select stage_entered_at <= now() from public.prospects where id = 'e0000000-0000-4000-8000-000000000002'),
          'nothing is stored past the server''s clock, so no stage change stays "latest" for ever');
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('stage_change', 'upsert', 'e2000000-0000-4000-8000-000000000001', tests.now_hlc(),
                      jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000002',
                                         'to_stage_id', tests.stage(tests.team(), 'decision'),
                                         'changed_at', '9999-12-31T00:00:00Z'))))),
          '{same_content}', 'sending the same stage change again is still a duplicate');
-- A later move (same server time inside this test's transaction; its id sorts last) takes over.
select is(tests.codes(tests.push('rep2', jsonb_build_array(
            tests.mut('stage_change', 'upsert', 'efffffff-0000-4000-8000-000000000001', tests.now_hlc(),
                      jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000002',
                                         'to_stage_id', tests.stage(tests.team(), 'qualification'))),
            tests.mut('touch', 'upsert', gen_random_uuid(), tests.now_hlc(interval '50 minutes', 'fast'),
                      jsonb_build_object('prospect_id', 'e0000000-0000-4000-8000-000000000002', 'channel', 'call'))))),
          '{-,-}', 'a later move applies; a device whose clock runs fast still logs its touch');
select is((select stage_id from public.prospects where id = 'e0000000-0000-4000-8000-000000000002'),
          tests.stage(tests.team(), 'qualification'), 'the stage is the latest move');
select ok((select max(occurred_at) <= now() from public.touches where prospect_id = 'e0000000-0000-4000-8000-000000000002'),
          'a touch dated by a fast clock is dated by the server''s clock instead');
select is(tests.try_as('rep', format($$insert into public.stage_changes (team_id, prospect_id, to_stage_id, changed_at, changed_by)
                                     values (tests.team(), 'e0000000-0000-4000-8000-000000000002', %L, now() + interval '1 day', tests.user_id('rep'))$$,
                                     tests.stage(tests.team(), 'lost'))),
          'err:22023', 'the same through a direct table insert is refused');
select is(tests.try_as('rep', format($$insert into public.stage_changes (team_id, prospect_id, to_stage_id, changed_at, changed_by)
                                     values (tests.team(), 'e0000000-0000-4000-8000-000000000002', %L, now() - interval '3 days', tests.user_id('rep'))$$,
                                     tests.stage(tests.team(), 'lost'))),
          'ok:1', 'a move dated in the past (offline work) is fine');

-- ---- 10. Invites die with their creator's rights --------------------------------------------------
create temp table codes (who text primary key, code text);
grant all on codes to authenticated;
select tests.act_as('admin');
insert into codes select 'by-admin-1', code from public.create_invite(tests.team(), 'rep');
insert into codes select 'by-admin-2', code from public.create_invite(tests.team(), 'rep');
select tests.act_as('owner');
insert into codes select 'by-owner', code from public.create_invite(tests.team(), 'admin');
select tests.act_as_runner();
select tests.create_user(u) from unnest(array['joiner1', 'joiner2', 'joiner3']) u;

select is(tests.do_as('owner', format($$select public.set_member_role(tests.team(), %L, 'rep')$$, tests.user_id('admin'))),
          'ok', 'the owner demotes the admin to rep');
select is(tests.try_as('joiner1', format($$select public.join_team(%L)$$, (select code from codes where who = 'by-admin-1'))),
          'err:P0001', 'an invite of a demoted admin no longer works');
select is((select count(*)::int from public.team_invites where team_id = tests.team() and created_by = tests.user_id('admin')
             and used_at is null), 0, 'demoting an admin deletes their open invites');
select is(tests.do_as('owner', format($$select public.set_member_role(tests.team(), %L, 'admin')$$, tests.user_id('admin'))),
          'ok', 'and promotes them again');
select tests.act_as('admin');
insert into codes select 'by-admin-3', code from public.create_invite(tests.team(), 'rep');
select tests.act_as_runner();
select is(tests.do_as('owner', format($$select public.remove_member(tests.team(), %L)$$, tests.user_id('admin'))),
          'ok', 'the owner removes the admin');
select is(tests.try_as('admin', format($$select public.join_team(%L)$$, (select code from codes where who = 'by-admin-3'))),
          'err:P0001', 'a removed admin cannot rejoin with their own invite');
select is(tests.try_as('joiner2', format($$select public.join_team(%L)$$, (select code from codes where who = 'by-admin-3'))),
          'err:P0001', 'nor can anyone else use it');
-- An invite whose creator never had the right (a row written outside create_invite): refused too.
insert into public.team_invites (team_id, code_hash, role, created_by, expires_at)
values (tests.team(), sha256(convert_to('FORGEDFORGEDFORGED22', 'UTF8')), 'admin', tests.user_id('rep'), now() + interval '1 day');
select is(tests.try_as('joiner3', $$select public.join_team('FORGE-DFORG-EDFOR-GED22')$$), 'err:P0001',
          'join_team checks that the invite''s creator may still grant its role');
select is(tests.try_as('joiner3', format($$select public.join_team(%L)$$, (select code from codes where who = 'by-owner'))),
          'ok:1', 'an invite from a live owner still works');

-- ---- 11. Field sizes, and pull pages bounded by bytes ---------------------------------------------
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      jsonb_build_object('score_breakdown', (select jsonb_agg(jsonb_build_object('rule', 'r' || g, 'points', 1, 'detail', repeat('x', 190)))
                                                               from generate_series(1, 400) g))),
            tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      jsonb_build_object('sql_checklist', jsonb_build_object('junk', repeat('x', 10000)))),
            tests.mut('prospect', 'upsert', 'e0000000-0000-4000-8000-000000000002', tests.now_hlc(),
                      jsonb_build_object('title', 'Head of Sales'))))),
          '{invalid,invalid,-}', 'an oversized score_breakdown or sql_checklist is one rejected item, the rest applies');
select is(tests.codes(tests.push('owner', jsonb_build_array(
            tests.mut('team_settings', 'upsert', tests.team(), tests.now_hlc(),
                      jsonb_build_object('scoring_rules', jsonb_build_object('junk', repeat('x', 1100000)))),
            tests.mut('team_settings', 'upsert', tests.team(), tests.now_hlc(),
                      jsonb_build_object('targets', jsonb_build_object('junk', repeat('x', 70000)))),
            tests.mut('cadence', 'upsert', gen_random_uuid(), tests.now_hlc(),
                      jsonb_build_object('name', 'Big', 'steps',
                        jsonb_build_array(jsonb_build_object('day', 0, 'channel', 'email', 'junk', repeat('x', 600000)))))))),
          '{invalid,invalid,invalid}', 'oversized scoring rules, targets and cadence steps are refused');
-- 12: the middle of an e-mail's domain was unbounded; its index key then failed the whole batch.
select is(tests.codes(tests.push('rep', jsonb_build_array(
            tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                      jsonb_build_object('name', 'Dewi', 'source', 'event',
                                         'emails', jsonb_build_array('dewi@' || repeat('d', 3000) || '.com'))),
            tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                      jsonb_build_object('name', 'Eko', 'source', 'event',
                                         'emails', jsonb_build_array('eko@' || repeat('e', 260) || '.com'))),
            tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(), '{"name": "Fajar", "source": "event"}')))),
          '{invalid,invalid,-}', 'an over-long e-mail address is one rejected item, not a failed batch');

select is(
  (select coalesce(array_agg(format('%s.%s', c.relname, a.attname) order by c.relname, a.attname), '{}')
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     join pg_type t on t.oid = a.atttypid
    where n.nspname = 'public' and c.relkind = 'r'
      and (t.typname in ('text', 'varchar', 'jsonb', 'json', 'bytea') or t.typcategory = 'A')
      and a.attgenerated = ''
      and not exists (select 1 from pg_constraint k
                       where k.conrelid = c.oid and k.contype = 'c' and a.attnum = any (k.conkey))
      and (c.relname, a.attname) <> ('team_invites', 'code_hash')),
  '{}'::text[],
  'every text, jsonb and array column has a size check (team_invites.code_hash is a server-made digest)');

-- A page stops at about 1 MB, always holds a row, and paging by the cursor gets every row once.
insert into public.prospects (team_id, name, source, score_breakdown, created_by)
select tests.team(), 'Bulk ' || g, 'event',
       (select jsonb_agg(jsonb_build_object('rule', 'r' || i, 'points', 1, 'detail', repeat(chr(65 + g % 26), 190))) from generate_series(1, 250) i),
       tests.user_id('owner')
  from generate_series(1, 40) g;
create temp table pages (n int primary key, page jsonb);
grant all on pages to authenticated;
select tests.act_as('rep');
do $$
declare
  cursor_at bigint := 0;
  page jsonb;
  i int := 0;
begin
  loop
    i := i + 1;
    page := public.sync_pull(tests.team(), cursor_at, 1000);
    insert into pages values (i, page);
    cursor_at := (page ->> 'next_cursor')::bigint;
    exit when not (page ->> 'has_more')::boolean or i > 100;
  end loop;
end;
$$;
select tests.act_as_runner();
select ok((select count(*) from pages) > 1, 'a pull of ~2.5 MB of rows takes more than one page of lim 1000');
select ok((select bool_and(octet_length(page::text) < 1200000 and jsonb_array_length(page -> 'changes') >= 1) from pages),
          'every page stays near 1 MB and holds at least one row');
select is((select count(*)::int from pages where (page ->> 'has_more')::boolean), (select count(*)::int - 1 from pages),
          'only the last page says has_more = false');
select is((select count(distinct c ->> 'id')::int from pages, jsonb_array_elements(page -> 'changes') c where c ->> 'entity' = 'prospect'),
          (select count(*)::int from public.prospects where team_id = tests.team()),
          'paging by next_cursor brings every prospect');
select is((select count(*)::int from pages, jsonb_array_elements(page -> 'changes') c),
          (select count(distinct (c ->> 'entity', c ->> 'id'))::int from pages, jsonb_array_elements(page -> 'changes') c),
          'each row once');

-- ---- 12. Member rows ---------------------------------------------------------------------------------
select is(tests.try_as('rep', format($$update public.team_members set display_name = 'owner ' where team_id = %L and user_id = %L$$,
                                     tests.team(), tests.user_id('rep'))), 'err:22023',
          'a rep cannot take the owner''s display name');
select is(tests.try_as('rep', format($$update public.team_members set display_name = 'Owner%s' where team_id = %L and user_id = %L$$,
                                     chr(8238), tests.team(), tests.user_id('rep'))), 'err:22023',
          'nor hide one behind a direction override');
select is(tests.try_as('rep', format($$update public.team_members set display_name = 'owner@test.example.com' where team_id = %L and user_id = %L$$,
                                     tests.team(), tests.user_id('rep'))), 'err:22023',
          'nor take the owner''s e-mail as a name');
select is(tests.try_as('rep', format($$update public.team_members set email = 'owner@test.example.com' where team_id = %L and user_id = %L$$,
                                     tests.team(), tests.user_id('rep'))), 'err:42501',
          'a member cannot change their e-mail');
select is(tests.try_as('rep', format($$update public.team_members set display_name = 'Rep Ketiga' where team_id = %L and user_id = %L$$,
                                     tests.team(), tests.user_id('rep'))), 'ok:1',
          'a member renames themselves to a name of their own');

create temp table seqs (k text primary key, v bigint);
grant all on seqs to authenticated;
insert into seqs select 'before removal', max(change_seq) from (
  select change_seq from public.team_members where team_id = tests.team()
  union all select change_seq from public.prospects where team_id = tests.team()
  union all select change_seq from public.follow_ups where team_id = tests.team()
  union all select change_seq from public.touches where team_id = tests.team()
  union all select change_seq from public.stage_changes where team_id = tests.team()
  union all select change_seq from public.cadences where team_id = tests.team()
  union all select change_seq from public.team_settings where team_id = tests.team()) x;
select is(tests.do_as('owner', format($$select public.remove_member(tests.team(), %L)$$, tests.user_id('rep2'))),
          'ok', 'the owner removes rep2');
select is(tests.try_as('rep2', format($$update public.team_members set display_name = 'Still Here' where team_id = %L and user_id = %L$$,
                                      tests.team(), tests.user_id('rep2'))), 'ok:0',
          'a removed member can no longer change their member row');
select is(tests.try_as('rep2', $$update public.team_members set display_name = 'Still Here'$$), 'ok:0',
          '(not even with an update that names no row)');
select is(tests.try_as('owner', format($$update public.team_members set display_name = 'Gone' where team_id = %L and user_id = %L$$,
                                       tests.team(), tests.user_id('rep2'))), 'err:42501',
          'nobody changes a removed member''s row through the API');
select tests.act_as('rep');
select is((select jsonb_agg(c -> 'data' ->> 'email') from jsonb_array_elements(public.sync_pull(tests.team(), (select v from seqs where k = 'before removal'), 1000) -> 'changes') c
            where c ->> 'entity' = 'team_member' and c ->> 'id' = tests.user_id('rep2')::text),
          '[null]'::jsonb, 'a removed member''s e-mail is blanked for everyone who pulls');
select is((select email from public.team_members where team_id = tests.team() and user_id = tests.user_id('rep2')), null,
          'and in the table');
select tests.act_as_runner();

-- Per-team cursors: another team's writes leave no gap in this team's numbers.
select tests.push('owner', jsonb_build_array(tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                                                        '{"name": "Previous", "source": "event"}')));
insert into seqs select 'a', max(change_seq) from public.prospects where team_id = tests.team();
select tests.push('other', (select jsonb_agg(tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                                              jsonb_build_object('name', 'B ' || g, 'source', 'event')))
                              from generate_series(1, 5) g), tests.team('b'));
select tests.push('owner', jsonb_build_array(tests.mut('prospect', 'upsert', gen_random_uuid(), tests.now_hlc(),
                                                        '{"name": "Next", "source": "event"}')));
select cmp_ok((select max(change_seq) from public.prospects where team_id = tests.team()) - (select v from seqs where k = 'a'),
              '=', 1::bigint, 'the next number of a team follows its last one, whatever other teams wrote');
select is((select min(change_seq) from public.prospects where team_id = tests.team('b')) <= 20, true,
          'each team counts its own changes');

-- private functions: nobody but the API's own code paths
select is(
  (select coalesce(array_agg(p.oid::regprocedure::text order by p.oid::regprocedure::text), '{}')
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and (has_function_privilege('public', p.oid, 'execute')
                                     or has_function_privilege('anon', p.oid, 'execute'))),
  '{}'::text[], 'no private function is executable by PUBLIC or anon');
select is(
  (select coalesce(array_agg(p.proname::text order by p.proname), '{}')
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and has_function_privilege('authenticated', p.oid, 'execute')),
  array['hlc_time', 'member_role', 'my_admin_team_ids', 'my_team_ids', 'require_user', 'server_hlc', 'valid_cadence_steps'],
  'authenticated executes only the private helpers that run as the caller (RLS, checks, triggers); sync_push''s are jalur_apply''s alone');
select is(tests.try_as('rep', $$select private.init_team(tests.team())$$), 'err:42501',
          'a member cannot call an internal definer function');

-- sync_push and sync_pull limits
-- (the 1,000-mutation cap is in 30_sync_push)
select is(
  (select array_agg(p.proname || ' ' || c order by p.proname)
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace, unnest(p.proconfig) c
    where n.nspname = 'public' and p.proname in ('sync_push', 'sync_pull') and c like 'statement_timeout=%'),
  array['sync_pull statement_timeout=6s', 'sync_push statement_timeout=6s'],
  'sync_push and sync_pull carry their own statement timeout, below the role''s 8 s');

select * from finish();
rollback;
