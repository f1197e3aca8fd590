-- The webhook's one statement per group-committed batch (replaces the version of migration 0001), now also
-- keeping the inbox state on the fan row and the account's daily counters:
--   p_fans: one row per fan in the batch — the latest interaction, the latest own message (opens the 48-hour
--     window: its quota resets), the latest follow/click/scan (opens the 1-minute window), the latest
--     subscribe/unsubscribe, and how many of its messages are new (unread).
--   p_messages: one row per push.
-- Daily counters (follows, unfollows, fan messages, automatic replies) are counted from the rows actually
-- inserted, by local day in the account's time zone. Returns the dedupe keys that were new; the others were
-- stored before (a retry seen by another node). Tells listeners which message ids each account got
-- (NOTIFY zg_inbox, delivered at commit).
create or replace function zg_ingest_pushes(p_messages jsonb, p_fans jsonb)
returns table (out_account_id int, out_dedupe_key text)
language plpgsql as $fn$
begin
  return query
  with fan_rows as (
    select * from jsonb_to_recordset(p_fans) as f(
      account_id int, openid text, last_interaction_at timestamptz, last_message_at timestamptz,
      last_window_event_at timestamptz, unread_delta int,
      subscribed boolean, subscription_changed_at timestamptz, subscribe_scene text, qr_scene text)
  ),
  upserted as (
    insert into fans as f (account_id, openid, subscribed, subscribed_at, first_subscribed_at, unsubscribed_at,
                           subscription_changed_at, subscribe_scene, qr_scene, last_interaction_at, last_message_at,
                           last_window_event_at, unread_count)
    select r.account_id, r.openid, coalesce(r.subscribed, true),
           case when r.subscribed then r.subscription_changed_at end,
           case when r.subscribed then r.subscription_changed_at end,
           case when not r.subscribed then r.subscription_changed_at end,
           r.subscription_changed_at, r.subscribe_scene, r.qr_scene, r.last_interaction_at, r.last_message_at,
           r.last_window_event_at, r.unread_delta
      from fan_rows r
    on conflict (account_id, openid) do update set
      last_interaction_at = greatest(f.last_interaction_at, excluded.last_interaction_at),
      -- A newer own message opens a fresh 48-hour window: its quota starts again.
      message_window_used = case when excluded.last_message_at > coalesce(f.last_message_at, '-infinity') then 0 else f.message_window_used end,
      last_message_at = greatest(f.last_message_at, excluded.last_message_at),
      event_window_used = case when excluded.last_window_event_at > coalesce(f.last_window_event_at, '-infinity') then 0 else f.event_window_used end,
      last_window_event_at = greatest(f.last_window_event_at, excluded.last_window_event_at),
      unread_count = f.unread_count + excluded.unread_count,
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
      updated_at = now()
    returning f.id, f.account_id, f.openid
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
    returning m.id, m.account_id, m.dedupe_key, m.msg_type, m.event, m.sent_at, m.reply is not null as replied
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
  -- A plain SELECT CTE runs only if referenced: the cross join below makes sure the NOTIFYs are sent.
  notified as (
    select count(pg_notify('zg_inbox', json_build_object('k', 'm', 'a', r.account_id, 'from', r.first_id, 'to', r.last_id)::text)) as sent
      from (select ins.account_id, min(ins.id) as first_id, max(ins.id) as last_id from inserted ins group by ins.account_id) r
  )
  select ins.account_id, ins.dedupe_key from inserted ins cross join notified;
end
$fn$;
