-- sync_push: one new row version per person per set-based run for all of the run's edits of that
-- person, one pass over the batch to classify it, and new people matched to their stage changes
-- without a quadratic join (issue "a year of a busy rep's pipeline", item 5: ≥ 20,000 mutations/s on
-- loopback). Replies, rows, clocks and idempotency are unchanged (98_push_fold_edits, 92_set_based_push).
--
-- Edits. A run applied its prospect edits in rounds: round r wrote the r-th edit of every person, so a
-- person edited k times in a batch got k new row versions (each a whole wide row with five index
-- entries, never HOT: change_seq is indexed for the pull), and every round after the first also checked
-- the row's four foreign keys again (a row this transaction already wrote is checked on every update).
-- In the extension's mix every touch comes with a score edit of its person. Now one UPDATE per run
-- writes each person once: every field takes the value of its last winning edit, where an edit wins a
-- field when its clock is later than the row's and than every earlier edit of the run that set it (on
-- the row's own clock, by value, as before): exactly what applying the edits one after the other gives,
-- and each edit's reply (applied or superseded) is the one it got then. Two cases keep the rounds: two
-- edits of one person in the run with the same clock (the tie is decided by the value in place, which
-- an earlier edit of the run may have written), and e-mails, owner or company set and overwritten in
-- the same run (those go through prospect_defaults, prospect_emails and keys per row version). A value
-- the run sets and then overwrites is still checked against prospects' checks and not-null columns
-- (a refused value sends the run to the halves and, in the end, the item to push_item, as before).
--
-- Classification. Whether an item was applied before (or repeats an earlier one) and whether its shape
-- lets it join a set-based run were two passes over the batch; they are one.
--
-- New people. A new person starts at the latest of their stage changes in the run; that join compared
-- each new person's id as an expression, cast again for every pair of a new person and a stage change
-- (84 × 112 in a batch of 500 of the mix). The id is a column before the join now.

