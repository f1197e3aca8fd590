-- The webhook's batch statement (replaces migration 0003's): one round trip stores a batch of pushes and
-- everything that follows from them. Besides the fans upsert, the messages insert (dedupe by key), inbox
-- state and daily counters of 0003, it now also applies, for new pushes only:
--   p_flows: flow session changes ('set' or 'delete'), so a retry seen by another node cannot advance a flow twice;
--   p_submissions: values collected by flows that ended (orders by chat);
--   p_scans: scans through a QR channel's code (subscribe with qrscene_, or SCAN) and the channel's tags;
-- and keeps on the fan row the last shared location and the first / latest QR channel; per-rule hit counters
-- and menu taps by local day; closes follows through channels when the fan unfollows; and WeChat's
-- MASSSENDJOBFINISH totals by msg_id. Rows naming a rule, flow, channel or tag deleted meanwhile are skipped
-- instead of failing the batch.
create or replace function zg_ingest_pushes(p_messages jsonb, p_fans jsonb, p_flows jsonb, p_submissions jsonb, p_scans jsonb)
returns table (out_account_id int, out_dedupe_key text)
language plpgsql as $fn$
begin
  return query
  with fan_rows as (
    select * from jsonb_to_recordset(p_fans) as f(
      account_id int, openid text, last_interaction_at timestamptz, last_message_at timestamptz,
      last_window_event_at timestamptz, unread_delta int, last_latitude float8, last_longitude float8, last_location_at timestamptz,
      subscribed boolean, subscription_changed_at timestamptz, subscribe_scene text, qr_scene text,
      channel_id int, first_touch_at timestamptz, last_touch_at timestamptz)
  ),
  upserted as (
    insert into fans as f (account_id, openid, subscribed, subscribed_at, first_subscribed_at, unsubscribed_at,
                           subscription_changed_at, subscribe_scene, qr_scene, last_interaction_at, last_message_at,
                           last_window_event_at, unread_count, last_latitude, last_longitude, last_location_at,
                           first_channel_id, first_touch_at, last_channel_id, last_touch_at)
    select r.account_id, r.openid, coalesce(r.subscribed, true),
           case when r.subscribed then r.subscription_changed_at end,
           case when r.subscribed then r.subscription_changed_at end,
           case when not r.subscribed then r.subscription_changed_at end,
           r.subscription_changed_at, r.subscribe_scene, r.qr_scene, r.last_interaction_at, r.last_message_at,
           r.last_window_event_at, r.unread_delta, r.last_latitude, r.last_longitude, r.last_location_at,
           r.channel_id, r.first_touch_at, r.channel_id, r.last_touch_at
      from fan_rows r
    on conflict (account_id, openid) do update set
      last_interaction_at = greatest(f.last_interaction_at, excluded.last_interaction_at),
      -- A newer own message opens a fresh 48-hour window: its quota starts again.
      message_window_used = case when excluded.last_message_at > coalesce(f.last_message_at, '-infinity') then 0 else f.message_window_used end,
      last_message_at = greatest(f.last_message_at, excluded.last_message_at),
      event_window_used = case when excluded.last_window_event_at > coalesce(f.last_window_event_at, '-infinity') then 0 else f.event_window_used end,
      last_window_event_at = greatest(f.last_window_event_at, excluded.last_window_event_at),
      unread_count = f.unread_count + excluded.unread_count,
      last_latitude = case when excluded.last_location_at > coalesce(f.last_location_at, '-infinity') then excluded.last_latitude else f.last_latitude end,
      last_longitude = case when excluded.last_location_at > coalesce(f.last_location_at, '-infinity') then excluded.last_longitude else f.last_longitude end,
      last_location_at = greatest(f.last_location_at, excluded.last_location_at),
      -- A fan writing again reopens a closed conversation.
      conversation_status = case when excluded.unread_count > 0 then 'open' else f.conversation_status end,
      subscribed = case when excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                        then excluded.subscribed else f.subscribed end,
      subscribed_at = case when excluded.subscribed and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                           then excluded.subscription_changed_at else f.subscribed_at end,
      first_subscribed_at = coalesce(f.first_subscribed_at, excluded.first_subscribed_at),
      unsubscribed_at = case when excluded.subscribed = false and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                             then excluded.subscription_changed_at else f.unsubscribed_at end,
      subscribe_scene = case when excluded.subscribed and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                             then coalesce(excluded.subscribe_scene, f.subscribe_scene) else f.subscribe_scene end,
      qr_scene = case when excluded.subscribed and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                      then coalesce(excluded.qr_scene, f.qr_scene) else f.qr_scene end,
      subscription_changed_at = greatest(f.subscription_changed_at, excluded.subscription_changed_at),
      first_channel_id = coalesce(f.first_channel_id, excluded.first_channel_id),
      first_touch_at = coalesce(f.first_touch_at, excluded.first_touch_at),
      last_channel_id = case when excluded.last_touch_at >= coalesce(f.last_touch_at, '-infinity') then excluded.last_channel_id else f.last_channel_id end,
      last_touch_at = greatest(f.last_touch_at, excluded.last_touch_at),
      updated_at = now()
    returning f.id, f.account_id, f.openid, f.subscribed, f.unsubscribed_at
  ),
  inserted as (
    insert into messages as m (account_id, fan_id, direction, dedupe_key, msg_id, msg_type, event, event_key, content,
                               payload, reply, reply_source, sent_at)
    select b.account_id, u.id, 'in', b.dedupe_key, b.msg_id, b.msg_type, b.event, b.event_key, b.content,
           b.payload, b.reply, b.reply_source, b.sent_at
      from jsonb_to_recordset(p_messages) as b(
        i int, account_id int, openid text, dedupe_key text, msg_id text, msg_type text, event text, event_key text,
        content text, payload jsonb, reply jsonb, reply_source text, sent_at timestamptz)
      join upserted u on u.account_id = b.account_id and u.openid = b.openid
     order by b.i
    on conflict (account_id, dedupe_key) where dedupe_key is not null do nothing
    returning m.id, m.account_id, m.fan_id, m.dedupe_key, m.msg_type, m.event, m.event_key, m.payload, m.sent_at, m.reply is not null as replied, m.reply_source
  ),
  flow_rows as (
    select x.* from jsonb_to_recordset(p_flows) as x(
      account_id int, openid text, dedupe_key text, op text, flow_id int, step text, data jsonb, score int,
      started_at timestamptz, expires_at timestamptz)
      join inserted ins on ins.account_id = x.account_id and ins.dedupe_key = x.dedupe_key
  ),
  flow_set as (
    insert into flow_sessions as s (account_id, openid, flow_id, step, data, score, started_at, expires_at)
    select x.account_id, x.openid, x.flow_id, x.step, x.data, x.score, x.started_at, x.expires_at
      from flow_rows x join flows fl on fl.id = x.flow_id and fl.account_id = x.account_id
     where x.op = 'set'
    on conflict (account_id, openid) do update set
      flow_id = excluded.flow_id, step = excluded.step, data = excluded.data, score = excluded.score,
      started_at = excluded.started_at, expires_at = excluded.expires_at
    returning 1
  ),
  flow_deleted as (
    delete from flow_sessions s using flow_rows x
     where x.op = 'delete' and s.account_id = x.account_id and s.openid = x.openid
    returning 1
  ),
  submitted as (
    insert into flow_submissions (account_id, flow_id, fan_id, data, score, rank, winner)
    select x.account_id, x.flow_id, ins.fan_id, x.data, x.score, x.rank, x.winner
      from jsonb_to_recordset(p_submissions) as x(account_id int, dedupe_key text, flow_id int, data jsonb, score int, rank int, winner boolean)
      join inserted ins on ins.account_id = x.account_id and ins.dedupe_key = x.dedupe_key
      join flows fl on fl.id = x.flow_id and fl.account_id = x.account_id
    returning 1
  ),
  hits as (
    insert into reply_rule_hits as h (rule_id, day, account_id, hits)
    select r.id, (ins.sent_at at time zone a.timezone)::date, ins.account_id, count(*)
      from inserted ins
      join accounts a on a.id = ins.account_id
      join reply_rules r on r.account_id = ins.account_id
        and split_part(ins.reply_source, ':', 1) in ('rule', 'welcome', 'default', 'type')
        and r.id = nullif(split_part(ins.reply_source, ':', 2), '')::int
     group by 1, 2, 3
    on conflict (rule_id, day) do update set hits = h.hits + excluded.hits
    returning 1
  ),
  counted as (
    insert into account_daily_stats as s (account_id, day, new_follows, unfollows, messages_in, auto_replies)
    select ins.account_id, (ins.sent_at at time zone a.timezone)::date,
           count(*) filter (where ins.event = 'subscribe'), count(*) filter (where ins.event = 'unsubscribe'),
           count(*) filter (where ins.msg_type <> 'event'), count(*) filter (where ins.replied)
      from inserted ins join accounts a on a.id = ins.account_id
     group by 1, 2
    on conflict (account_id, day) do update set
      new_follows = s.new_follows + excluded.new_follows,
      unfollows = s.unfollows + excluded.unfollows,
      messages_in = s.messages_in + excluded.messages_in,
      auto_replies = s.auto_replies + excluded.auto_replies
    returning 1
  ),
  scan_rows as (
    select x.*, ins.fan_id from jsonb_to_recordset(p_scans) as x(
      account_id int, dedupe_key text, channel_id int, code_id int, kind text, tag_ids int[], scanned_at timestamptz, unfollowed_at timestamptz)
      join inserted ins on ins.account_id = x.account_id and ins.dedupe_key = x.dedupe_key
      join qr_channels c on c.id = x.channel_id and c.account_id = x.account_id
  ),
  -- A follow whose fan is (by now) unsubscribed after it was already undone: a late retry, another node's
  -- unsubscribe, or one later in this batch.
  scanned as (
    insert into qr_scans (account_id, channel_id, code_id, fan_id, kind, scanned_at, unfollowed_at)
    select x.account_id, x.channel_id, x.code_id, x.fan_id, x.kind, x.scanned_at,
           coalesce(x.unfollowed_at, case when x.kind = 'subscribe' and not u.subscribed and u.unsubscribed_at >= x.scanned_at then u.unsubscribed_at end)
      from scan_rows x join upserted u on u.id = x.fan_id
    returning 1
  ),
  tagged as (
    insert into fan_tags (fan_id, tag_id)
    select distinct x.fan_id, t.id from scan_rows x join tags t on t.account_id = x.account_id and t.id = any(x.tag_ids)
    on conflict do nothing
    returning 1
  ),
  -- Follows stored by earlier batches; a follow and its unfollow in one batch arrive with unfollowed_at set.
  unfollowed as (
    update qr_scans s set unfollowed_at = ins.sent_at
      from inserted ins
     where ins.event = 'unsubscribe' and s.account_id = ins.account_id and s.fan_id = ins.fan_id
       and s.kind = 'subscribe' and s.unfollowed_at is null and s.scanned_at <= ins.sent_at
    returning 1
  ),
  clicked as (
    insert into menu_clicks as c (account_id, day, event_key, clicks)
    select ins.account_id, (ins.sent_at at time zone a.timezone)::date, ins.event_key, count(*)
      from inserted ins join accounts a on a.id = ins.account_id
     where ins.event in ('CLICK', 'VIEW', 'view_miniprogram', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto',
                         'pic_photo_or_album', 'pic_weixin', 'location_select') and ins.event_key is not null
     group by 1, 2, 3
    on conflict (account_id, day, event_key) do update set clicks = c.clicks + excluded.clicks
    returning 1
  ),
  job_results as (
    insert into mass_job_results as r (account_id, msg_id, status, total_count, filter_count, sent_count, error_count)
    select distinct on (ins.account_id, ins.payload->>'msgId') ins.account_id, ins.payload->>'msgId', coalesce(ins.payload->>'status', ''),
           coalesce((ins.payload->>'totalCount')::int, 0), coalesce((ins.payload->>'filterCount')::int, 0),
           coalesce((ins.payload->>'sentCount')::int, 0), coalesce((ins.payload->>'errorCount')::int, 0)
      from inserted ins
     where ins.event = 'MASSSENDJOBFINISH' and coalesce(ins.payload->>'msgId', '') <> ''
     order by ins.account_id, ins.payload->>'msgId', ins.id desc
    on conflict (account_id, msg_id) do update set status = excluded.status, total_count = excluded.total_count,
      filter_count = excluded.filter_count, sent_count = excluded.sent_count, error_count = excluded.error_count, received_at = now()
    returning 1
  ),
  -- A plain SELECT CTE runs only if referenced: the cross join below makes sure the NOTIFYs are sent.
  notified as (
    select count(pg_notify('zg_inbox', json_build_object('k', 'm', 'a', r.account_id, 'from', r.first_id, 'to', r.last_id)::text)) as sent
      from (select ins.account_id, min(ins.id) as first_id, max(ins.id) as last_id from inserted ins group by ins.account_id) r
  )
  select ins.account_id, ins.dedupe_key from inserted ins cross join notified;
end
$fn$;
--> statement-breakpoint
drop function if exists zg_ingest_pushes(jsonb, jsonb);
