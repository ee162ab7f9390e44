-- Team API, called through PostgREST as /rest/v1/rpc/<name> with named arguments.
--
-- Errors use SQLSTATEs PostgREST maps sensibly: 42501 → 401 (anon) / 403, 22023 → 400 (bad
-- argument), P0001 → 400 (business rule), 23505 → 409.

-- Everything a new team starts with (DESIGN.md §1): the default stages, settings and a default
-- cadence. Shared by create_team() and supabase/seed.sql.
create function private.init_team(team uuid) returns void
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.team_settings (team_id) values (team);

  insert into public.stages (team_id, key, name, position, kind, win_probability, stale_days, created_by)
  select team, d.key, null, d.position, d.kind::public.stage_kind, d.p, d.stale, t.created_by
    from (values ('prospecting', 10, 'open', 10, 14),
                 ('qualification', 20, 'open', 20, 14),
                 ('consideration', 30, 'open', 40, 10),
                 ('decision', 40, 'open', 70, 7),
                 ('delivery', 50, 'won', 100, null),
                 ('lost', 60, 'lost', 0, null)) as d(key, position, kind, p, stale)
   cross join public.teams t
   where t.id = team;

  -- 8 touches over ~3 weeks, mixing LinkedIn, e-mail and phone (the playbook's default cadence).
  insert into public.cadences (team_id, name, description, steps, created_by)
  select team, 'Default: 8 touches in 21 days',
         'Connect, then alternate LinkedIn, e-mail and calls until a two-way conversation starts.',
         '[{"day": 0, "channel": "connection_request", "note": "Connect with a personal note about {{company}}."},
           {"day": 2, "channel": "linkedin_message", "note": "Thank {{first_name}} for connecting; share one useful idea."},
           {"day": 4, "channel": "email", "note": "Short e-mail: the problem we solve for teams like {{company}}."},
           {"day": 7, "channel": "call", "note": "Call; if no answer, leave a 20-second voicemail."},
           {"day": 10, "channel": "linkedin_message", "note": "Share a relevant case study."},
           {"day": 14, "channel": "email", "note": "Offer a 15-minute call with two time slots."},
           {"day": 17, "channel": "call", "note": "Second call attempt."},
           {"day": 21, "channel": "email", "note": "Break-up e-mail: close the loop politely."}]'::jsonb,
         t.created_by
    from public.teams t
   where t.id = team;
end;
$$;
revoke all on function private.init_team(uuid) from public, authenticated, service_role;

-- The caller's display name and e-mail from their own auth profile (never anyone else's).
create function private.my_profile(out display_name text, out email text)
language sql stable security definer set search_path = '' as $$
  select left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''),
                       nullif(btrim(u.raw_user_meta_data ->> 'name'), ''),
                       split_part(u.email, '@', 1)), 120),
         left(u.email, 254)
    from auth.users u
   where u.id = auth.uid()
$$;
revoke all on function private.my_profile() from public, authenticated, service_role;

create function private.require_user() returns uuid
language plpgsql stable set search_path = '' as $$
declare
  uid uuid := auth.uid();
begin
  if uid is null then
    raise exception using errcode = '42501', message = 'sign in first',
      hint = 'Call the API with a user''s access token, not the anon key alone.';
  end if;
  return uid;
end;
$$;