-- ---- sync_push ----------------------------------------------------------------------------------
-- As in 20261206080000_push_idempotency_lookup.sql, except for the three changes above.
create or replace function public.sync_push(team_id uuid, changes jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
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
  -- The team's change cursor, drawn by a run's statements themselves (private.stamp's job elsewhere).
  seq regclass;
  first_open uuid;
  quick_ok boolean;
  -- Folding a run's edits of one person into one row version (below).
  fold_unsafe boolean;
  between_versions public.prospects[];
  between_check text;
  between_ok boolean;
begin
  my_role := private.member_role(team);
  if my_role is null then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;
  seq := ('private.team_seq_' || replace(team::text, '-', ''))::regclass;

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
  -- First a quick pass: casting an id to uuid and back gives its lower-cased text exactly when it
  -- has the pattern below (a pattern costs about three times as much per id); a value that does not
  -- cast ends the quick pass. Clocks: one pattern match for the whole batch. Only when it finds
  -- something does the detailed check run, to name the first bad item.
  begin
    select bool_and(coalesce(
             jsonb_typeof(e) = 'object'
             and jsonb_typeof(e -> 'mutation_id') = 'string'
             and (e ->> 'mutation_id')::uuid::text = lower((e ->> 'mutation_id') collate "C")
             and jsonb_typeof(e -> 'entity') = 'string' and jsonb_typeof(e -> 'op') = 'string'
             and jsonb_typeof(e -> 'id') = 'string'
             and (e ->> 'id')::uuid::text = lower((e ->> 'id') collate "C")
             and jsonb_typeof(e -> 'hlc') = 'string'
             and strpos(e ->> 'hlc', ' ') = 0
             and (not e ? 'fields' or jsonb_typeof(e -> 'fields') = 'object')
             and (e ->> 'op' is distinct from 'upsert' or e ? 'fields'), false))
           -- The clocks' pattern, matched once over all of them joined by spaces (none has a space, just
           -- checked, so each clock is exactly one of the joined parts): once per call, not per item.
           and string_agg(e ->> 'hlc', ' ') ~ '^[0-9]{15}-[0-9a-z]{6}-[A-Za-z0-9_-]{1,64}( [0-9]{15}-[0-9a-z]{6}-[A-Za-z0-9_-]{1,64})*$'
      into quick_ok
      from jsonb_array_elements(changes) as a(e);
  exception when invalid_text_representation then
    quick_ok := false;
  end;
  if not coalesce(quick_ok, true) then
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
  end if;

  -- Take the team's cursor lock now: before the mutation ids are looked up, so that two calls of
  -- the same team look up and record ids one after the other (a call that sends ids another call is
  -- applying right now waits for it and answers `duplicate`), and before any row is written, so a
  -- big batch never queues behind a writer while already holding row locks.
  perform pg_advisory_xact_lock(1246516562, hashtext(team::text));

  -- Each item; whether it was applied before or repeats an earlier item of this batch; and whether
  -- its shape lets it join a set-based run (the database decides the rest, per run): one pass over
  -- the batch (two before). Whether the team applied a mutation id before is a scalar subquery: one
  -- primary-key probe per id (every id is a uuid string by now). As a correlated EXISTS, or as a
  -- join, the planner could hash every id the team had applied, on every call.
  -- A reference must be a uuid string, so that the run checks can compare it without a failing cast:
  -- checked by casting it and comparing the text (cheaper than a pattern); a string that does not
  -- cast at all ends this pass, and then the batch goes one by one, which answers and writes exactly
  -- the same (92_set_based_push).
  begin
    select coalesce(array_agg(d.e order by d.o), '{}'), coalesce(array_agg(d.dup order by d.o), '{}'),
           coalesce(array_agg(d.dup or (
             d.e ->> 'op' = 'upsert'
             and to_timestamp(left(d.e ->> 'hlc', 15)::bigint / 1000.0) <= now() + interval '1 hour'
             and case d.e ->> 'entity'
               when 'prospect' then
                 (d.e -> 'fields') - '{name,headline,title,company,location,photo_url,linkedin_url,linkedin_slug,emails,
                   source,temperature_override,score,score_breakdown,mql_at,sql_at,sql_checklist,deal_value,currency,
                   expected_close,owner_id,lost_reason,stage_id,score_adjustment,cadence_enrolment,linkedin_member_id,
                   company_id}'::text[] = '{}'::jsonb
                 and (not (d.e -> 'fields') ? 'company_id' or jsonb_typeof(d.e -> 'fields' -> 'company_id') = 'null'
                      or (jsonb_typeof(d.e -> 'fields' -> 'company_id') = 'string'
                          and (d.e -> 'fields' ->> 'company_id')::uuid::text = lower((d.e -> 'fields' ->> 'company_id') collate "C")))
               when 'touch' then
                 (d.e -> 'fields') - '{prospect_id,channel,direction,note,occurred_at,follow_up_id,engagement}'::text[] = '{}'::jsonb
                 and jsonb_typeof(d.e -> 'fields' -> 'channel') = 'string'
                 and jsonb_typeof(d.e -> 'fields' -> 'prospect_id') = 'string'
                 and (d.e -> 'fields' ->> 'prospect_id')::uuid::text = lower((d.e -> 'fields' ->> 'prospect_id') collate "C")
                 and (coalesce(jsonb_typeof(d.e -> 'fields' -> 'follow_up_id'), 'null') = 'null'
                      or (jsonb_typeof(d.e -> 'fields' -> 'follow_up_id') = 'string'
                          and (d.e -> 'fields' ->> 'follow_up_id')::uuid::text = lower((d.e -> 'fields' ->> 'follow_up_id') collate "C")))
               when 'stage_change' then
                 (d.e -> 'fields') - '{prospect_id,from_stage_id,to_stage_id,changed_at,note}'::text[] = '{}'::jsonb
                 and jsonb_typeof(d.e -> 'fields' -> 'to_stage_id') = 'string'
                 and jsonb_typeof(d.e -> 'fields' -> 'prospect_id') = 'string'
                 and (d.e -> 'fields' ->> 'prospect_id')::uuid::text = lower((d.e -> 'fields' ->> 'prospect_id') collate "C")
               when 'follow_up' then
                 (d.e -> 'fields') - '{prospect_id,assignee_id,title,note,channel,due_at,done_at,snoozed_until,cadence_id,
                   cadence_step}'::text[] = '{}'::jsonb
                 and jsonb_typeof(d.e -> 'fields' -> 'title') = 'string'
                 and jsonb_typeof(d.e -> 'fields' -> 'due_at') = 'string'
                 and jsonb_typeof(d.e -> 'fields' -> 'prospect_id') = 'string'
                 and (d.e -> 'fields' ->> 'prospect_id')::uuid::text = lower((d.e -> 'fields' ->> 'prospect_id') collate "C")
               else false
             end) order by d.o), '{}')
      into items, dup, plain
      from (select a.o, a.e,
                   row_number() over (partition by (a.e ->> 'mutation_id')::uuid order by a.o) > 1
                   or (select true from private.applied_mutations am
                        where am.team_id = team and am.mutation_id = (a.e ->> 'mutation_id')::uuid) is not null as dup
              from jsonb_array_elements(changes) with ordinality as a(e, o)) d;
  exception when invalid_text_representation then
    select coalesce(array_agg(d.e order by d.o), '{}'), coalesce(array_agg(d.dup order by d.o), '{}')
      into items, dup
      from (select a.o, a.e,
                   row_number() over (partition by (a.e ->> 'mutation_id')::uuid order by a.o) > 1
                   or (select true from private.applied_mutations am
                        where am.team_id = team and am.mutation_id = (a.e ->> 'mutation_id')::uuid) is not null as dup
              from jsonb_array_elements(changes) with ordinality as a(e, o)) d;
    plain := array_fill(false, array[n]);
  end;
  results := array_fill(null::jsonb, array[n]);

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
          -- The per-row triggers of the four tables step aside for these statements (their WHEN
          -- conditions: current_user is jalur_apply and this flag is on), so the statements do their
          -- work, set-wise: stamp the change cursor and times, default, normalise, redirect, check.
          perform set_config('jalur.apply_run', 'on', true);

          -- What those triggers would refuse, for the whole run at once: an erased id coming back
          -- (refuse_erased), an owner who is not a live member (prospect_defaults), a new person's
          -- stage that is not the team's, a move into a deleted stage (guard_stage_change). Any of
          -- them sends the run to the halves and, in the end, the item to push_item and its triggers.
          if exists (
               select 1
                 from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) as u(it, kind)
                where (u.kind = 'p_new'
                       and ((select true from public.erasures e where e.id = (u.it ->> 'id')::uuid) is not null
                            or ((u.it -> 'fields' ->> 'owner_id') is not null
                                and (u.it -> 'fields' ->> 'owner_id')::uuid <> uid
                                and (select true from public.team_members m
                                      where m.team_id = team and m.user_id = (u.it -> 'fields' ->> 'owner_id')::uuid
                                        and m.deleted_at is null) is null)
                            or ((u.it -> 'fields' ->> 'stage_id') is not null
                                and (select true from public.stages s
                                      where s.id = (u.it -> 'fields' ->> 'stage_id')::uuid and s.team_id = team) is null)))
                   or (u.kind = 'stage_change'
                       and (select true from public.stages s
                             where s.id = (u.it -> 'fields' ->> 'to_stage_id')::uuid and s.deleted_at is not null) is not null)) then
            raise exception using errcode = '22023', message = 'a row of this run needs the one-by-one path';
          end if;

          -- A new person starts in the team's first open stage unless told otherwise (prospect_defaults).
          select s.id into first_open
            from public.stages s
           where s.team_id = team and s.kind = 'open' and s.deleted_at is null
           order by s.position, s.key
           limit 1;

          -- New prospects. Columns and defaults as in push_prospect and prospect_defaults; the company
          -- link as in push_prospect_company (its clock is the item's, like every field of a new row).
          -- A person whose stage changes in this run starts at the latest of those changes by
          -- (changed_at, id), which is where apply_stage_change would move them right after: one row
          -- version instead of two.
          insert into public.prospects (id, team_id, name, headline, title, company, location, photo_url, linkedin_url,
            linkedin_slug, emails, source, temperature_override, score, score_breakdown, mql_at, sql_at, sql_checklist,
            deal_value, currency, expected_close, owner_id, lost_reason, stage_id, stage_entered_at, stage_change_id,
            score_adjustment, cadence_enrolment, linkedin_member_id, company_id, field_hlc, change_seq, created_at, updated_at)
          select u.rid, team, f.name, f.headline, f.title, f.company, f.location, f.photo_url, f.linkedin_url,
            nullif(lower(btrim(f.linkedin_slug)), ''),
            case when cardinality(f.emails) > 0 then coalesce((
              select array_agg(d.e order by d.first_pos)
                from (select lower(btrim(x)) as e, min(ord) as first_pos
                        from unnest(f.emails) with ordinality as v(x, ord)
                       where btrim(coalesce(x, '')) <> ''
                       group by 1) d), '{}') else '{}' end,
            f.source, f.temperature_override, coalesce(f.score, 0),
            coalesce(f.score_breakdown, '[]'), f.mql_at, f.sql_at, coalesce(f.sql_checklist, '{}'), f.deal_value,
            f.currency, f.expected_close, coalesce(f.owner_id, uid), f.lost_reason,
            coalesce(sc.to_stage_id, f.stage_id, first_open), coalesce(sc.changed_at, now()), sc.id,
            coalesce(f.score_adjustment, 0), f.cadence_enrolment, f.linkedin_member_id, f.company_id,
            (select coalesce(jsonb_object_agg(k, u.it ->> 'hlc'), '{}') from jsonb_object_keys(u.it -> 'fields') k), nextval(seq), now(), now()
            -- The person's id is a column before the join (compared as an expression, it was cast again
            -- for every pair of a new person and a stage change: quadratic in the run).
            from (select v.o, v.it, (v.it ->> 'id')::uuid as rid
                    from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as v(it, kind, o)
                   where v.kind = 'p_new' offset 0) u
            cross join lateral jsonb_populate_record(null::public.prospects, u.it -> 'fields') f
            left join (
              select distinct on (c.prospect_id) c.prospect_id, c.id, c.to_stage_id, c.changed_at
                from (select (v.it ->> 'id')::uuid as id, (v.it -> 'fields' ->> 'prospect_id')::uuid as prospect_id,
                             (v.it -> 'fields' ->> 'to_stage_id')::uuid as to_stage_id,
                             least(coalesce((v.it -> 'fields' ->> 'changed_at')::timestamptz, to_timestamp(left(v.it ->> 'hlc', 15)::bigint / 1000.0)),
                                   now()) as changed_at
                        from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) as v(it, kind)
                       where v.kind = 'stage_change') c
               order by c.prospect_id, c.changed_at desc, c.id desc) sc on sc.prospect_id = u.rid
           order by u.o;

          -- Prospect edits: all the edits of one person in this run become one new row version. Each
          -- field ends with the value of its last winning edit, where an edit wins a field when its
          -- clock is later than the row's and than every earlier edit of the run that set the field (on
          -- the row's own clock, by value, as merge_winners does): what applying them one after the
          -- other gives, and each edit's reply (applied, or superseded) is what it got then. That holds
          -- when no two edits of one person in the run share a clock, and when no value the run sets and
          -- then overwrites goes through a trigger or a key (e-mails, owner, company: prospect_defaults,
          -- prospect_emails, the keys to members and companies); otherwise the run applies its edits in
          -- rounds as before (round r: the r-th edit of each person). A value set and overwritten in the
          -- run is still checked against the table's checks below, as its own row version would be.
          select coalesce(max(c.cnt), 0), coalesce(bool_or(c.cnt > 1 and (c.clocks < c.cnt or c.keyed)), false)
            into rounds, fold_unsafe
            from (select count(*) as cnt, count(distinct u.it ->> 'hlc') as clocks,
                         bool_or((u.it -> 'fields') ?| '{emails,owner_id,company_id}') as keyed
                    from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) as u(it, kind)
                   where u.kind = 'p_edit' group by (u.it ->> 'id')::uuid) c;
          if rounds > 0 and not fold_unsafe then
            with y as materialized (
              -- The edits and their rows as they are (the id a column before the join, so that each row
              -- is one index probe).
              select e.pos, e.o, cur.id as rid, e.hlc, e.f, cur
                from (select lo - 1 + u.o as pos, u.o, (u.it ->> 'id')::uuid as rid, u.it ->> 'hlc' as hlc, u.it -> 'fields' as f
                        from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
                       where u.kind = 'p_edit' offset 0) e
                join public.prospects cur on cur.id = e.rid
            ), fv as (
              -- Each field of each edit; the row's clock for it (and its value, only on a tie); the latest
              -- clock an earlier edit of this run gave it.
              select y.pos, y.o, y.rid, y.hlc, m.key, m.value, (y.cur).field_hlc ->> m.key as cur_hlc,
                     case when y.hlc = (y.cur).field_hlc ->> m.key then coalesce(to_jsonb(y.cur) -> m.key, 'null'::jsonb) end as cur_value,
                     max(y.hlc collate "C") over (partition by y.rid, m.key order by y.o
                                                  rows between unbounded preceding and 1 preceding) as before_hlc
                from y cross join lateral jsonb_each(y.f - 'stage_id') m
            ), fw as materialized (
              select fv.pos, fv.o, fv.rid, fv.hlc, fv.key, fv.value,
                     fv.hlc collate "C" > greatest(coalesce(fv.cur_hlc, '') collate "C", coalesce(fv.before_hlc, '') collate "C")
                     or (fv.hlc = fv.cur_hlc and (fv.before_hlc is null or fv.before_hlc collate "C" < fv.hlc collate "C")
                         and fv.value::text collate "C" > fv.cur_value::text collate "C") as wins
                from fv
            ), fin as materialized (
              -- What each row ends with: each field's last winner in the run.
              select distinct on (fw.rid, fw.key) fw.rid, fw.key, fw.value, fw.hlc, fw.pos
                from fw
               where fw.wins
               order by fw.rid, fw.key, fw.o desc
            ), x as (
              select fin.rid, jsonb_object_agg(fin.key, fin.value) as win, jsonb_object_agg(fin.key, fin.hlc) as hlcs
                from fin
               group by fin.rid
            ), sc as (
              -- Each person's latest stage change in this run by (changed_at, id), as the new people's
              -- insert and the stage moves below take it: an edited person moves in the same row version
              -- (the moves below then find them in place).
              select distinct on (c.prospect_id) c.prospect_id, c.id, c.to_stage_id, c.changed_at
                from (select (v.it ->> 'id')::uuid as id, (v.it -> 'fields' ->> 'prospect_id')::uuid as prospect_id,
                             (v.it -> 'fields' ->> 'to_stage_id')::uuid as to_stage_id,
                             least(coalesce((v.it -> 'fields' ->> 'changed_at')::timestamptz, to_timestamp(left(v.it ->> 'hlc', 15)::bigint / 1000.0)),
                                   now()) as changed_at
                        from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) as v(it, kind)
                       where v.kind = 'stage_change') c
               order by c.prospect_id, c.changed_at desc, c.id desc
            ), changed as (
              -- Only the winning fields change: each column is the run's value when it won, else as it is.
              update public.prospects t
                 set
                     name = case when x.win ? 'name' then (x.r).name else t.name end,
                     headline = case when x.win ? 'headline' then (x.r).headline else t.headline end,
                     title = case when x.win ? 'title' then (x.r).title else t.title end,
                     company = case when x.win ? 'company' then (x.r).company else t.company end,
                     location = case when x.win ? 'location' then (x.r).location else t.location end,
                     photo_url = case when x.win ? 'photo_url' then (x.r).photo_url else t.photo_url end,
                     linkedin_url = case when x.win ? 'linkedin_url' then (x.r).linkedin_url else t.linkedin_url end,
                     linkedin_slug = case when x.win ? 'linkedin_slug' then (x.r).linkedin_slug else t.linkedin_slug end,
                     emails = case when x.win ? 'emails' then (x.r).emails else t.emails end,
                     source = case when x.win ? 'source' then (x.r).source else t.source end,
                     temperature_override = case when x.win ? 'temperature_override' then (x.r).temperature_override else t.temperature_override end,
                     score = case when x.win ? 'score' then (x.r).score else t.score end,
                     score_breakdown = case when x.win ? 'score_breakdown' then (x.r).score_breakdown else t.score_breakdown end,
                     mql_at = case when x.win ? 'mql_at' then (x.r).mql_at else t.mql_at end,
                     sql_at = case when x.win ? 'sql_at' then (x.r).sql_at else t.sql_at end,
                     sql_checklist = case when x.win ? 'sql_checklist' then (x.r).sql_checklist else t.sql_checklist end,
                     deal_value = case when x.win ? 'deal_value' then (x.r).deal_value else t.deal_value end,
                     currency = case when x.win ? 'currency' then (x.r).currency else t.currency end,
                     expected_close = case when x.win ? 'expected_close' then (x.r).expected_close else t.expected_close end,
                     owner_id = case when x.win ? 'owner_id' then (x.r).owner_id else t.owner_id end,
                     lost_reason = case when x.win ? 'lost_reason' then (x.r).lost_reason else t.lost_reason end,
                     score_adjustment = case when x.win ? 'score_adjustment' then (x.r).score_adjustment else t.score_adjustment end,
                     cadence_enrolment = case when x.win ? 'cadence_enrolment' then (x.r).cadence_enrolment else t.cadence_enrolment end,
                     linkedin_member_id = case when x.win ? 'linkedin_member_id' then (x.r).linkedin_member_id else t.linkedin_member_id end,
                     company_id = case when x.win ? 'company_id' then (x.r).company_id else t.company_id end,
                     field_hlc = t.field_hlc || x.hlcs,
                     -- The person's latest stage change of the run when it is later than the one in place
                     -- (not for a merged-away person: theirs go to the survivor, below).
                     stage_id = case when x.stage_change is not null and t.merged_into is null
                                          and (t.stage_change_id is null or (t.stage_entered_at, t.stage_change_id) < (x.changed_at, x.stage_change))
                                     then x.to_stage_id else t.stage_id end,
                     stage_entered_at = case when x.stage_change is not null and t.merged_into is null
                                          and (t.stage_change_id is null or (t.stage_entered_at, t.stage_change_id) < (x.changed_at, x.stage_change))
                                     then x.changed_at else t.stage_entered_at end,
                     stage_change_id = case when x.stage_change is not null and t.merged_into is null
                                          and (t.stage_change_id is null or (t.stage_entered_at, t.stage_change_id) < (x.changed_at, x.stage_change))
                                     then x.stage_change else t.stage_change_id end,
                     change_seq = nextval(seq), updated_at = now()
                from (select x.rid, jsonb_populate_record(null::public.prospects, x.win) as r, x.win, x.hlcs,
                             sc.id as stage_change, sc.to_stage_id, sc.changed_at
                        from x
                        left join sc on sc.prospect_id = x.rid
                      offset 0) x
               where t.id = x.rid
              returning t.id
            ), ew as (
              -- Each edit's reply; the company link's when the edit carries one (push_item's rule).
              select y.pos,
                     case when y.f ? 'company_id' then not coalesce(bool_or(fw.wins) filter (where fw.key = 'company_id'), false)
                          else not coalesce(bool_or(fw.wins) filter (where fw.key <> 'company_id'), false) end as superseded
                from y
                left join fw on fw.pos = y.pos
               group by y.pos, y.f
            ), between_rows as (
              -- Values the run set and then overwrote: each such edit's row as it stood after it (on the
              -- row before the run: every check of these fields is about one column).
              select jsonb_populate_record(y.cur, m.won) as r
                from (select fw.pos, jsonb_object_agg(fw.key, fw.value) as won
                        from fw
                       where fw.wins
                         and not exists (select 1 from fin where fin.rid = fw.rid and fin.key = fw.key and fin.pos = fw.pos)
                       group by fw.pos) m
                join y on y.pos = m.pos
            )
            select (select count(*) from changed), (select count(*) from x), array_agg(ew.pos), array_agg(ew.superseded),
                   (select array_agg(b.r) from between_rows b)
              into got, want, run_pos, run_superseded, between_versions
              from ew;
            if got <> want then
              raise exception using errcode = '42501', message = 'you may not change this prospect';
            end if;
            if cardinality(between_versions) > 0 then
              -- The table's checks and not-null columns, over those rows (built once per call).
              if between_check is null then
                select format('select coalesce(bool_and(%s), true) from unnest($1) as t',
                              coalesce(string_agg(c.expr, ' and '), 'true'))
                  into between_check
                  from (select format('coalesce(%s, true)', pg_catalog.pg_get_expr(k.conbin, k.conrelid)) as expr
                          from pg_catalog.pg_constraint k
                         where k.conrelid = 'public.prospects'::regclass and k.contype = 'c'
                        union all
                        select format('%I is not null', a.attname)
                          from pg_catalog.pg_attribute a
                         where a.attrelid = 'public.prospects'::regclass and a.attnum > 0 and a.attnotnull
                           and not a.attisdropped) c;
              end if;
              execute between_check into between_ok using between_versions;
              if not between_ok then
                raise exception using errcode = '23514', message = 'an edit this run overwrites breaks a check of prospects';
              end if;
            end if;
            for i in 1..coalesce(cardinality(run_pos), 0) loop
              -- private.result, inline
              results[run_pos[i]] := case when run_superseded[i]
                then jsonb_build_object('mutation_id', (items[run_pos[i]] ->> 'mutation_id')::uuid, 'status', 'applied',
                                        'code', 'superseded', 'reason', 'newer values were already in place')
                else jsonb_build_object('mutation_id', (items[run_pos[i]] ->> 'mutation_id')::uuid, 'status', 'applied') end;
            end loop;
          elsif rounds > 0 then
            for round_no in 1..rounds loop
              with e as (
                select y.pos, y.hlc, y.f, cur,
                       -- private.merge_winners, inline (a function call per edit, and the row as jsonb only for a tie)
                       (select coalesce(jsonb_object_agg(m.key, m.value), '{}')
                          from jsonb_each(y.f - '{stage_id,company_id}'::text[]) m
                         where y.hlc collate "C" > coalesce(cur.field_hlc ->> m.key, '') collate "C"
                            or (y.hlc = cur.field_hlc ->> m.key
                                and m.value::text collate "C" > coalesce(to_jsonb(cur) -> m.key, 'null'::jsonb)::text collate "C")) as win_main,
                       case when y.f ? 'company_id' then
                         (select coalesce(jsonb_object_agg(m.key, m.value), '{}')
                          from jsonb_each(jsonb_build_object('company_id', y.f -> 'company_id')) m
                         where y.hlc collate "C" > coalesce(cur.field_hlc ->> m.key, '') collate "C"
                            or (y.hlc = cur.field_hlc ->> m.key
                                and m.value::text collate "C" > coalesce(to_jsonb(cur) -> m.key, 'null'::jsonb)::text collate "C"))
                       end as win_company
                  from (select lo - 1 + u.o as pos, (u.it ->> 'id')::uuid as rid, u.it ->> 'hlc' as hlc, u.it -> 'fields' as f,
                               row_number() over (partition by (u.it ->> 'id')::uuid order by u.o) as rnd
                          from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
                         where u.kind = 'p_edit') y
                  join public.prospects cur on cur.id = y.rid
                 where y.rnd = round_no
              ), w as materialized (
                select e.pos, e.hlc, (e.cur).id as rid, e.win_main || coalesce(e.win_company, '{}') as win,
                       -- The reply is the company link's when the edit carries one (push_item's rule).
                       case when e.f ? 'company_id' then e.win_company = '{}' else e.win_main = '{}' end as superseded
                  from e
              ), changed as (
                -- Only the winning fields change: each column is the edit's value when it won, else as it is
                -- (a record built from the winners alone; filling it from the whole current row cost more).
                update public.prospects t
                   set
                     name = case when x.win ? 'name' then (x.r).name else t.name end,
                     headline = case when x.win ? 'headline' then (x.r).headline else t.headline end,
                     title = case when x.win ? 'title' then (x.r).title else t.title end,
                     company = case when x.win ? 'company' then (x.r).company else t.company end,
                     location = case when x.win ? 'location' then (x.r).location else t.location end,
                     photo_url = case when x.win ? 'photo_url' then (x.r).photo_url else t.photo_url end,
                     linkedin_url = case when x.win ? 'linkedin_url' then (x.r).linkedin_url else t.linkedin_url end,
                     linkedin_slug = case when x.win ? 'linkedin_slug' then (x.r).linkedin_slug else t.linkedin_slug end,
                     emails = case when x.win ? 'emails' then (x.r).emails else t.emails end,
                     source = case when x.win ? 'source' then (x.r).source else t.source end,
                     temperature_override = case when x.win ? 'temperature_override' then (x.r).temperature_override else t.temperature_override end,
                     score = case when x.win ? 'score' then (x.r).score else t.score end,
                     score_breakdown = case when x.win ? 'score_breakdown' then (x.r).score_breakdown else t.score_breakdown end,
                     mql_at = case when x.win ? 'mql_at' then (x.r).mql_at else t.mql_at end,
                     sql_at = case when x.win ? 'sql_at' then (x.r).sql_at else t.sql_at end,
                     sql_checklist = case when x.win ? 'sql_checklist' then (x.r).sql_checklist else t.sql_checklist end,
                     deal_value = case when x.win ? 'deal_value' then (x.r).deal_value else t.deal_value end,
                     currency = case when x.win ? 'currency' then (x.r).currency else t.currency end,
                     expected_close = case when x.win ? 'expected_close' then (x.r).expected_close else t.expected_close end,
                     owner_id = case when x.win ? 'owner_id' then (x.r).owner_id else t.owner_id end,
                     lost_reason = case when x.win ? 'lost_reason' then (x.r).lost_reason else t.lost_reason end,
                     score_adjustment = case when x.win ? 'score_adjustment' then (x.r).score_adjustment else t.score_adjustment end,
                     cadence_enrolment = case when x.win ? 'cadence_enrolment' then (x.r).cadence_enrolment else t.cadence_enrolment end,
                     linkedin_member_id = case when x.win ? 'linkedin_member_id' then (x.r).linkedin_member_id else t.linkedin_member_id end,
                     company_id = case when x.win ? 'company_id' then (x.r).company_id else t.company_id end,
                       field_hlc = t.field_hlc || (select jsonb_object_agg(k, x.hlc) from jsonb_object_keys(x.win) k),
                       change_seq = nextval(seq), updated_at = now()
                  from (select w.rid, jsonb_populate_record(null::public.prospects, w.win) as r, w.win, w.hlc
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
                -- private.result, inline
                results[run_pos[i]] := case when run_superseded[i]
                  then jsonb_build_object('mutation_id', (items[run_pos[i]] ->> 'mutation_id')::uuid, 'status', 'applied',
                                          'code', 'superseded', 'reason', 'newer values were already in place')
                  else jsonb_build_object('mutation_id', (items[run_pos[i]] ->> 'mutation_id')::uuid, 'status', 'applied') end;
              end loop;
            end loop;
          end if;

          -- New follow-ups, touches and stage changes, as in push_follow_up, push_touch and
          -- push_stage_change, with what follow_merge (a merged person's rows go to the survivor),
          -- follow_up_defaults (the assignee) and stamp did per row.
          insert into public.follow_ups (id, team_id, prospect_id, assignee_id, title, note, channel, due_at, done_at,
            snoozed_until, cadence_id, cadence_step, field_hlc, change_seq, created_at, updated_at)
          select (u.it ->> 'id')::uuid, team,
            coalesce((select p.merged_into from public.prospects p where p.id = f.prospect_id and p.team_id = team), f.prospect_id),
            coalesce(f.assignee_id, uid), f.title, f.note, f.channel, f.due_at, f.done_at,
            f.snoozed_until, f.cadence_id, f.cadence_step, (select coalesce(jsonb_object_agg(k, u.it ->> 'hlc'), '{}') from jsonb_object_keys(u.it -> 'fields') k),
            nextval(seq), now(), now()
            from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
            cross join lateral jsonb_populate_record(null::public.follow_ups, u.it -> 'fields') f
           where u.kind = 'follow_up'
           order by u.o;

          insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, follow_up_id, engagement,
            change_seq, created_at, updated_at)
          select (u.it ->> 'id')::uuid, team,
            coalesce((select p.merged_into from public.prospects p where p.id = f.prospect_id and p.team_id = team), f.prospect_id),
            f.channel, coalesce(f.direction, 'out'), f.note,
            least(coalesce(f.occurred_at, to_timestamp(left(u.it ->> 'hlc', 15)::bigint / 1000.0)), now()), f.follow_up_id, f.engagement,
            nextval(seq), now(), now()
            from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
            cross join lateral jsonb_populate_record(null::public.touches, u.it -> 'fields') f
           where u.kind = 'touch'
           order by u.o;

          -- Stage changes, then what apply_stage_change did per statement: each prospect they are
          -- about moves to the latest one by (changed_at, id) if it is later than the one in place
          -- (people created in this run are already there).
          with ins as (
            insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, note,
              change_seq, created_at, updated_at)
            select (u.it ->> 'id')::uuid, team,
              coalesce((select p.merged_into from public.prospects p where p.id = f.prospect_id and p.team_id = team), f.prospect_id),
              f.from_stage_id, f.to_stage_id,
              least(coalesce(f.changed_at, to_timestamp(left(u.it ->> 'hlc', 15)::bigint / 1000.0)), now()), f.note,
              nextval(seq), now(), now()
              from unnest(items[lo:hi], run_kinds[1:hi - lo + 1]) with ordinality as u(it, kind, o)
              cross join lateral jsonb_populate_record(null::public.stage_changes, u.it -> 'fields') f
             where u.kind = 'stage_change'
             order by u.o
            returning prospect_id, id, to_stage_id, changed_at
          )
          update public.prospects p
             set stage_id = l.to_stage_id, stage_entered_at = l.changed_at, stage_change_id = l.id,
                 change_seq = nextval(seq), updated_at = now()
            from (select distinct on (i.prospect_id) i.prospect_id, i.id, i.to_stage_id, i.changed_at
                    from ins i
                   order by i.prospect_id, i.changed_at desc, i.id desc) l
           where p.id = l.prospect_id
             and (p.stage_change_id is null or (p.stage_entered_at, p.stage_change_id) < (l.changed_at, l.id));

          for i in lo..hi loop
            if run_kinds[i - lo + 1] = 'dup' then
              results[i] := jsonb_build_object('mutation_id', (items[i] ->> 'mutation_id')::uuid, 'status', 'duplicate');
            elsif run_kinds[i - lo + 1] <> 'p_edit' then
              results[i] := jsonb_build_object('mutation_id', (items[i] ->> 'mutation_id')::uuid, 'status', 'applied');
            end if;
          end loop;
          perform set_config('jalur.apply_run', '', true);
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
-- Runs as jalur_apply (the marker; see 20261206040000_apply_role.sql).
alter function public.sync_push(uuid, jsonb) owner to jalur_apply;

-- Replacing a function keeps its privileges; said again so this file reads whole.
revoke all on function public.sync_push(uuid, jsonb) from public, anon;
grant execute on function public.sync_push(uuid, jsonb) to authenticated, service_role;
