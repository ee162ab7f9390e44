-- Jalur: team-scoped sales pipeline (DESIGN.md §1, §3, §5).
--
-- Every synced table carries team_id, a client-generated uuid id, created_at/updated_at kept by
-- triggers, a deleted_at tombstone (except append-only history) and change_seq, the pull cursor.
-- Row-level security and grants are in the next migration, the RPC API after that.

create schema if not exists private;
comment on schema private is 'Jalur internals: helpers, trigger functions and bookkeeping. Not exposed by PostgREST.';
revoke all on schema private from public;
-- Check constraints, generated columns and invoker triggers call these helpers as the writing
-- role, so API roles need EXECUTE; PUBLIC gets nothing. Definer functions that must stay
-- internal revoke it explicitly.
alter default privileges in schema private revoke execute on functions from public;
alter default privileges in schema private grant execute on functions to authenticated, service_role;

create type public.team_role as enum ('owner', 'admin', 'rep');
create type public.stage_kind as enum ('open', 'won', 'lost');
create type public.prospect_source as enum (
  'cold_call', 'cold_email', 'social_selling',
  'inbound_form', 'content_download', 'chatbot', 'social_engagement', 'referral', 'event', 'email'
);
create type public.temperature as enum ('cold', 'warm');
create type public.touch_channel as enum (
  'linkedin_message', 'connection_request', 'email', 'call', 'meeting', 'note'
);
create type public.touch_direction as enum ('out', 'in');

-- The pull cursor. CACHE must stay 1: with a per-session cache two sessions would hand out numbers
-- out of order, and the ordering argument in private.stamp() relies on nextval being called
-- in lock order.
create sequence private.change_seq as bigint cache 1;

-- ---------------------------------------------------------------------------------------------
-- Cadence steps are validated by a function; other checks are plain expressions, which are far
-- cheaper per row than a function call.

create function private.valid_cadence_steps(steps jsonb) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select jsonb_typeof(steps) = 'array'
     and jsonb_array_length(steps) <= 50
     and coalesce((
       select bool_and(
                jsonb_typeof(s) = 'object'
                and jsonb_typeof(s -> 'day') = 'number'
                and (s ->> 'day') ~ '^[0-9]{1,3}$'
                and (s ->> 'day')::int <= 365
                and (s ->> 'channel') in ('linkedin_message', 'connection_request', 'email', 'call', 'meeting', 'note')
                and (not s ? 'note' or (jsonb_typeof(s -> 'note') = 'string' and char_length(s ->> 'note') <= 2000))
              )
       from jsonb_array_elements(case when jsonb_typeof(steps) = 'array' then steps else '[]' end) s
     ), true)
$$;


-- ---------------------------------------------------------------------------------------------
-- Tables
--
-- A note on indexes. Composite foreign keys (team_id, x_id) keep every reference inside one
-- team; they are checked with "where team_id = $1 and id = $2". A team's first big import runs
-- before the planner has statistics for that team, and then any index that starts with team_id
-- looks as good as the key, turning each check into a scan of the team and a batch into O(n²).
-- So the unique keys are (id, team_id), other lookups lead with their own column, and the pull
-- indexes are partial on "change_seq > 0", which only sync_pull's queries state.

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null default 0
);

