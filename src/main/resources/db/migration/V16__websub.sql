-- The WebSub hub (webhooks.WebSubHub). A subscriber's verified subscription to a topic (one of the feed URLs, any
-- filter) is a webhook row with that topic, its callback as the target and its lease's end: the same fan-out decides
-- when the topic's content changed, the same outbox delivers, claimed and retried alike. Such rows are not listed by
-- /api/v1/webhooks.
alter table webhook add column topic text check (length(topic) between 1 and 4000);
alter table webhook add column expires_at timestamptz;
-- hub.secret is optional: a WebSub subscription without one is delivered unsigned.
alter table webhook alter column secret_sealed drop not null;
alter table webhook add constraint webhook_kind check (
    topic is null and secret_sealed is not null and expires_at is null
    or topic is not null and expires_at is not null);
-- One subscription per callback and topic: subscribing again renews it.
create unique index webhook_websub on webhook (target_url, topic) where topic is not null;
create index webhook_websub_expiry on webhook (expires_at) where topic is not null;

-- A WebSub delivery carries no event: what it sends is the topic's first page as it is when sent.
alter table webhook_delivery alter column event_id drop not null;
alter table webhook_delivery alter column article_id drop not null;
alter table webhook_delivery add constraint webhook_delivery_what check ((event_id is null) = (article_id is null));

-- A subscriber's deliveries go in order per article, and a WebSub subscription's one at a time: both are the same
-- rule with the article's id as the key, 0 for a topic's page (no article has id 0). The sender counts each
-- subscription's deliveries being sent, among very many pending ones.
drop index webhook_delivery_order;
create index webhook_delivery_order on webhook_delivery (webhook_id, coalesce(article_id, 0), id)
    where status in ('pending', 'sending');
create index webhook_delivery_sending on webhook_delivery (webhook_id) where status = 'sending';
