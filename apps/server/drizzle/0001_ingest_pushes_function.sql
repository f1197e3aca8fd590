-- The webhook's one statement per group-committed batch, as a function so PostgreSQL (and PGlite, where
-- planning a statement costs milliseconds) plans it once per session instead of once per batch.
-- p_fans: one row per fan in the batch (an upsert may touch a row once per statement): the latest
-- interaction, the latest own message (opens the 48-hour window), the latest subscribe/unsubscribe.
-- p_messages: one row per push. Returns the dedupe keys that were new; the others were stored before.
-- A fan first seen through a message (it followed before we were connected) is created as subscribed:
-- WeChat only delivers messages from followers.
create or replace function zg_ingest_pushes(p_messages jsonb, p_fans jsonb)
returns table (out_account_id int, out_dedupe_key text)
language plpgsql as $fn$
begin
  return query
  with fan_rows as (
    select * from jsonb_to_recordset(p_fans) as f(
      account_id int, openid text, last_interaction_at timestamptz, last_message_at timestamptz,
      subscribed boolean, subscription_changed_at timestamptz, subscribe_scene text, qr_scene text)
  ),
  upserted as (
    insert into fans as f (account_id, openid, subscribed, subscribed_at, first_subscribed_at, unsubscribed_at,
                           subscription_changed_at, subscribe_scene, qr_scene, last_interaction_at, last_message_at)
    select r.account_id, r.openid, coalesce(r.subscribed, true),
           case when r.subscribed then r.subscription_changed_at end,
           case when r.subscribed then r.subscription_changed_at end,
           case when not r.subscribed then r.subscription_changed_at end,
           r.subscription_changed_at, r.subscribe_scene, r.qr_scene, r.last_interaction_at, r.last_message_at
      from fan_rows r
    on conflict (account_id, openid) do update set
      last_interaction_at = greatest(f.last_interaction_at, excluded.last_interaction_at),
      last_message_at = greatest(f.last_message_at, excluded.last_message_at),
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
    returning m.account_id, m.dedupe_key
  )
  select ins.account_id, ins.dedupe_key from inserted ins;
end
$fn$;
