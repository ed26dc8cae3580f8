package vn.tincoso.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The webhook tables of V15, by SQL: subscriptions and their deliveries as the API reads and writes them. */
@ApplicationScoped
public class WebhookStore {

    /**
     * A subscription row; {@code filter} is its JSON text. A WebSub subscription has a {@code topic} (its callback is
     * the url, its secret optional) and no filter: the topic's feed is its filter.
     */
    record Row(long id, String url, byte[] secretSealed, List<String> events, String filter, Long organisationId,
            String state, String disabledReason, String createdBy, Instant createdAt, Instant updatedAt, String topic) {

        boolean websub() {
            return topic != null;
        }
    }

    /** Who a WebSub subscription is created by: the hub, for whoever verified the callback. */
    static final String WEBSUB = "websub";

    private static final String COLUMNS = "id, target_url, secret_sealed, array_to_string(events, ',') as events,"
            + " filter::text as filter, organisation_id, state, disabled_reason, created_by, created_at, updated_at, topic";

    private final EntityManager entityManager;

    WebhookStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long insert(String url, byte[] secretSealed, List<String> events, String filter, Long organisationId, String createdBy) {
        return ((Number) entityManager.createNativeQuery("""
                insert into webhook (target_url, secret_sealed, events, filter, organisation_id, created_by)
                values (:url, :secret, string_to_array(:events, ','), cast(:filter as jsonb), :organisation, :createdBy)
                returning id
                """).setParameter("url", url).setParameter("secret", secretSealed).setParameter("events", String.join(",", events))
                .setParameter("filter", filter).setParameter("organisation", organisationId).setParameter("createdBy", createdBy)
                .getSingleResult()).longValue();
    }

    Optional<Row> find(long id, boolean lock) {
        return rows("select " + COLUMNS + " from webhook where id = :id and topic is null" + (lock ? " for update" : ""), id, null)
                .stream().findFirst();
    }

    /** Every subscription, or (for an editor) those of units in the subtree of {@code withinSlug}; by id. */
    List<Row> list(String withinSlug) {
        String where = " where topic is null" + (withinSlug == null ? "" : " and organisation_id in (select o.id from organisation o"
                + " where o.path <@ (select p.path from organisation p where p.slug = :within))");
        return rows("select " + COLUMNS + " from webhook" + where + " order by id", null, withinSlug);
    }

    /**
     * Subscriptions the fan-out serves: all but the disabled (paused ones still collect their deliveries) and the
     * WebSub ones whose lease has ended.
     */
    List<Row> live() {
        return rows("select " + COLUMNS + " from webhook where state <> 'disabled' and (expires_at is null or expires_at > now())"
                + " order by id", null, null);
    }

    /**
     * A verified WebSub subscription: new, or renewed (lease, secret) if the callback had one to this topic. Called off
     * any request (the hub's verification threads), hence a request context of its own.
     */
    @jakarta.enterprise.context.control.ActivateRequestContext
    @jakarta.transaction.Transactional
    public void subscribe(String callback, String topic, byte[] secretSealed, java.time.Duration lease, List<Long> shown) {
        long id = ((Number) entityManager.createNativeQuery("""
                insert into webhook (target_url, topic, secret_sealed, events, created_by, expires_at)
                values (:callback, :topic, :secret, array['article.published', 'article.updated', 'article.unpublished',
                        'article.deleted'], :by, now() + cast(:lease as interval))
                on conflict (target_url, topic) where topic is not null
                do update set secret_sealed = excluded.secret_sealed, expires_at = excluded.expires_at, state = 'active',
                              disabled_reason = null, updated_at = now()
                returning id
                """).setParameter("callback", callback).setParameter("topic", topic).setParameter("secret", secretSealed)
                .setParameter("by", WEBSUB).setParameter("lease", lease.toSeconds() + " seconds").getSingleResult()).longValue();
        // What its page shows now is in its feed: one of these leaving (unpublished, moved, deleted) changes the page.
        if (!shown.isEmpty()) {
            entityManager.createNativeQuery("insert into webhook_presence (webhook_id, article_id)"
                    + " select :id, unnest(:shown) on conflict do nothing")
                    .setParameter("id", id).setParameter("shown", shown.toArray(Long[]::new)).executeUpdate();
        }
    }

    /** Ends a WebSub subscription (its deliveries go with it); whether there was one. */
    @jakarta.enterprise.context.control.ActivateRequestContext
    @jakarta.transaction.Transactional
    public boolean unsubscribe(String callback, String topic) {
        return entityManager.createNativeQuery("delete from webhook where target_url = :callback and topic = :topic")
                .setParameter("callback", callback).setParameter("topic", topic).executeUpdate() > 0;
    }

    @jakarta.transaction.Transactional
    public boolean hasWebSub(String callback, String topic) {
        return !entityManager.createNativeQuery("select 1 from webhook where target_url = :callback and topic = :topic")
                .setParameter("callback", callback).setParameter("topic", topic).getResultList().isEmpty();
    }

    /** WebSub subscriptions held, leases running or not yet purged. */
    @jakarta.transaction.Transactional
    public long countWebSub() {
        return ((Number) entityManager.createNativeQuery("select count(*) from webhook where topic is not null").getSingleResult()).longValue();
    }

