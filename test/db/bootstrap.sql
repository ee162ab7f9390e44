-- Test-only: gives a plain PostgreSQL 15 what a Supabase project already has before any migration
-- runs (roles, the auth schema and its helpers, the extensions schema, default grants), so the
-- migrations and tests exercise the same privilege model as production. Never a migration: on a
-- real project all of this exists and belongs to the platform.
\set ON_ERROR_STOP on

-- Roles. anon/authenticated are what PostgREST switches to per request; NOINHERIT on authenticator
-- means it holds no privileges of its own until it SET ROLEs, exactly like the platform.
create role supabase_admin superuser createdb createrole replication bypassrls nologin;
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit password 'authenticator';
grant anon, authenticated, service_role to authenticator;
-- On the platform these hold for PostgREST's per-role settings.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- The platform's search path, so unqualified extension functions (pgTAP, pgcrypto) resolve.
alter database postgres set search_path to "$user", public, extensions;

create schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
create extension pgcrypto with schema extensions;
create extension "uuid-ossp" with schema extensions;
alter default privileges in schema extensions grant execute on functions to postgres, anon, authenticated, service_role;
grant execute on all functions in schema extensions to postgres, anon, authenticated, service_role;

-- auth: owned by supabase_admin; the API roles may use its functions but never read its tables.
create schema auth authorization supabase_admin;
grant usage on schema auth to anon, authenticated, service_role;

-- The columns GoTrue relies on for a seeded e-mail/password user, so supabase/seed.sql inserts the
-- same rows here as on a real project.
create table auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  email_change_token_current varchar(255) default '',
  reauthentication_token varchar(255) default '',
  banned_until timestamptz,
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);
create table auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid primary key default gen_random_uuid(),
  unique (provider_id, provider)
);
alter table auth.users owner to supabase_admin;
alter table auth.identities owner to supabase_admin;
-- The platform lets the project owner reference auth.users (foreign keys) and seed it.
grant all on auth.users, auth.identities to postgres, service_role;

-- The same bodies as the platform's: claims come from the per-request GUC PostgREST sets.
create function auth.uid() returns uuid language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
create function auth.role() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
alter function auth.uid() owner to supabase_admin;
alter function auth.role() owner to supabase_admin;
alter function auth.jwt() owner to supabase_admin;
grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;

-- public: everything new is granted to the API roles by default, so RLS (and whatever a migration
-- revokes) is the only guard — the platform's configuration, which the migrations must survive.
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
