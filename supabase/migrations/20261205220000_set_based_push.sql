-- sync_push applies the common case set-wise (issue "a year of a busy rep's pipeline", item 5).
--
-- Until now every mutation went through private.push_item one at a time: a handful of statements,
-- a policy check and a result per row, about 3,000 mutations a second on loopback. What a device
-- sends is overwhelmingly the same few shapes: new people, their first stage change, touches,
-- follow-ups, and field edits of prospects (score, title, ...). Those are now applied as runs, a few
-- statements per entity for a whole run of the batch, while everything else (deletes, merges,
-- restores, erasures, edits of keys, admin entities, resends, rejections) still goes through
-- push_item, in its place in the batch. Same wire format, same replies, same idempotency: a
-- mutation is recorded in private.applied_mutations exactly when it is applied, as before.
--
-- How a batch is applied. Items are taken in order. A run of consecutive "plain" items (see
-- `plain` below: an upsert of a prospect, touch, stage change or follow-up whose fields need no
-- special handling) is checked against the database as it is at the start of the run; the run is
-- cut before the first item whose outcome could depend on anything but the rows before it:
--   * a prospect is new (not in this team) and its item carries name and source, or it exists in
--     this team (or was created earlier in the run) and the edit does not change its LinkedIn keys;
--   * a touch, stage change or follow-up is new and this is the first item for its id, and the
--     prospect (and follow-up) it refers to is not created by a LATER item of the run (applied
--     together, it would exist too early);
--   * a mutation id seen before (duplicate) is always fine: it changes nothing.
-- The run before the cut is applied in one subtransaction: new prospects (one insert), prospect
-- edits (one update per "round": the k-th edit of each prospect in round k, so several edits of
-- one person in a batch merge in batch order exactly as one by one), new follow-ups, touches and
-- stage changes (one insert each). Every check the one-by-one path relies on still runs, because
-- it lives in constraints, triggers and row-level security, which fire per row either way; the
-- merge of an edit uses the same private.merge_winners. If any row fails, the run's subtransaction
-- is rolled back and it is tried again in halves, down to a few items, which go through push_item:
-- so the item that fails gets exactly the rejection it always got, and its neighbours are applied.
-- The item at the cut goes through push_item too, and the next run starts after it.
--
-- Order is kept: runs and single items are applied in batch order, and inside a run the only
-- reordering is across entities whose rows do not interact (a touch is inserted after the
-- prospect edits of the same run, but neither reads what the other writes), with references to
-- rows created later in the run excluded above.
--
-- The one-by-one path is still there whole: a transaction that sets jalur.sync_push_path to
-- 'per_item' uses it for every item (the database tests compare both paths; the bench measures
-- both in the same run). It is slower, never different.
--
-- push_item already dispatches to one function per entity (push_prospect, push_touch,
-- push_company, ...). No new helper functions are added: sync_push runs as the caller, so each
-- helper would have to be executable by every signed-in user, and that set is pinned on purpose
-- (70_hostile_member). The set-based statements therefore live in sync_push itself.
--
-- Otherwise as in 20261205120000_hostile_member.sql (limits, time budget, error mapping).