-- create_team(name) → the new team's id. The caller becomes its owner.
create function public.create_team(name text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  team uuid := gen_random_uuid();
  clean text := btrim(regexp_replace(coalesce(create_team.name, ''), '[[:cntrl:]]', ' ', 'g'));
  me record;
begin
  if char_length(clean) not between 1 and 100 then
    raise exception using errcode = '22023', message = 'a team name needs 1 to 100 characters';
  end if;
  if (select count(*) from public.team_members m
       where m.user_id = uid and m.role = 'owner' and m.deleted_at is null) >= 20 then
    raise exception using errcode = 'P0001', message = 'you already own 20 teams';
  end if;
  select * into me from private.my_profile();

  insert into public.teams (id, name, created_by) values (team, clean, uid);
  insert into public.team_members (team_id, user_id, role, display_name, email)
  values (team, uid, 'owner', me.display_name, me.email);
  perform private.init_team(team);
  return team;
end;
$$;

-- create_invite(team_id, role, valid_hours) → a one-time code and its expiry. Owners invite
-- admins and reps, admins invite reps; ownership is handed over with set_member_role instead.
create function public.create_invite(team_id uuid, role public.team_role default 'rep', valid_hours integer default 168)
returns table (code text, expires_at timestamptz)
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  actor public.team_role;
  alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';  -- no 0/O, 1/I: codes get read aloud
  raw bytea := extensions.gen_random_bytes(20);
  plain text := '';
begin
  select m.role into actor from public.team_members m
   where m.team_id = create_invite.team_id and m.user_id = uid and m.deleted_at is null;
  if actor is null or actor = 'rep' then
    raise exception using errcode = '42501', message = 'only owners and admins can invite';
  end if;
  if create_invite.role is null or create_invite.role = 'owner' then
    raise exception using errcode = '22023', message = 'invite as admin or rep; transfer ownership with set_member_role';
  end if;
  if create_invite.role = 'admin' and actor <> 'owner' then
    raise exception using errcode = '42501', message = 'only owners can invite admins';
  end if;
  if valid_hours is null or valid_hours not between 1 and 720 then
    raise exception using errcode = '22023', message = 'valid_hours must be between 1 and 720';
  end if;
  if (select count(*) from public.team_invites v
       where v.team_id = create_invite.team_id and v.used_at is null and v.expires_at > now()) >= 100 then
    raise exception using errcode = 'P0001', message = 'this team has 100 open invites; revoke some first';
  end if;

  -- 20 characters × 5 bits = 100 random bits (256 is a multiple of 32, so no modulo bias).
  for i in 0..19 loop
    plain := plain || substr(alphabet, get_byte(raw, i) % 32 + 1, 1);
  end loop;
  code := substr(plain, 1, 5) || '-' || substr(plain, 6, 5) || '-' || substr(plain, 11, 5) || '-' || substr(plain, 16, 5);
  expires_at := now() + make_interval(hours => valid_hours);

  insert into public.team_invites (team_id, code_hash, role, created_by, expires_at)
  values (create_invite.team_id, sha256(convert_to(plain, 'UTF8')), create_invite.role, uid, create_invite.expires_at);
  return next;
end;
$$;

-- join_team(code) → the team's id. Consumes the code; a removed member may rejoin with a new one.
create function public.join_team(code text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  uid uuid := private.require_user();
  plain text := upper(regexp_replace(coalesce(join_team.code, ''), '[^A-Za-z0-9]', '', 'g'));
  invite public.team_invites%rowtype;
  me record;
begin
  select * into invite from public.team_invites v
   where v.code_hash = sha256(convert_to(plain, 'UTF8'))
   for update;
  if not found or invite.used_at is not null or invite.expires_at <= now() then
    raise exception using errcode = 'P0001', message = 'this invite code is invalid, used or expired';
  end if;

  if exists (select 1 from public.team_members m
              where m.team_id = invite.team_id and m.user_id = uid and m.deleted_at is null) then
    return invite.team_id;  -- already in; keep the code for whoever it was meant for
  end if;

  select * into me from private.my_profile();
  insert into public.team_members (team_id, user_id, role, display_name, email)
  values (invite.team_id, uid, invite.role, me.display_name, me.email)
  on conflict (team_id, user_id) do update
     set role = excluded.role, display_name = excluded.display_name, email = excluded.email,
         joined_at = now(), deleted_at = null;
  update public.team_invites v set used_by = uid, used_at = now() where v.id = invite.id;
  return invite.team_id;
end;
$$;

-- my_teams() → the caller's live memberships.
create function public.my_teams()
returns table (team_id uuid, name text, role public.team_role, joined_at timestamptz, member_count integer)
language sql stable security invoker set search_path = '' as $$
  select t.id, t.name, m.role, m.joined_at,
         (select count(*)::integer from public.team_members o where o.team_id = t.id and o.deleted_at is null)
    from public.team_members m
    join public.teams t on t.id = m.team_id
   where m.user_id = auth.uid() and m.deleted_at is null
   order by t.name, t.id
$$;

-- Membership changes run as the caller: RLS and private.guard_member() decide.
create function public.set_member_role(team_id uuid, user_id uuid, role public.team_role) returns void
language plpgsql volatile security invoker set search_path = '' as $$
begin
  perform private.require_user();
  if set_member_role.role is null then
    raise exception using errcode = '22023', message = 'role is required';
  end if;
  update public.team_members m set role = set_member_role.role
   where m.team_id = set_member_role.team_id and m.user_id = set_member_role.user_id and m.deleted_at is null;
  if not found then
    raise exception using errcode = '42501', message = 'no such member, or you may not change them';
  end if;
end;
$$;

create function public.remove_member(team_id uuid, user_id uuid) returns void
language plpgsql volatile security invoker set search_path = '' as $$
begin
  perform private.require_user();
  update public.team_members m set deleted_at = now()
   where m.team_id = remove_member.team_id and m.user_id = remove_member.user_id and m.deleted_at is null;
  if not found then
    raise exception using errcode = '42501', message = 'no such member, or you may not remove them';
  end if;
end;
$$;

create function public.leave_team(team_id uuid) returns void
language plpgsql volatile security invoker set search_path = '' as $$
declare
  uid uuid := private.require_user();
begin
  update public.team_members m set deleted_at = now()
   where m.team_id = leave_team.team_id and m.user_id = uid and m.deleted_at is null;
  if not found then
    raise exception using errcode = '42501', message = 'you are not a member of this team';
  end if;
end;
$$;

revoke all on function public.create_team(text), public.create_invite(uuid, public.team_role, integer),
  public.join_team(text), public.my_teams(), public.set_member_role(uuid, uuid, public.team_role),
  public.remove_member(uuid, uuid), public.leave_team(uuid) from public, anon;
grant execute on function public.create_team(text), public.create_invite(uuid, public.team_role, integer),
  public.join_team(text), public.my_teams(), public.set_member_role(uuid, uuid, public.team_role),
  public.remove_member(uuid, uuid), public.leave_team(uuid) to authenticated, service_role;
