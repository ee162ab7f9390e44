-- Two more team settings that every rep of a team must share:
--   lost_reasons      the reasons a rep picks from when a deal is lost (null: the built-in list, shown
--                     in each rep's language); a JSON array of 1–120 character phrases, at most 50.
--   cadence_due_rule  when a cadence step counts as late: 'endOfDay' (by the end of its local day,
--                     so enrolling never makes step 1 overdue on the spot) or 'exactTime' (at its time).
-- Same row, same RLS as the other team settings: members read, owners and admins change; changes
-- arrive through sync_push and leave through sync_pull (to_jsonb of the row) like the others, with
-- their own field clocks so two admins editing different settings both keep their change.

alter table public.team_settings
  add column lost_reasons jsonb default null,
  add column cadence_due_rule text not null default 'endOfDay';

alter table public.team_settings
  add constraint team_settings_lost_reasons_check check (
    lost_reasons is null or (
      jsonb_typeof(lost_reasons) = 'array'
      and jsonb_array_length(lost_reasons) <= 50
      and pg_column_size(lost_reasons) <= 16384
      -- every item a string of 1–120 characters, not blank, no control characters
      and not jsonb_path_exists(lost_reasons,
        '$[*] ? (@.type() != "string" || @ like_regex "^[[:space:]]*$" || @ like_regex "^.{121}" flag "s" || @ like_regex "[[:cntrl:]]")')
    )),
  add constraint team_settings_cadence_due_rule_check check (cadence_due_rule in ('endOfDay', 'exactTime'));

-- Direct edits (an admin in the SQL editor, the dashboard) stamp the new fields' clocks too.
drop trigger c_field_hlc on public.team_settings;
create trigger c_field_hlc before insert or update on public.team_settings
  for each row execute function private.stamp_field_hlc('scoring_rules', 'mql_threshold', 'targets', 'default_currency',
                                                        'lost_reasons', 'cadence_due_rule');

-- sync_push: the two new fields are writable by owners and admins; a bad value is refused per item
-- by the checks above (the batch carries on), as for the other settings.
create or replace function private.push_team_settings(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.team_settings%rowtype;
  r public.team_settings%rowtype;
  win jsonb;
  bad text := private.unknown_fields(fields,
    '{scoring_rules,mql_threshold,targets,default_currency,lost_reasons,cadence_due_rule}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only team_settings field(s): ' || bad);
  end if;
  if rid <> team then
    return private.result(mutation_id, 'rejected', 'invalid', 'team_settings id is the team id');
  end if;
  select * into cur from public.team_settings s where s.team_id = team for update;
  if not found then
    raise exception using errcode = '42501', message = 'only owners and admins change team settings';
  end if;
  win := private.merge_winners(fields, hlc, cur.field_hlc, to_jsonb(cur));
  if win = '{}' then
    return private.result(mutation_id, 'applied', 'superseded', 'newer values were already in place');
  end if;
  r := jsonb_populate_record(cur, win);
  update public.team_settings s
     set scoring_rules = r.scoring_rules, mql_threshold = r.mql_threshold, targets = r.targets,
         default_currency = r.default_currency, lost_reasons = r.lost_reasons, cadence_due_rule = r.cadence_due_rule,
         field_hlc = cur.field_hlc || private.hlc_map(win, hlc)
   where s.team_id = team;
  return private.result(mutation_id, 'applied');
end;
$$;