    long countCreatedBy(String createdBy) {
        return ((Number) entityManager.createNativeQuery("select count(*) from webhook where created_by = :by")
                .setParameter("by", createdBy).getSingleResult()).longValue();
    }

    void update(long id, String url, byte[] secretSealed, List<String> events, String filter, Long organisationId, String state) {
        entityManager.createNativeQuery("""
                update webhook set target_url = :url, secret_sealed = :secret, events = string_to_array(:events, ','),
                       filter = cast(:filter as jsonb), organisation_id = :organisation, state = :state,
                       disabled_reason = case when :state = 'disabled' then disabled_reason end, updated_at = now()
                 where id = :id
                """).setParameter("url", url).setParameter("secret", secretSealed).setParameter("events", String.join(",", events))
                .setParameter("filter", filter).setParameter("organisation", organisationId).setParameter("state", state)
                .setParameter("id", id).executeUpdate();
    }

    void delete(long id) {
        entityManager.createNativeQuery("delete from webhook where id = :id").setParameter("id", id).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String sql, Long id, String within) {
        var query = entityManager.createNativeQuery(sql, Tuple.class);
        if (id != null) {
            query.setParameter("id", id);
        }
        if (within != null) {
            query.setParameter("within", within);
        }
        return ((List<Tuple>) query.getResultList()).stream().map(row -> new Row(((Number) row.get("id")).longValue(),
                (String) row.get("target_url"), (byte[]) row.get("secret_sealed"),
                Arrays.asList(((String) row.get("events")).split(",")), (String) row.get("filter"),
                row.get("organisation_id") == null ? null : ((Number) row.get("organisation_id")).longValue(),
                (String) row.get("state"), (String) row.get("disabled_reason"), (String) row.get("created_by"),
                instant(row.get("created_at")), instant(row.get("updated_at")), (String) row.get("topic"))).toList();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** A subscription's deliveries, newest first, after a cursor (the last id seen), at most {@code limit}. */
    @SuppressWarnings("unchecked")
    List<DeliveryView> deliveries(long webhookId, Long beforeId, int limit) {
        var query = entityManager.createNativeQuery("""
                select d.id, e.type, d.article_id, d.status, d.attempts, d.created_at, d.last_attempt_at, d.last_status_code,
                       d.last_error, d.next_attempt_at, d.delivered_at
                  from webhook_delivery d left join webhook_event e on e.id = d.event_id
                 where d.webhook_id = :webhook and d.id < :before
                 order by d.id desc limit :limit
                """, Tuple.class).setParameter("webhook", webhookId)
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId).setParameter("limit", limit);
        return ((List<Tuple>) query.getResultList()).stream().map(WebhookStore::delivery).toList();
    }

    @SuppressWarnings("unchecked")
    Optional<DeliveryView> delivery(long webhookId, long deliveryId) {
        var query = entityManager.createNativeQuery("""
                select d.id, e.type, d.article_id, d.status, d.attempts, d.created_at, d.last_attempt_at, d.last_status_code,
                       d.last_error, d.next_attempt_at, d.delivered_at
                  from webhook_delivery d left join webhook_event e on e.id = d.event_id
                 where d.webhook_id = :webhook and d.id = :id
                """, Tuple.class).setParameter("webhook", webhookId).setParameter("id", deliveryId);
        return ((List<Tuple>) query.getResultList()).stream().map(WebhookStore::delivery).findFirst();
    }

    /** Sends a delivery again now, retried as long as a new one would be; false if it is not this subscription's. */
    boolean retry(long webhookId, long deliveryId, java.time.Duration retryFor) {
        return entityManager.createNativeQuery("""
                update webhook_delivery set status = 'pending', next_attempt_at = now(), claimed_until = null,
                       retry_until = now() + cast(:retryFor as interval)
                 where webhook_id = :webhook and id = :id
                """).setParameter("retryFor", retryFor.toSeconds() + " seconds").setParameter("webhook", webhookId)
                .setParameter("id", deliveryId).executeUpdate() == 1;
    }

    /** Drops finished deliveries older than the retention, and events no delivery needs any more; how many deliveries. */
    @jakarta.transaction.Transactional
    public int purge(java.time.Duration retention) {
        String before = retention.toSeconds() + " seconds";
        int purged = entityManager.createNativeQuery("delete from webhook_delivery where status in ('delivered', 'dead')"
                + " and created_at < now() - cast(:before as interval)").setParameter("before", before).executeUpdate();
        entityManager.createNativeQuery("delete from webhook_event e where e.created_at < now() - cast(:before as interval)"
                + " and not exists (select 1 from webhook_delivery d where d.event_id = e.id)").setParameter("before", before).executeUpdate();
        return purged;
    }

    private static DeliveryView delivery(Tuple row) {
        return new DeliveryView("msg_" + row.get(0), (String) row.get(1), ((Number) row.get(2)).longValue(), (String) row.get(3),
                ((Number) row.get(4)).intValue(), time(row.get(5)), time(row.get(6)),
                row.get(7) == null ? null : ((Number) row.get(7)).intValue(), (String) row.get(8), time(row.get(9)), time(row.get(10)));
    }

    private static java.time.OffsetDateTime time(Object value) {
        return value == null ? null : vn.tincoso.config.VietnamTime.of(instant(value));
    }
}