create table public.team_members (
  team_id uuid not null references public.teams (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.team_role not null default 'rep',
  -- Copied from the member's own auth profile when they join, so teammates can show names
  -- without anyone reading auth.users.
  display_name text check (char_length(display_name) <= 120),
  email text check (char_length(email) <= 254),
  joined_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  primary key (team_id, user_id)
);
create index team_members_user_live on public.team_members (user_id, team_id) where deleted_at is null;
create index team_members_pull on public.team_members (team_id, change_seq) where change_seq > 0;

create table public.team_settings (
  team_id uuid primary key references public.teams (id) on delete cascade,
  -- Owned by the extension's scoring module (lib/pipeline); '{}' means "built-in defaults".
  scoring_rules jsonb not null default '{}' check (jsonb_typeof(scoring_rules) = 'object'),
  mql_threshold numeric(5, 2) not null default 50 check (mql_threshold between 0 and 100),
  -- e.g. {"2025-Q4": {"value": 250000, "currency": "IDR"}}; shape owned by the insights view.
  targets jsonb not null default '{}' check (jsonb_typeof(targets) = 'object'),
  default_currency text not null default 'USD' check (default_currency ~ '^[A-Z]{3}$'),
  field_hlc jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null default 0
);
create index team_settings_pull on public.team_settings (team_id, change_seq) where change_seq > 0;

create table public.stages (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  key text not null check (key ~ '^[a-z0-9_-]{1,40}$'),
  -- null: a default stage the team has not renamed; clients show the localised name for the key.
  name text check (char_length(btrim(name)) between 1 and 60),
  position integer not null default 0,
  kind public.stage_kind not null default 'open',
  win_probability numeric(5, 2) not null default 0 check (win_probability between 0 and 100),
  -- Days without a touch after which an open-stage prospect counts as gone dark; null = never.
  stale_days integer check (stale_days between 1 and 3650),
  field_hlc jsonb not null default '{}',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  unique (id, team_id)
);
create unique index stages_team_key_live on public.stages (team_id, key) where deleted_at is null;
create index stages_pull on public.stages (team_id, change_seq) where change_seq > 0;

create table public.cadences (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  description text check (char_length(description) <= 2000),
  -- [{"day": 0, "channel": "connection_request", "note": "template"}, ...]
  steps jsonb not null default '[]' check (private.valid_cadence_steps(steps)),
  field_hlc jsonb not null default '{}',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  unique (id, team_id)
);
create index cadences_pull on public.cadences (team_id, change_seq) where change_seq > 0;

create table public.prospects (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  headline text check (char_length(headline) <= 400),
  title text check (char_length(title) <= 200),
  company text check (char_length(company) <= 200),
  location text check (char_length(location) <= 200),
  photo_url text check (photo_url ~ '^https://[^[:space:]]+$' and char_length(photo_url) <= 2048),
  linkedin_url text check (linkedin_url ~ '^https://[^[:space:]]+$' and char_length(linkedin_url) <= 2048),
  -- Identity keys (DESIGN.md §3), normalised by trigger; unique per team among live prospects.
  linkedin_slug text check (char_length(linkedin_slug) between 1 and 200 and linkedin_slug = lower(linkedin_slug) and linkedin_slug !~ '[/?#[:space:]]'),
  -- Each address lower-case, without blanks, local@domain.tld; at most 20. Checked on the joined
  -- list so that it stays one expression.
  emails text[] not null default '{}' check (
    cardinality(emails) <= 20 and array_position(emails, null) is null and emails::text = lower(emails::text)
    and (cardinality(emails) = 0
         or array_to_string(emails, ' ') ~ '^[^@[:space:]]{1,64}@[^@[:space:]]+\.[^@[:space:]]{1,63}( [^@[:space:]]{1,64}@[^@[:space:]]+\.[^@[:space:]]{1,63})*$')),
  source public.prospect_source not null,
  -- Temperature follows the source (DESIGN.md §1) unless a rep overrides it. Generated rather than
  -- kept by a trigger so it stays a pure function of two independently merged fields: writers
  -- applied in any order end with the same value.
  temperature_override public.temperature,
  temperature public.temperature not null generated always as (
    coalesce(temperature_override,
             case when source in ('cold_call', 'cold_email', 'social_selling')
                  then 'cold'::public.temperature else 'warm'::public.temperature end)
  ) stored,
  -- Derived from the latest stage change (by changed_at, then id); writable only on creation.
  stage_id uuid,
  stage_entered_at timestamptz,
  stage_change_id uuid,
  score numeric(5, 2) not null default 0 check (score between 0 and 100),
  score_breakdown jsonb not null default '[]' check (jsonb_typeof(score_breakdown) = 'array'),
  mql_at timestamptz,
  sql_at timestamptz,
  sql_checklist jsonb not null default '{}' check (jsonb_typeof(sql_checklist) = 'object'),
  deal_value numeric(14, 2) check (deal_value >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  expected_close date,
  owner_id uuid,
  lost_reason text check (char_length(lost_reason) <= 500),
  field_hlc jsonb not null default '{}',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  unique (id, team_id),
  foreign key (team_id, stage_id) references public.stages (team_id, id),
  foreign key (team_id, owner_id) references public.team_members (team_id, user_id) on delete set null (owner_id)
);
create unique index prospects_team_slug_live on public.prospects (team_id, linkedin_slug)
  where deleted_at is null and linkedin_slug is not null;
create index prospects_pull on public.prospects (team_id, change_seq) where change_seq > 0;
create index prospects_stage on public.prospects (stage_id) where deleted_at is null;

-- One row per live (prospect, e-mail): makes "one e-mail, one prospect per team" a constraint and
-- lookup by e-mail an index hit. Maintained from prospects.emails by trigger; never written directly.
create table public.prospect_emails (
  team_id uuid not null,
  email text not null,
  prospect_id uuid not null,
  primary key (team_id, email),
  foreign key (team_id, prospect_id) references public.prospects (team_id, id) on delete cascade
);
create index prospect_emails_prospect on public.prospect_emails (prospect_id);

create table public.follow_ups (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  prospect_id uuid not null,
  assignee_id uuid,
  title text not null check (char_length(btrim(title)) between 1 and 300),
  note text check (char_length(note) <= 4000),
  channel public.touch_channel,
  due_at timestamptz not null,
  done_at timestamptz,
  snoozed_until timestamptz,
  cadence_id uuid,
  cadence_step smallint check (cadence_step between 0 and 49),
  field_hlc jsonb not null default '{}',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  unique (id, team_id),
  foreign key (team_id, prospect_id) references public.prospects (team_id, id),
  foreign key (team_id, assignee_id) references public.team_members (team_id, user_id) on delete set null (assignee_id),
  foreign key (team_id, cadence_id) references public.cadences (team_id, id)
);
-- Overdue = open, not snoozed, due passed: one range scan on the later of due and snooze time.
create index follow_ups_open_due on public.follow_ups (team_id, assignee_id, (greatest(due_at, snoozed_until)))
  where done_at is null and deleted_at is null;
create index follow_ups_prospect on public.follow_ups (prospect_id);
create index follow_ups_pull on public.follow_ups (team_id, change_seq) where change_seq > 0;

-- Append-only: content never changes after insert; only a tombstone may be added.
create table public.touches (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  prospect_id uuid not null,
  channel public.touch_channel not null,
  direction public.touch_direction not null default 'out',
  note text check (char_length(note) <= 4000),
  occurred_at timestamptz not null default now(),
  follow_up_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  change_seq bigint not null default 0,
  unique (id, team_id),
  foreign key (team_id, prospect_id) references public.prospects (team_id, id),
  foreign key (team_id, follow_up_id) references public.follow_ups (team_id, id)
);
create index touches_prospect on public.touches (prospect_id, occurred_at desc);
create index touches_pull on public.touches (team_id, change_seq) where change_seq > 0;

-- Append-only stage history that analytics read; never updated or deleted.
create table public.stage_changes (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  prospect_id uuid not null,
  from_stage_id uuid,
  to_stage_id uuid not null,
  changed_at timestamptz not null default now(),
  note text check (char_length(note) <= 1000),
  changed_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  change_seq bigint not null default 0,
  unique (id, team_id),
  foreign key (team_id, prospect_id) references public.prospects (team_id, id),
  foreign key (team_id, from_stage_id) references public.stages (team_id, id),
  foreign key (team_id, to_stage_id) references public.stages (team_id, id)
);
create index stage_changes_prospect on public.stage_changes (prospect_id, changed_at desc, id desc);
create index stage_changes_pull on public.stage_changes (team_id, change_seq) where change_seq > 0;

-- Only a hash of the code is stored: a leaked table does not let anyone join.
create table public.team_invites (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  code_hash bytea not null unique,
  role public.team_role not null check (role <> 'owner'),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_by uuid references auth.users (id) on delete set null,
  used_at timestamptz
);
create index team_invites_team on public.team_invites (team_id, expires_at);

-- sync_push idempotency: one row per applied mutation id per team.
create table private.applied_mutations (
  team_id uuid not null references public.teams (id) on delete cascade,
  mutation_id uuid not null,
  user_id uuid default auth.uid(),
  applied_at timestamptz not null default now(),
  primary key (team_id, mutation_id)
);

-- ---------------------------------------------------------------------------------------------
-- Triggers
--
-- "Client" below means the request runs as anon/authenticated (PostgREST). Trusted callers —
-- postgres, service_role and security-definer functions such as join_team — keep the freedom to
-- set created_at or revive a member; the guards exist to stop users forging history.

-- created_at/updated_at and the change cursor, on every synced table.
--
-- Why the lock: change_seq is the pull cursor, and a sequence value taken at write time can commit
-- out of order (T1 takes 10, T2 takes 11 and commits, a pull returns 11, T1 then commits 10
-- behind the cursor and is never pulled). Taking a per-team transaction-scoped advisory lock
-- before nextval serialises a team's writers: T2 cannot draw a number until T1 has committed or
-- rolled back, and because PostgreSQL makes a commit visible before it releases locks, any
-- snapshot that sees T2's rows also sees T1's. So within a team, numbers become visible in
-- order and "everything above my cursor" never skips a row. Teams never wait for each other
-- (apart from rare hash collisions, which only cost waiting).
create function private.stamp() returns trigger
language plpgsql set search_path = '' as $$
declare
  team uuid;
  client boolean := current_user in ('authenticated', 'anon');
begin
  if tg_table_name = 'teams' then
    team := new.id;
  else
    team := new.team_id;
  end if;

  if tg_op = 'INSERT' then
    if client or new.created_at is null then
      new.created_at := now();
    end if;
    new.updated_at := now();
  else
    if tg_table_name = 'teams' then
      if new.id is distinct from old.id then
        raise exception using errcode = '42501', message = 'a team id cannot change';
      end if;
    elsif new.team_id is distinct from old.team_id then
      raise exception using errcode = '42501', message = format('a %s row cannot move to another team', tg_table_name);
    end if;
    new.created_at := old.created_at;
    new.updated_at := now();
  end if;

  perform pg_advisory_xact_lock(1246516562, hashtext(team::text));  -- 1246516562 = 'JLUR'
  new.change_seq := nextval('private.change_seq');
  return new;
end;
$$;

-- Identity columns that only a trusted caller may rewrite.
create function private.guard_identity() returns trigger
language plpgsql set search_path = '' as $$
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  if new.id is distinct from old.id then
    raise exception using errcode = '42501', message = format('%s.id cannot change', tg_table_name);
  end if;
  if new.created_by is distinct from old.created_by then
    raise exception using errcode = '42501', message = format('%s.created_by cannot change', tg_table_name);
  end if;
  return new;
end;
$$;

-- Deletes are final: a tombstone is never lifted by a client (a later edit from an offline device
-- must not resurrect a row someone deleted).
create function private.guard_tombstone() returns trigger
language plpgsql set search_path = '' as $$
begin
  if old.deleted_at is not null and new.deleted_at is null and current_user in ('authenticated', 'anon') then
    raise exception using errcode = '42501', message = format('a deleted %s row cannot be restored', tg_table_name);
  end if;
  return new;
end;
$$;

-- A hybrid-logical-clock value for edits made outside sync_push (direct table writes through
-- PostgREST, SQL), in the same format clients use, so they take part in last-writer-wins.
create function private.server_hlc() returns text
language sql volatile set search_path = '' as $$
  select lpad((floor(extract(epoch from clock_timestamp()) * 1000))::bigint::text, 15, '0') || '-000000-server'
$$;

-- field_hlc records, per mergeable column, the clock of the write that set it. sync_push maintains
-- it itself (and says so with the transaction-local jalur.sync flag); any other write gets the
-- server's clock for the columns it changed, and cannot forge field_hlc.
create function private.stamp_field_hlc() returns trigger
language plpgsql set search_path = '' as $$
declare
  clock text;
  changed jsonb;
begin
  if coalesce(current_setting('jalur.sync', true), '') = 'on' then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.field_hlc := '{}';
    return new;
  end if;
  clock := private.server_hlc();
  select coalesce(jsonb_object_agg(c.col, clock), '{}')
    into changed
    from unnest(tg_argv) as c(col)
   where to_jsonb(new) -> c.col is distinct from to_jsonb(old) -> c.col;
  new.field_hlc := old.field_hlc || changed;
  return new;
end;
$$;

create function private.prospect_defaults() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
  client boolean := current_user in ('authenticated', 'anon');
  role public.team_role;
begin
  -- DESIGN.md §3: slug lower-cased, e-mails trimmed and lower-cased, no duplicates, no blanks.
  new.linkedin_slug := nullif(lower(btrim(new.linkedin_slug)), '');
  if new.emails is null then
    new.emails := '{}';
  elsif tg_op = 'INSERT' or new.emails is distinct from old.emails then
    new.emails := coalesce((
      select array_agg(e order by first_pos)
        from (select lower(btrim(x)) as e, min(ord) as first_pos
                from unnest(new.emails) with ordinality as u(x, ord)
               where btrim(coalesce(x, '')) <> ''
               group by 1) d
    ), '{}');
  end if;

  if tg_op = 'INSERT' then
    if new.owner_id is null and uid is not null then
      new.owner_id := uid;
    end if;
    if new.stage_id is null then
      select s.id into new.stage_id
        from public.stages s
       where s.team_id = new.team_id and s.kind = 'open' and s.deleted_at is null
       order by s.position, s.key
       limit 1;
    end if;
    if client then
      new.stage_change_id := null;
      new.stage_entered_at := now();
    else
      new.stage_entered_at := coalesce(new.stage_entered_at, now());
    end if;
    return new;
  end if;

  if client then
    if new.stage_id is distinct from old.stage_id
       or new.stage_entered_at is distinct from old.stage_entered_at
       or new.stage_change_id is distinct from old.stage_change_id then
      raise exception using errcode = '42501',
        message = 'a prospect''s stage is its latest stage change: insert into stage_changes instead';
    end if;
    if old.deleted_at is null and new.deleted_at is not null then
      select m.role into role from public.team_members m
       where m.team_id = new.team_id and m.user_id = uid and m.deleted_at is null;
      if role is distinct from 'owner' and role is distinct from 'admin'
         and uid is distinct from old.owner_id and uid is distinct from old.created_by then
        raise exception using errcode = '42501',
          message = 'only the prospect''s owner, its creator or a team admin can delete it';
      end if;
    end if;
  end if;
  return new;
end;
$$;

-- Keeps prospect_emails equal to the live prospects' e-mails. Security definer because members
-- may not write prospect_emails themselves; the unique key then says "one e-mail, one prospect".
create function private.sync_prospect_emails() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  taken_by uuid;
  taken text;
begin
  if tg_op = 'INSERT' then
    if cardinality(new.emails) = 0 or new.deleted_at is not null then
      return null;
    end if;
  elsif new.emails is not distinct from old.emails and (new.deleted_at is null) = (old.deleted_at is null) then
    return null;
  else
    delete from public.prospect_emails pe where pe.prospect_id = new.id;
  end if;
  if new.deleted_at is null and cardinality(new.emails) > 0 then
    select pe.prospect_id, pe.email into taken_by, taken
      from public.prospect_emails pe
     where pe.team_id = new.team_id and pe.email = any (new.emails)
     limit 1;
    if found then
      raise exception using errcode = '23505',
        message = format('e-mail %s already belongs to prospect %s', taken, taken_by),
        detail = taken_by::text, constraint = 'prospect_emails_pkey';
    end if;
    insert into public.prospect_emails (team_id, email, prospect_id)
    select new.team_id, e, new.id from unnest(new.emails) e;
  end if;
  return null;
end;
$$;

-- Deleting a prospect deletes its follow-ups, so nobody's badge counts work for a person who is
-- gone. All of them, done or not: sparing done ones would make the result depend on whether a
-- "done" edit arrived before or after the delete.
create function private.prospect_deleted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.follow_ups f
     set deleted_at = new.deleted_at
   where f.team_id = new.team_id and f.prospect_id = new.id and f.deleted_at is null;
  return null;
end;
$$;

create function private.follow_up_defaults() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.assignee_id is null then
    new.assignee_id := auth.uid();
  end if;
  return new;
end;
$$;

-- Touches are append-only: once written only the tombstone may be added, by the author or an admin.
create function private.guard_touch() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
begin
  if (new.prospect_id, new.channel, new.direction, new.note, new.occurred_at, new.follow_up_id)
     is distinct from (old.prospect_id, old.channel, old.direction, old.note, old.occurred_at, old.follow_up_id) then
    raise exception using errcode = '42501', message = 'touches are append-only: log a new touch instead of editing one';
  end if;
  if current_user in ('authenticated', 'anon') and old.deleted_at is null and new.deleted_at is not null
     and uid is distinct from old.created_by
     and not exists (select 1 from public.team_members m
                      where m.team_id = old.team_id and m.user_id = uid and m.deleted_at is null
                        and m.role in ('owner', 'admin')) then
    raise exception using errcode = '42501', message = 'only the author or a team admin can delete a touch';
  end if;
  return new;
end;
$$;

create function private.guard_stage_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' then
    raise exception using errcode = '42501', message = 'stage changes are append-only';
  end if;
  if current_user in ('authenticated', 'anon') and exists (
       select 1 from public.stages s where s.id = new.to_stage_id and s.deleted_at is not null) then
    raise exception using errcode = '22023', message = 'cannot move a prospect into a deleted stage';
  end if;
  return new;
end;
$$;

-- The current stage is the latest stage change by (changed_at, id), whatever order they arrive in.
create function private.apply_stage_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.prospects p
     set stage_id = new.to_stage_id,
         stage_entered_at = new.changed_at,
         stage_change_id = new.id
   where p.id = new.prospect_id
     and (p.stage_change_id is null or (p.stage_entered_at, p.stage_change_id) < (new.changed_at, new.id));
  return null;
end;
$$;

-- Membership rules that RLS alone cannot express. Admins manage reps and admins; only owners touch
-- owners; members may leave; there is always an owner.
create function private.guard_member() returns trigger
language plpgsql set search_path = '' as $$
declare
  uid uuid := auth.uid();
  actor public.team_role;
  removing boolean := old.deleted_at is null and new.deleted_at is not null;
begin
  if new.team_id is distinct from old.team_id or new.user_id is distinct from old.user_id then
    raise exception using errcode = '42501', message = 'a membership cannot move to another team or user';
  end if;
  perform pg_advisory_xact_lock(1246516562, hashtext(new.team_id::text));

  if current_user in ('authenticated', 'anon') then
    select m.role into actor from public.team_members m
     where m.team_id = new.team_id and m.user_id = uid and m.deleted_at is null;
    if new.role is distinct from old.role then
      if actor is distinct from 'owner'
         and not (actor = 'admin' and old.role <> 'owner' and new.role <> 'owner') then
        raise exception using errcode = '42501', message = 'only an owner can change this member''s role';
      end if;
    end if;
    if removing and uid is distinct from old.user_id then
      if actor is distinct from 'owner' and not (actor = 'admin' and old.role <> 'owner') then
        raise exception using errcode = '42501', message = 'only an owner or admin can remove this member';
      end if;
    end if;
    if uid is distinct from old.user_id and actor is distinct from 'owner' and actor is distinct from 'admin' then
      raise exception using errcode = '42501', message = 'only an owner or admin can change another member';
    end if;
    if (new.display_name is distinct from old.display_name or new.email is distinct from old.email
        or new.joined_at is distinct from old.joined_at) and uid is distinct from old.user_id then
      raise exception using errcode = '42501', message = 'members edit only their own profile';
    end if;
  end if;

  if old.role = 'owner' and old.deleted_at is null and (new.role <> 'owner' or new.deleted_at is not null)
     and not exists (select 1 from public.team_members m
                     where m.team_id = new.team_id and m.user_id <> new.user_id
                       and m.role = 'owner' and m.deleted_at is null) then
    raise exception using errcode = 'P0001', message = 'a team needs at least one owner: make someone else owner first';
  end if;
  return new;
end;
$$;

-- Trigger names sort so that validation runs before stamping (BEFORE triggers fire by name).
create trigger a_guard_identity before update on public.teams for each row execute function private.guard_identity();

create trigger a_guard_member before update on public.team_members
  for each row execute function private.guard_member();
create trigger b_guard_tombstone before update of deleted_at on public.team_members
  for each row execute function private.guard_tombstone();

create trigger a_guard_identity before update on public.stages for each row execute function private.guard_identity();
create trigger b_guard_tombstone before update of deleted_at on public.stages for each row execute function private.guard_tombstone();
create trigger c_field_hlc before insert or update on public.stages
  for each row execute function private.stamp_field_hlc('key', 'name', 'position', 'kind', 'win_probability', 'stale_days');

create trigger a_guard_identity before update on public.cadences for each row execute function private.guard_identity();
create trigger b_guard_tombstone before update of deleted_at on public.cadences for each row execute function private.guard_tombstone();
create trigger c_field_hlc before insert or update on public.cadences
  for each row execute function private.stamp_field_hlc('name', 'description', 'steps');

create trigger c_field_hlc before insert or update on public.team_settings
  for each row execute function private.stamp_field_hlc('scoring_rules', 'mql_threshold', 'targets', 'default_currency');

create trigger a_guard_identity before update on public.prospects for each row execute function private.guard_identity();
create trigger b_guard_tombstone before update of deleted_at on public.prospects for each row execute function private.guard_tombstone();
create trigger c_field_hlc before insert or update on public.prospects
  for each row execute function private.stamp_field_hlc(
    'name', 'headline', 'title', 'company', 'location', 'photo_url', 'linkedin_url', 'linkedin_slug',
    'emails', 'source', 'temperature_override', 'score', 'score_breakdown', 'mql_at', 'sql_at',
    'sql_checklist', 'deal_value', 'currency', 'expected_close', 'owner_id', 'lost_reason');
create trigger d_defaults before insert or update on public.prospects
  for each row execute function private.prospect_defaults();
create trigger prospect_emails after insert or update of emails, deleted_at on public.prospects
  for each row execute function private.sync_prospect_emails();
create trigger prospect_deleted after update of deleted_at on public.prospects
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function private.prospect_deleted();

create trigger a_guard_identity before update on public.follow_ups for each row execute function private.guard_identity();
create trigger b_guard_tombstone before update of deleted_at on public.follow_ups for each row execute function private.guard_tombstone();
create trigger c_field_hlc before insert or update on public.follow_ups
  for each row execute function private.stamp_field_hlc(
    'prospect_id', 'assignee_id', 'title', 'note', 'channel', 'due_at', 'done_at', 'snoozed_until',
    'cadence_id', 'cadence_step');
create trigger d_defaults before insert on public.follow_ups
  for each row execute function private.follow_up_defaults();

create trigger a_guard_identity before update on public.touches for each row execute function private.guard_identity();
create trigger b_guard_tombstone before update of deleted_at on public.touches for each row execute function private.guard_tombstone();
create trigger c_guard_touch before update on public.touches for each row execute function private.guard_touch();

create trigger a_guard_stage_change before insert or update on public.stage_changes
  for each row execute function private.guard_stage_change();
create trigger apply_stage_change after insert on public.stage_changes
  for each row execute function private.apply_stage_change();

-- z_stamp last, so the cursor is drawn after every check passed (a rejected write burns no lock wait).
create trigger z_stamp before insert or update on public.teams for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.team_members for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.team_settings for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.stages for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.cadences for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.prospects for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.follow_ups for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.touches for each row execute function private.stamp();
create trigger z_stamp before insert or update on public.stage_changes for each row execute function private.stamp();