create or replace function public.sync_push(team_id uuid, changes jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = '' as $$
declare
  max_items constant integer := 1000;
  max_bytes constant integer := 16 * 1024 * 1024;
  budget constant interval := interval '5 seconds';
  started timestamptz := clock_timestamp();
  -- Items the one-by-one path applies in ranges of this size, one subtransaction per range.
  chunk constant integer := 256;
  -- A run shorter than this is not worth the set-based statements: push_item takes it.
  min_run constant integer := 4;
  -- After this many cuts in one batch (an unusual batch), the rest goes one by one.
  max_cuts constant integer := 16;
  team uuid := sync_push.team_id;
  uid uuid := private.require_user();
  my_role public.team_role;
  problem text;
  items jsonb[];
  dup boolean[];
  plain boolean[];
  results jsonb[];
  run_kinds text[];
  n integer;
  lo integer;
  hi integer;
  p integer;
  q integer;
  cut integer;
  cap integer := max_items;
  cap_until integer := 0;
  cuts integer := 0;
  rounds integer;
  want integer;
  got integer;
  run_pos integer[];
  run_superseded boolean[];
  set_based boolean := coalesce(current_setting('jalur.sync_push_path', true), '') <> 'per_item';
  applied boolean;
  mid uuid;
  err_constraint text;
  err_detail text;
  err_message text;
begin
  my_role := private.member_role(team);
  if my_role is null then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;

  -- The whole batch is checked before anything is written, so a malformed call changes nothing.
  if changes is null or jsonb_typeof(changes) <> 'array' then
    raise exception using errcode = '22023', message = 'changes must be a JSON array of mutations';
  end if;
  n := jsonb_array_length(changes);
  if n > max_items then
    raise exception using errcode = '22023',
      message = format('too many mutations: %s (at most %s per call)', n, max_items);
  end if;
  if pg_column_size(changes) > max_bytes then  -- the stored size: O(1), unlike rendering the text
    raise exception using errcode = '22023', message = format('batch too large (at most %s bytes)', max_bytes);
  end if;
  select format('changes[%s]: %s', x.o - 1, x.problem) into problem
    from (select o, case
            when jsonb_typeof(e) <> 'object' then 'a mutation must be an object'
            when jsonb_typeof(e -> 'mutation_id') is distinct from 'string'
                 or (e ->> 'mutation_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then 'mutation_id must be a uuid string'
            when jsonb_typeof(e -> 'entity') is distinct from 'string' then 'entity must be a string'
            when jsonb_typeof(e -> 'op') is distinct from 'string' then 'op must be a string'
            when jsonb_typeof(e -> 'id') is distinct from 'string'
                 or (e ->> 'id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then 'id must be a uuid string'
            when jsonb_typeof(e -> 'hlc') is distinct from 'string'
                 or (e ->> 'hlc') !~ '^[0-9]{15}-[0-9a-z]{6}-[A-Za-z0-9_-]{1,64}$'
              then 'hlc must look like 001732630000000-000000-node (15-digit millis, 6-char base-36 counter, node id)'
            when e ? 'fields' and jsonb_typeof(e -> 'fields') <> 'object' then 'fields must be an object'
            when e ->> 'op' = 'upsert' and not e ? 'fields' then 'an upsert needs fields'
          end as problem
          from jsonb_array_elements(changes) with ordinality as a(e, o)) x
   where x.problem is not null
   order by x.o
   limit 1;
  if problem is not null then
    raise exception using errcode = '22023', message = problem;
  end if;

  -- Each item; whether it was applied before or repeats an earlier item of this batch; and whether
  -- its shape lets it join a set-based run (the database decides the rest, per run). References
  -- must be uuid strings here so that the run checks can compare them without a failing cast.
  select coalesce(array_agg(d.e order by d.o), '{}'), coalesce(array_agg(d.dup order by d.o), '{}'),
         coalesce(array_agg(d.dup or (
           d.e ->> 'op' = 'upsert'
           and private.hlc_time(d.e ->> 'hlc') <= now() + interval '1 hour'
           and case d.e ->> 'entity'
             when 'prospect' then
               (d.e -> 'fields') - '{name,headline,title,company,location,photo_url,linkedin_url,linkedin_slug,emails,
                 source,temperature_override,score,score_breakdown,mql_at,sql_at,sql_checklist,deal_value,currency,
                 expected_close,owner_id,lost_reason,stage_id,score_adjustment,cadence_enrolment,linkedin_member_id,
                 company_id}'::text[] = '{}'::jsonb
               and (not (d.e -> 'fields') ? 'company_id' or jsonb_typeof(d.e -> 'fields' -> 'company_id') = 'null'
                    or (jsonb_typeof(d.e -> 'fields' -> 'company_id') = 'string'
                        and (d.e -> 'fields' ->> 'company_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'))
             when 'touch' then
               (d.e -> 'fields') - '{prospect_id,channel,direction,note,occurred_at,follow_up_id,engagement}'::text[] = '{}'::jsonb
               and jsonb_typeof(d.e -> 'fields' -> 'channel') = 'string'
               and jsonb_typeof(d.e -> 'fields' -> 'prospect_id') = 'string'
               and (d.e -> 'fields' ->> 'prospect_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
               and (coalesce(jsonb_typeof(d.e -> 'fields' -> 'follow_up_id'), 'null') = 'null'
                    or (jsonb_typeof(d.e -> 'fields' -> 'follow_up_id') = 'string'
                        and (d.e -> 'fields' ->> 'follow_up_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'))
             when 'stage_change' then
               (d.e -> 'fields') - '{prospect_id,from_stage_id,to_stage_id,changed_at,note}'::text[] = '{}'::jsonb
               and jsonb_typeof(d.e -> 'fields' -> 'to_stage_id') = 'string'
               and jsonb_typeof(d.e -> 'fields' -> 'prospect_id') = 'string'
               and (d.e -> 'fields' ->> 'prospect_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
             when 'follow_up' then
               (d.e -> 'fields') - '{prospect_id,assignee_id,title,note,channel,due_at,done_at,snoozed_until,cadence_id,
                 cadence_step}'::text[] = '{}'::jsonb
               and jsonb_typeof(d.e -> 'fields' -> 'title') = 'string'
               and jsonb_typeof(d.e -> 'fields' -> 'due_at') = 'string'
               and jsonb_typeof(d.e -> 'fields' -> 'prospect_id') = 'string'
               and (d.e -> 'fields' ->> 'prospect_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
             else false
           end) order by d.o), '{}')
    into items, dup, plain
    from (select a.o, a.e,
                 row_number() over (partition by lower(a.e ->> 'mutation_id') order by a.o) > 1
                 or exists (select 1 from private.applied_mutations am
                             where am.team_id = team and am.mutation_id = (a.e ->> 'mutation_id')::uuid) as dup
            from jsonb_array_elements(changes) with ordinality as a(e, o)) d;
  results := array_fill(null::jsonb, array[n]);

  -- Take the team's cursor lock now rather than at the first row, so a big batch never queues
  -- behind a writer while already holding row locks.
  perform pg_advisory_xact_lock(1246516562, hashtext(team::text));
  perform set_config('jalur.sync', 'on', true);

  p := 1;
  while p <= n loop
    if clock_timestamp() - started > budget then
      raise exception using errcode = '57014',
        message = 'sync_push ran out of time: send fewer mutations per call',
        hint = 'Nothing of this call was applied; retry it in smaller batches.';
    end if;
    if p > cap_until then
      cap := max_items;
    end if;

    applied := false;
    if set_based and plain[p] then
      q := p;
      while q < n and plain[q + 1] and q - p + 1 < cap loop
        q := q + 1;
      end loop;
      -- What each item of p..q is, judged against the rows as they are now; 'no' cuts the run.
      -- Lookups by id are scalar subqueries, so that each is one index probe: as EXISTS, the
      -- planner may hash the whole table instead.
      with x as (
        select p - 1 + u.o as pos, u.it ->> 'entity' as entity, (u.it ->> 'id')::uuid as rid,
               u.it -> 'fields' as f, u.is_dup,
               case when not u.is_dup and u.it ->> 'entity' in ('touch', 'stage_change', 'follow_up')
                    then (u.it -> 'fields' ->> 'prospect_id')::uuid end as prospect_ref,
               case when not u.is_dup and u.it ->> 'entity' = 'touch'
                    then (u.it -> 'fields' ->> 'follow_up_id')::uuid end as follow_up_ref
          from unnest(items[p:q], dup[p:q]) with ordinality as u(it, is_dup, o)
      ), occ as (
        select x.*, row_number() over (partition by x.entity, x.rid order by x.pos) as k,
               case x.entity
                 when 'prospect' then (select true from public.prospects t where t.id = x.rid and t.team_id = team)
                 when 'touch' then (select true from public.touches t where t.id = x.rid)
                 when 'stage_change' then (select true from public.stage_changes t where t.id = x.rid)
                 when 'follow_up' then (select true from public.follow_ups t where t.id = x.rid)
               end is not null as known
          from x
         where not x.is_dup
      ), created as (
        select o.entity, o.rid, o.pos from occ o where o.k = 1 and not o.known
      ), kinds as (
        select x.pos,
               case
                 when x.is_dup then 'dup'
                 when o.entity = 'prospect' and not o.known and o.k = 1 then
                   case when o.f ?& '{name,source}' then 'p_new' else 'no' end
                 when o.entity = 'prospect' then
                   case when o.f ?| '{linkedin_slug,linkedin_member_id}' then 'no' else 'p_edit' end
                 when o.known or o.k > 1 then 'no'
                 when cp.pos > o.pos or cf.pos > o.pos then 'no'
                 else o.entity
               end as kind
          from x
          left join occ o on o.pos = x.pos
          left join created cp on cp.entity = 'prospect' and cp.rid = o.prospect_ref
          left join created cf on cf.entity = 'follow_up' and cf.rid = o.follow_up_ref
      )
      select coalesce(min(k.pos) filter (where k.kind = 'no'), q + 1), array_agg(k.kind order by k.pos)
        into cut, run_kinds
        from kinds k;

      if cut - p >= min_run then
        lo := p;
        hi := cut - 1;
        begin
          -- New prospects. Columns and defaults as in push_prospect; the company link as in
          -- push_prospect_company (its clock is the item's, like every field of a new row).
          insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
            linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
            deal_value, currency, expected_close, owner_id, lost_reason, stage_id, score_adjustment, cadence_enrolment,
            linkedin_member_id, company_id, field_hlc)
          select (u.it ->> 'id')::uuid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
            f.linkedin_slug, coalesce(f.emails, '{}'), f.source, f.temperature_override, coalesce(f.score, 0),
            coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
            f.currency, f.expected_close, f.owner_id, f.lost_reason, f.stage_id, coalesce(f.score_adjustment, 0),
            f.cadence_enrolment, f.linkedin_member_id, f.company_id, private.hlc_map(u.it -> 'fields', u.it ->> 'hlc')
            from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
            cross join lateral jsonb_populate_record(null::public.prospects, u.it -> 'fields') f
           where u.kind = 'p_new'
           order by u.o;

          -- Prospect edits, in rounds: round r applies the r-th edit of each prospect of the run.
          select coalesce(max(c.cnt), 0) into rounds
            from (select count(*) as cnt
                    from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) as u(it, kind)
                   where u.kind = 'p_edit' group by (u.it ->> 'id')::uuid) c;
          for round_no in 1..rounds loop
            with e as (
              select y.pos, y.hlc, y.f, cur,
                     private.merge_winners(y.f - '{stage_id,company_id}'::text[], y.hlc, cur.field_hlc, to_jsonb(cur)) as win_main,
                     case when y.f ? 'company_id' then
                       private.merge_winners(jsonb_build_object('company_id', y.f -> 'company_id'), y.hlc, cur.field_hlc, to_jsonb(cur))
                     end as win_company
                from (select lo - 1 + u.o as pos, (u.it ->> 'id')::uuid as rid, u.it ->> 'hlc' as hlc, u.it -> 'fields' as f,
                             row_number() over (partition by (u.it ->> 'id')::uuid order by u.o) as rnd
                        from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
                       where u.kind = 'p_edit') y
                join public.prospects cur on cur.id = y.rid
               where y.rnd = round_no
            ), w as materialized (
              select e.pos, e.hlc, e.cur, e.win_main || coalesce(e.win_company, '{}') as win,
                     -- The reply is the company link's when the edit carries one (push_item's rule).
                     case when e.f ? 'company_id' then e.win_company = '{}' else e.win_main = '{}' end as superseded
                from e
            ), changed as (
              update public.prospects t
                 set name = (x.r).name, headline = (x.r).headline, title = (x.r).title, company = (x.r).company,
                     location = (x.r).location, photo_url = (x.r).photo_url, linkedin_url = (x.r).linkedin_url,
                     linkedin_slug = (x.r).linkedin_slug, emails = (x.r).emails, source = (x.r).source,
                     temperature_override = (x.r).temperature_override, score = (x.r).score,
                     score_breakdown = (x.r).score_breakdown, mql_at = (x.r).mql_at, sql_at = (x.r).sql_at,
                     sql_checklist = (x.r).sql_checklist, deal_value = (x.r).deal_value, currency = (x.r).currency,
                     expected_close = (x.r).expected_close, owner_id = (x.r).owner_id, lost_reason = (x.r).lost_reason,
                     score_adjustment = (x.r).score_adjustment, cadence_enrolment = (x.r).cadence_enrolment,
                     linkedin_member_id = (x.r).linkedin_member_id, company_id = (x.r).company_id,
                     field_hlc = t.field_hlc || private.hlc_map(x.win, x.hlc)
                from (select (w.cur).id as rid, jsonb_populate_record(w.cur, w.win) as r, w.win, w.hlc
                        from w where w.win <> '{}' offset 0) x
               where t.id = x.rid
              returning t.id
            )
            select (select count(*) from changed), count(*) filter (where w.win <> '{}'),
                   array_agg(w.pos), array_agg(w.superseded)
              into got, want, run_pos, run_superseded
              from w;
            if got <> want then
              raise exception using errcode = '42501', message = 'you may not change this prospect';
            end if;
            for i in 1..coalesce(cardinality(run_pos), 0) loop
              results[run_pos[i]] := case when run_superseded[i]
                then private.result((items[run_pos[i]] ->> 'mutation_id')::uuid, 'applied', 'superseded',
                                    'newer values were already in place')
                else private.result((items[run_pos[i]] ->> 'mutation_id')::uuid, 'applied') end;
            end loop;
          end loop;

          -- New follow-ups, touches and stage changes, as in push_follow_up, push_touch and push_stage_change.
          insert into public.follow_ups (id, team_id, prospect_id, assignee_id, title, note, channel, due_at, done_at,
            snoozed_until, cadence_id, cadence_step, field_hlc)
          select (u.it ->> 'id')::uuid, team, f.prospect_id, f.assignee_id, f.title, f.note, f.channel, f.due_at, f.done_at,
            f.snoozed_until, f.cadence_id, f.cadence_step, private.hlc_map(u.it -> 'fields', u.it ->> 'hlc')
            from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
            cross join lateral jsonb_populate_record(null::public.follow_ups, u.it -> 'fields') f
           where u.kind = 'follow_up'
           order by u.o;

          insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, follow_up_id, engagement)
          select (u.it ->> 'id')::uuid, team, f.prospect_id, f.channel, coalesce(f.direction, 'out'), f.note,
            least(coalesce(f.occurred_at, private.hlc_time(u.it ->> 'hlc')), now()), f.follow_up_id, f.engagement
            from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
            cross join lateral jsonb_populate_record(null::public.touches, u.it -> 'fields') f
           where u.kind = 'touch'
           order by u.o;

          insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, note)
          select (u.it ->> 'id')::uuid, team, f.prospect_id, f.from_stage_id, f.to_stage_id,
            least(coalesce(f.changed_at, private.hlc_time(u.it ->> 'hlc')), now()), f.note
            from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
            cross join lateral jsonb_populate_record(null::public.stage_changes, u.it -> 'fields') f
           where u.kind = 'stage_change'
           order by u.o;

          for i in lo..hi loop
            if run_kinds[i - lo + 1] = 'dup' then
              results[i] := private.result((items[i] ->> 'mutation_id')::uuid, 'duplicate');
            elsif run_kinds[i - lo + 1] <> 'p_edit' then
              results[i] := private.result((items[i] ->> 'mutation_id')::uuid, 'applied');
            end if;
          end loop;
          applied := true;
        -- A row of the run was refused: nothing of the run stays; it is tried again in halves.
        exception when insufficient_privilege or integrity_constraint_violation or data_exception or raise_exception
                       or program_limit_exceeded then
          for i in lo..hi loop
            results[i] := null;
          end loop;
          cap := greatest((cut - p) / 2, 1);
          cap_until := cut - 1;
          continue;
        end;
      end if;
      if applied then
        p := cut;
        continue;
      end if;
      -- A short run, or the item at the cut: one by one.
      lo := p;
      hi := least(cut, q);
      if cut <= q then
        cuts := cuts + 1;
        if cuts > max_cuts then
          set_based := false;
        end if;
      end if;
    else
      lo := p;
      hi := p;
      while hi < n and hi - lo + 1 < chunk and not (set_based and plain[hi + 1]) loop
        hi := hi + 1;
      end loop;
    end if;

    -- One by one, as before: a range in one subtransaction; a range that hits an item error is
    -- rolled back and its items are applied again each in its own subtransaction, the bad ones
    -- reported as rejected. Only data, size and permission errors reject an item; anything else
    -- (deadlock, timeout, bug) aborts the call so the client retries the whole batch.
    begin
      for i in lo..hi loop
        results[i] := private.push_item(team, my_role, items[i], dup[i]);
      end loop;
    exception when insufficient_privilege or integrity_constraint_violation or data_exception or raise_exception
                   or program_limit_exceeded then
      for i in lo..hi loop
        begin
          results[i] := private.push_item(team, my_role, items[i], dup[i]);
        exception when insufficient_privilege or integrity_constraint_violation or data_exception or raise_exception
                       or program_limit_exceeded then
          get stacked diagnostics err_message = message_text, err_detail = pg_exception_detail,
                                  err_constraint = constraint_name;
          mid := (items[i] ->> 'mutation_id')::uuid;
          results[i] := case
            when sqlstate = '42501' then private.result(mid, 'rejected', 'forbidden', err_message)
            when sqlstate = '23505' then private.result(mid, 'rejected', 'conflict', err_message,
                                           case when err_detail ~* '^[0-9a-f-]{36}$' then err_detail::uuid end)
            when sqlstate = '23503' then private.result(mid, 'rejected', 'invalid', coalesce(
                                           substring(err_constraint from '_team_id_([a-z_]+)_fkey$') || ' refers to nothing in this team',
                                           err_message))
            else private.result(mid, 'rejected', 'invalid', left(err_message, 500))
          end;
        end;
      end loop;
    end;
    p := hi + 1;
  end loop;

  insert into private.applied_mutations (team_id, mutation_id, user_id)
  select team, (r ->> 'mutation_id')::uuid, uid from unnest(results) r where r ->> 'status' = 'applied';
  perform set_config('jalur.sync', '', true);
  return jsonb_build_object('results', to_jsonb(results));
end;
$$;
alter function public.sync_push(uuid, jsonb) set statement_timeout = '6s';

-- Replacing a function keeps its privileges; said again so this file reads whole.
revoke all on function public.sync_push(uuid, jsonb) from public, anon;
grant execute on function public.sync_push(uuid, jsonb) to authenticated, service_role;
