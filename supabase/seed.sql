-- Demo data for a local stack (`supabase db reset` runs this after the migrations; the database
-- tests load it too). Every person and company here is invented; e-mail addresses use the
-- reserved example.com/example.org domains. Times are relative to now() so the demo always has
-- fresh, overdue and stalled work to show.
--
-- The demo users have no password. On a local stack sign in with a magic link and open the mail
-- in Mailpit (http://127.0.0.1:54324). Do not push this seed to a production project.

do $seed$
declare
  team constant uuid := 'd0000000-0000-4000-8000-000000000001';
  owner_user constant uuid := 'd0000000-0000-4000-8000-0000000000a1';
  rep1 constant uuid := 'd0000000-0000-4000-8000-0000000000b1';
  rep2 constant uuid := 'd0000000-0000-4000-8000-0000000000b2';
  s_prospecting uuid;
  s_qualification uuid;
  s_consideration uuid;
  s_decision uuid;
  s_delivery uuid;
  s_lost uuid;
  cadence uuid;
begin
  insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data,
                          raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token,
                          email_change_token_new, email_change)
  values
    ('00000000-0000-0000-0000-000000000000', owner_user, 'authenticated', 'authenticated', 'sari.owner@example.com', now(),
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Sari Wirananda"}', now(), now(), '', '', '', ''),
    ('00000000-0000-0000-0000-000000000000', rep1, 'authenticated', 'authenticated', 'bayu.rep@example.com', now(),
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Bayu Santara"}', now(), now(), '', '', '', ''),
    ('00000000-0000-0000-0000-000000000000', rep2, 'authenticated', 'authenticated', 'nadia.rep@example.com', now(),
     '{"provider": "email", "providers": ["email"]}', '{"full_name": "Nadia Prameswati"}', now(), now(), '', '', '', '');
  insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
  select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
         'email', now(), now(), now()
    from auth.users u where u.id in (owner_user, rep1, rep2);

  insert into public.teams (id, name, created_by, created_at)
  values (team, 'Demo: Nusa Ringan Logistics sales', owner_user, now() - interval '60 days');
  insert into public.team_members (team_id, user_id, role, display_name, email, joined_at)
  values (team, owner_user, 'owner', 'Sari Wirananda', 'sari.owner@example.com', now() - interval '60 days'),
         (team, rep1, 'rep', 'Bayu Santara', 'bayu.rep@example.com', now() - interval '58 days'),
         (team, rep2, 'rep', 'Nadia Prameswati', 'nadia.rep@example.com', now() - interval '45 days');
  perform private.init_team(team);
  update public.team_settings
     set default_currency = 'IDR',
         targets = jsonb_build_object(to_char(now(), 'YYYY-"Q"Q'), jsonb_build_object('value', 1500000000, 'currency', 'IDR'))
   where team_id = team;

  select id into s_prospecting from public.stages where team_id = team and key = 'prospecting';
  select id into s_qualification from public.stages where team_id = team and key = 'qualification';
  select id into s_consideration from public.stages where team_id = team and key = 'consideration';
  select id into s_decision from public.stages where team_id = team and key = 'decision';
  select id into s_delivery from public.stages where team_id = team and key = 'delivery';
  select id into s_lost from public.stages where team_id = team and key = 'lost';
  select id into cadence from public.cadences where team_id = team limit 1;

  insert into public.prospects (id, team_id, name, headline, title, company, location, linkedin_url, linkedin_slug,
                                emails, source, temperature_override, score, score_breakdown, mql_at, sql_at,
                                sql_checklist, deal_value, currency, expected_close, owner_id, lost_reason,
                                stage_id, stage_entered_at, created_by, created_at)
  values
    ('d0000000-0000-4000-8000-000000000101', team, 'Raka Adhitama', 'Head of Operations at Lintas Pulau Freight',
     'Head of Operations', 'Lintas Pulau Freight', 'Surabaya, Indonesia',
     'https://www.linkedin.com/in/raka-adhitama-demo/', 'raka-adhitama-demo', '{raka@lintaspulau.example.com}',
     'social_selling', null, 72,
     '[{"rule": "fit.seniority", "points": 20, "detail": "Head of"}, {"rule": "fit.icp_company", "points": 15},
       {"rule": "source.warmth", "points": 5}, {"rule": "engagement.replies", "points": 22},
       {"rule": "qualification.checklist", "points": 10}]',
     now() - interval '30 days', now() - interval '20 days',
     '{"interest": true, "buying_process": true, "decision_maker": true, "budget": true}',
     420000000, 'IDR', (now() + interval '20 days')::date, rep1, null,
     s_prospecting, now() - interval '50 days', rep1, now() - interval '50 days'),
    ('d0000000-0000-4000-8000-000000000102', team, 'Melati Kusumadewi', 'Procurement Lead | Cold chain',
     'Procurement Lead', 'Segar Dingin Nusantara', 'Jakarta, Indonesia',
     'https://www.linkedin.com/in/melati-kusumadewi-demo/', 'melati-kusumadewi-demo', '{melati.k@segardingin.example.com}',
     'inbound_form', null, 58,
     '[{"rule": "fit.seniority", "points": 10, "detail": "Lead"}, {"rule": "source.warmth", "points": 20},
       {"rule": "engagement.replies", "points": 18}, {"rule": "engagement.recency", "points": 10}]',
     now() - interval '12 days', null, '{"interest": true, "buying_process": false}',
     180000000, 'IDR', (now() + interval '45 days')::date, rep1, null,
     s_prospecting, now() - interval '25 days', rep1, now() - interval '25 days'),
    ('d0000000-0000-4000-8000-000000000103', team, 'Yohanes Siregar', 'Founder & CEO, Kopi Dataran Tinggi',
     'Founder & CEO', 'Kopi Dataran Tinggi', 'Medan, Indonesia',
     'https://www.linkedin.com/in/yohanes-siregar-demo/', 'yohanes-siregar-demo', '{}',
     'referral', null, 64,
     '[{"rule": "fit.seniority", "points": 25, "detail": "Founder"}, {"rule": "source.warmth", "points": 25},
       {"rule": "engagement.recency", "points": 14}]',
     now() - interval '9 days', null, '{"interest": true}',
     95000000, 'IDR', (now() + interval '30 days')::date, rep2, null,
     s_prospecting, now() - interval '18 days', rep2, now() - interval '18 days'),
    ('d0000000-0000-4000-8000-000000000104', team, 'Clara Hutomo', 'Supply Chain Director',
     'Supply Chain Director', 'Batik Lestari Retail', 'Yogyakarta, Indonesia',
     'https://www.linkedin.com/in/clara-hutomo-demo/', 'clara-hutomo-demo', '{clara.hutomo@batiklestari.example.com}',
     'event', null, 81,
     '[{"rule": "fit.seniority", "points": 20, "detail": "Director"}, {"rule": "fit.icp_company", "points": 15},
       {"rule": "source.warmth", "points": 20}, {"rule": "engagement.replies", "points": 16},
       {"rule": "qualification.checklist", "points": 10}]',
     now() - interval '40 days', now() - interval '33 days',
     '{"interest": true, "buying_process": true, "decision_maker": true, "budget": true, "timeline": true}',
     650000000, 'IDR', (now() - interval '5 days')::date, owner_user, null,
     s_prospecting, now() - interval '55 days', owner_user, now() - interval '55 days'),
    ('d0000000-0000-4000-8000-000000000105', team, 'Gilang Mahendra', 'VP Logistics at Rantai Pasok Prima',
     'VP Logistics', 'Rantai Pasok Prima', 'Bandung, Indonesia',
     'https://www.linkedin.com/in/gilang-mahendra-demo/', 'gilang-mahendra-demo', '{}',
     'cold_email', null, 35,
     '[{"rule": "fit.seniority", "points": 20, "detail": "VP"}, {"rule": "engagement.replies", "points": 15}]',
     null, null, '{}', 250000000, 'IDR', (now() + interval '60 days')::date, rep2, 'Chose an in-house fleet',
     s_prospecting, now() - interval '40 days', rep2, now() - interval '40 days'),
    ('d0000000-0000-4000-8000-000000000106', team, 'Intan Permatasari', 'Marketing Manager — FMCG',
     'Marketing Manager', 'Sabun Wangi Indah', 'Semarang, Indonesia',
     null, null, '{intan.p@sabunwangi.example.org}',
     'email', null, 22,
     '[{"rule": "source.warmth", "points": 10}, {"rule": "engagement.replies", "points": 12}]',
     null, null, '{}', null, null, null, rep1, null,
     s_prospecting, now() - interval '3 days', rep1, now() - interval '3 days'),
    ('d0000000-0000-4000-8000-000000000107', team, 'Dimas Arjuna', 'Operations Manager, Pelabuhan Timur Depot',
     'Operations Manager', 'Pelabuhan Timur Depot', 'Makassar, Indonesia',
     'https://www.linkedin.com/in/dimas-arjuna-demo/', 'dimas-arjuna-demo', '{}',
     'social_engagement', 'cold', 28,
     '[{"rule": "fit.seniority", "points": 8, "detail": "Manager"}, {"rule": "source.warmth", "points": 10},
       {"rule": "decay.inactivity", "points": -5}, {"rule": "manual", "points": 15, "detail": "Met at port expo"}]',
     null, null, '{}', 120000000, 'IDR', (now() + interval '75 days')::date, rep2, null,
     s_prospecting, now() - interval '35 days', rep2, now() - interval '35 days'),
    ('d0000000-0000-4000-8000-000000000108', team, 'Putri Anggraeni', 'Head of E-commerce Fulfilment',
     'Head of E-commerce Fulfilment', 'Toko Rumah Kita', 'Denpasar, Indonesia',
     'https://www.linkedin.com/in/putri-anggraeni-demo/', 'putri-anggraeni-demo', '{putri@tokorumahkita.example.com}',
     'content_download', null, 47,
     '[{"rule": "fit.seniority", "points": 15, "detail": "Head of"}, {"rule": "source.warmth", "points": 20},
       {"rule": "engagement.recency", "points": 12}]',
     null, null, '{}', null, null, null, rep1, null,
     s_prospecting, now() - interval '6 days', rep1, now() - interval '6 days');

  -- Stage history: the trigger makes each prospect's stage its latest change.
  insert into public.stage_changes (id, team_id, prospect_id, from_stage_id, to_stage_id, changed_at, changed_by, note)
  values
    ('d0000000-0000-4000-8000-000000000201', team, 'd0000000-0000-4000-8000-000000000101', s_prospecting, s_qualification, now() - interval '30 days', rep1, 'Score passed the MQL threshold'),
    ('d0000000-0000-4000-8000-000000000202', team, 'd0000000-0000-4000-8000-000000000101', s_qualification, s_consideration, now() - interval '20 days', rep1, 'Discovery call: SQL checklist complete'),
    ('d0000000-0000-4000-8000-000000000203', team, 'd0000000-0000-4000-8000-000000000101', s_consideration, s_decision, now() - interval '6 days', rep1, 'Proposal sent'),
    ('d0000000-0000-4000-8000-000000000204', team, 'd0000000-0000-4000-8000-000000000102', s_prospecting, s_qualification, now() - interval '12 days', rep1, null),
    ('d0000000-0000-4000-8000-000000000205', team, 'd0000000-0000-4000-8000-000000000103', s_prospecting, s_qualification, now() - interval '9 days', rep2, 'Warm intro from a customer'),
    ('d0000000-0000-4000-8000-000000000206', team, 'd0000000-0000-4000-8000-000000000104', s_prospecting, s_qualification, now() - interval '40 days', owner_user, null),
    ('d0000000-0000-4000-8000-000000000207', team, 'd0000000-0000-4000-8000-000000000104', s_qualification, s_consideration, now() - interval '33 days', owner_user, null),
    ('d0000000-0000-4000-8000-000000000208', team, 'd0000000-0000-4000-8000-000000000104', s_consideration, s_decision, now() - interval '21 days', owner_user, null),
    ('d0000000-0000-4000-8000-000000000209', team, 'd0000000-0000-4000-8000-000000000104', s_decision, s_delivery, now() - interval '4 days', owner_user, 'Signed: 12-month contract'),
    ('d0000000-0000-4000-8000-000000000210', team, 'd0000000-0000-4000-8000-000000000105', s_prospecting, s_qualification, now() - interval '28 days', rep2, null),
    ('d0000000-0000-4000-8000-000000000211', team, 'd0000000-0000-4000-8000-000000000105', s_qualification, s_lost, now() - interval '10 days', rep2, 'Chose an in-house fleet'),
    ('d0000000-0000-4000-8000-000000000212', team, 'd0000000-0000-4000-8000-000000000107', s_prospecting, s_qualification, now() - interval '26 days', rep2, null);

  -- Touches: Dimas (qualification) has had none for 24 days, past the 14-day limit: gone dark.
  insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, created_by)
  values
    ('d0000000-0000-4000-8000-000000000301', team, 'd0000000-0000-4000-8000-000000000101', 'connection_request', 'out', 'Connected after his post on inter-island routing', now() - interval '49 days', rep1),
    ('d0000000-0000-4000-8000-000000000302', team, 'd0000000-0000-4000-8000-000000000101', 'linkedin_message', 'in', 'Asked for pricing on Surabaya–Makassar lanes', now() - interval '44 days', rep1),
    ('d0000000-0000-4000-8000-000000000303', team, 'd0000000-0000-4000-8000-000000000101', 'call', 'out', 'Discovery call, 40 minutes', now() - interval '21 days', rep1),
    ('d0000000-0000-4000-8000-000000000304', team, 'd0000000-0000-4000-8000-000000000101', 'email', 'out', 'Proposal v1', now() - interval '6 days', rep1),
    ('d0000000-0000-4000-8000-000000000305', team, 'd0000000-0000-4000-8000-000000000102', 'email', 'in', 'Filled in the cold-chain audit form', now() - interval '25 days', rep1),
    ('d0000000-0000-4000-8000-000000000306', team, 'd0000000-0000-4000-8000-000000000102', 'call', 'out', 'Left voicemail', now() - interval '11 days', rep1),
    ('d0000000-0000-4000-8000-000000000307', team, 'd0000000-0000-4000-8000-000000000103', 'meeting', 'out', 'Coffee meeting at the roastery', now() - interval '8 days', rep2),
    ('d0000000-0000-4000-8000-000000000308', team, 'd0000000-0000-4000-8000-000000000104', 'meeting', 'out', 'Contract walkthrough', now() - interval '5 days', owner_user),
    ('d0000000-0000-4000-8000-000000000309', team, 'd0000000-0000-4000-8000-000000000105', 'email', 'out', 'Cold e-mail #1', now() - interval '39 days', rep2),
    ('d0000000-0000-4000-8000-000000000310', team, 'd0000000-0000-4000-8000-000000000105', 'email', 'in', 'Replied: interested, but evaluating options', now() - interval '30 days', rep2),
    ('d0000000-0000-4000-8000-000000000311', team, 'd0000000-0000-4000-8000-000000000107', 'linkedin_message', 'out', 'Follow-up after the port expo', now() - interval '24 days', rep2),
    ('d0000000-0000-4000-8000-000000000312', team, 'd0000000-0000-4000-8000-000000000106', 'email', 'in', 'Wrote to ask about warehouse space', now() - interval '3 days', rep1);

  insert into public.follow_ups (id, team_id, prospect_id, assignee_id, title, channel, due_at, done_at, snoozed_until,
                                 cadence_id, cadence_step, created_by, created_at)
  values
    ('d0000000-0000-4000-8000-000000000401', team, 'd0000000-0000-4000-8000-000000000101', rep1, 'Chase the proposal decision', 'call', now() - interval '1 day', null, null, null, null, rep1, now() - interval '6 days'),
    ('d0000000-0000-4000-8000-000000000402', team, 'd0000000-0000-4000-8000-000000000102', rep1, 'Second call attempt', 'call', now() - interval '2 days', null, null, cadence, 6, rep1, now() - interval '11 days'),
    ('d0000000-0000-4000-8000-000000000403', team, 'd0000000-0000-4000-8000-000000000103', rep2, 'Send the roastery case study', 'email', now() + interval '2 days', null, null, null, null, rep2, now() - interval '8 days'),
    ('d0000000-0000-4000-8000-000000000404', team, 'd0000000-0000-4000-8000-000000000107', rep2, 'Re-engage: share the port-congestion report', 'linkedin_message', now() - interval '10 days', null, now() + interval '1 day', null, null, rep2, now() - interval '24 days'),
    ('d0000000-0000-4000-8000-000000000405', team, 'd0000000-0000-4000-8000-000000000104', owner_user, 'Handoff call with customer success', 'meeting', now() - interval '3 days', now() - interval '3 days', null, null, null, owner_user, now() - interval '4 days'),
    ('d0000000-0000-4000-8000-000000000406', team, 'd0000000-0000-4000-8000-000000000108', rep1, 'Connect on LinkedIn', 'connection_request', now() - interval '4 hours', null, null, cadence, 0, rep1, now() - interval '6 days'),
    ('d0000000-0000-4000-8000-000000000407', team, 'd0000000-0000-4000-8000-000000000106', rep1, 'Reply with warehouse options', 'email', now() + interval '1 day', null, null, null, null, rep1, now() - interval '3 days');
end;
$seed$;
