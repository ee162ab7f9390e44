-- Social engagement as a touch (the feed's "Log engagement"): the rep liked, commented on or shared a
-- tracked person's post. It is a touch like any other, so the score and gone-dark rules count it.
--
--  1. touch_channel gains 'social_engagement'.
--  2. touches.engagement: 'liked' | 'commented' | 'shared' | null, and only a social-engagement touch
--     may carry one (the extension's lib/model/touch.ts checks the same).
--  3. sync_push's touch writer takes the new field (and counts it when telling a resend from an edit);
--     sync_pull sends whole rows (to_jsonb), so the column reaches every device without a change there.

-- 1. A value added by ALTER TYPE cannot be used in the same transaction, so the check below compares
-- the channel as text rather than casting the literal to the enum.
alter type public.touch_channel add value if not exists 'social_engagement';

-- 2.
alter table public.touches
  add column engagement text,
  add constraint touches_engagement_check check (
    engagement is null or (engagement in ('liked', 'commented', 'shared') and channel::text = 'social_engagement'));

-- 3. As in 20261205120000_hostile_member.sql (the latest definition), plus `engagement`.
create or replace function private.push_touch(team uuid, mutation_id uuid, rid uuid, hlc text, fields jsonb) returns jsonb
language plpgsql set search_path = '' as $$
declare
  cur public.touches%rowtype;
  r public.touches%rowtype;
  bad text := private.unknown_fields(fields, '{prospect_id,channel,direction,note,occurred_at,follow_up_id,engagement}');
begin
  if bad is not null then
    return private.result(mutation_id, 'rejected', 'invalid', 'unknown or read-only touch field(s): ' || bad);
  end if;
  if fields ?& '{prospect_id,channel}' then
    insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, follow_up_id, engagement)
    select rid, team, f.prospect_id, f.channel, coalesce(f.direction, 'out'), f.note,
      least(coalesce(f.occurred_at, private.hlc_time(hlc)), now()), f.follow_up_id, f.engagement
      from jsonb_populate_record(null::public.touches, fields) f
    on conflict (id) do nothing;
    if found then
      return private.result(mutation_id, 'applied');
    end if;
  end if;
  select * into cur from public.touches t where t.id = rid;
  if not found then
    insert into public.touches (id, team_id, prospect_id, channel, direction, note, occurred_at, follow_up_id, engagement)
    select rid, team, f.prospect_id, f.channel, coalesce(f.direction, 'out'), f.note,
      least(coalesce(f.occurred_at, private.hlc_time(hlc)), now()), f.follow_up_id, f.engagement
      from jsonb_populate_record(null::public.touches, fields) f;  -- fails with the reason
    return private.result(mutation_id, 'applied');
  end if;
  if cur.team_id <> team then
    raise exception using errcode = '42501', message = 'this touch belongs to another team';
  end if;
  r := jsonb_populate_record(cur, fields);
  -- The same content, its time clamped as on the first write, is a duplicate.
  if (r.prospect_id, r.channel, r.direction, r.note, r.follow_up_id, r.engagement)
     is not distinct from (cur.prospect_id, cur.channel, cur.direction, cur.note, cur.follow_up_id, cur.engagement)
     and (r.occurred_at = cur.occurred_at or least(r.occurred_at, cur.created_at) = cur.occurred_at) then
    return private.result(mutation_id, 'duplicate', 'same_content', 'this touch is already recorded');
  end if;
  return private.result(mutation_id, 'rejected', 'append_only', 'touches are append-only: log a new touch instead');
end;
$$;
