package vn.tincoso.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.tincoso.articles.ArticleFilter;
import vn.tincoso.articles.ArticleService;
import vn.tincoso.articles.FeedMembership;
import vn.tincoso.config.TincosoConfig;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.feeds.ChangeRepository;
import vn.tincoso.feeds.FeedTopic;
import vn.tincoso.web.ApiException;

/**
 * Turns the change stream into deliveries. One round, in one transaction on whichever instance holds the position's
 * row lock: the changes after the position and below the horizon (as GET /api/v1/changes serves them: a change of a
 * transaction still running is never passed), each subscription's verdict on each — in its feed now or not, by the
 * feed's own criteria judged in memory (FeedMembership, held equal to the feed's SQL) — against what it was told before (webhook_presence), the events, the
 * deliveries, the new presence and the new position. A crash anywhere rolls all of it back; the next round does it again.
 *
 * A WebSub subscription is told differently: when an article that is or was in its topic's feed changes, one
 * delivery of the topic's page (rendered when sent), not an event per article.
 *
 * An article's row carries its latest change only: writes to one article between two rounds (200 ms apart by
 * default) reach a subscriber as one event, of the article as it then is.
 */
@ApplicationScoped
public class WebhookFanout {

    /** Changes read in one round; a longer backlog takes several. */
    static final int ROUND = 500;

    private final EntityManager entityManager;
    private final ChangeRepository stream;
    private final WebhookStore store;
    private final WebhookService webhooks;
    private final ArticleService articles;
    private final ObjectMapper mapper;
    private final TincosoConfig config;

    WebhookFanout(EntityManager entityManager, ChangeRepository stream, WebhookStore store, WebhookService webhooks, ArticleService articles,
            ObjectMapper mapper, TincosoConfig config) {
        this.entityManager = entityManager;
        this.stream = stream;
        this.store = store;
        this.webhooks = webhooks;
        this.articles = articles;
        this.mapper = mapper;
        this.config = config;
    }

    /** A change read from the stream: the article's id, its position, and whether it was deleted (a tombstone). */
    record Change(long id, long xid, long seq, boolean deleted) {
    }

    /** One round; the number of deliveries it recorded, or -1 when another instance is fanning out. */
    @Transactional
    public int round() {
        @SuppressWarnings("unchecked")
        List<Tuple> position = entityManager.createNativeQuery("select after_xid::text::bigint as xid, after_seq as seq"
                + " from webhook_fanout for update skip locked", Tuple.class).getResultList();
        if (position.isEmpty()) {
            return -1;
        }
        long afterXid = ((Number) position.get(0).get("xid")).longValue();
        long afterSeq = ((Number) position.get(0).get("seq")).longValue();
        long horizon = stream.horizon();
        List<WebhookStore.Row> live = store.live();
        List<Change> changes = live.isEmpty() ? List.of() : changesAfter(afterXid, afterSeq, horizon);
        int recorded = changes.isEmpty() ? 0 : fanOut(changes, live);
        if (changes.size() == ROUND) {
            Change last = changes.get(changes.size() - 1);
            move(last.xid(), last.seq());
        } else if (horizon > afterXid) {
            move(horizon, 0);
        }
        return recorded;
    }

    private List<Change> changesAfter(long afterXid, long afterSeq, long horizon) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("select c.id, c.xid, c.seq, c.deleted from ("
                        + " select a.id, a.change_xid::text::bigint as xid, a.change_seq as seq, false as deleted from article a where "
                        + ChangeRepository.window("a")
                        + " union all select t.article_id, t.change_xid::text::bigint, t.change_seq, true from article_tombstone t where "
                        + ChangeRepository.window("t")
                        + ") c order by c.xid, c.seq limit :limit", Tuple.class)
                .setParameter("afterXid", afterXid).setParameter("afterSeq", afterSeq).setParameter("horizon", horizon)
                .setParameter("limit", ROUND).getResultList();
        return rows.stream().map(row -> new Change(((Number) row.get("id")).longValue(), ((Number) row.get("xid")).longValue(),
                ((Number) row.get("seq")).longValue(), (Boolean) row.get("deleted"))).toList();
    }

    private void move(long xid, long seq) {
        entityManager.createNativeQuery("update webhook_fanout set after_xid = cast(cast(:xid as text) as xid8), after_seq = :seq")
                .setParameter("xid", xid).setParameter("seq", seq).executeUpdate();
    }

    private int fanOut(List<Change> changes, List<WebhookStore.Row> live) {
        List<Long> ids = changes.stream().map(Change::id).toList();
        // Each distinct filter read once (portals of one unit often share theirs), all judged in memory on the
        // changed articles' facts, loaded in a few statements whatever the number of subscriptions.
        Map<String, Optional<ArticleFilter>> filters = new HashMap<>();
        for (WebhookStore.Row webhook : live) {
            filters.computeIfAbsent(feedOf(webhook), feed -> filterOf(webhook));
        }
        FeedMembership membership = articles.membership(ids, filters.values().stream().flatMap(Optional::stream).toList());
        Map<String, Set<Long>> inFeed = new HashMap<>();
        filters.forEach((feed, filter) -> inFeed.put(feed, filter.map(membership::inFeed).orElse(Set.of())));
        Map<Long, Set<Long>> told = presence(ids);
        Map<Long, String> items = null;
        List<long[]> added = new ArrayList<>();
        List<long[]> removed = new ArrayList<>();
        Map<String, Long> events = new LinkedHashMap<>();
        List<long[]> deliveries = new ArrayList<>();
        Set<Long> topicsChanged = new java.util.TreeSet<>();
        for (Change change : changes) {
            for (WebhookStore.Row webhook : live) {
                boolean present = !change.deleted() && inFeed.get(feedOf(webhook)).contains(change.id());
                boolean had = told.getOrDefault(change.id(), Set.of()).contains(webhook.id());
                WebhookEventType type = present ? (had ? WebhookEventType.UPDATED : WebhookEventType.PUBLISHED)
                        : had ? (change.deleted() ? WebhookEventType.DELETED : WebhookEventType.UNPUBLISHED) : null;
                if (present != had) {
                    (present ? added : removed).add(new long[] {webhook.id(), change.id()});
                }
                if (webhook.websub()) {
                    // An article that is, or was, in the topic's feed changed: its subscriber gets the page again.
                    if (type != null) {
                        topicsChanged.add(webhook.id());
                    }
                    continue;
                }
                if (type == null || !webhook.events().contains(type.code())) {
                    continue;
                }
                if (items == null) {
                    items = articles.feedItems(ids);
                }
                long event = event(events, change.id(), type, items);
                deliveries.add(new long[] {webhook.id(), event, change.id()});
            }
        }
        pairs("insert into webhook_presence (webhook_id, article_id) select * from unnest(%s, %s) on conflict do nothing", added);
        pairs("delete from webhook_presence p using unnest(%s, %s) r(w, a) where p.webhook_id = r.w and p.article_id = r.a", removed);
        if (!deliveries.isEmpty()) {
            entityManager.createNativeQuery("""
                    insert into webhook_delivery (webhook_id, event_id, article_id, retry_until)
                    select w, e, a, now() + cast(:retryFor as interval)
                      from unnest(:w, :e, :a) with ordinality as r(w, e, a, n)
                     order by n
                    """).setParameter("retryFor", config.webhooks().retryFor().toSeconds() + " seconds")
                    .setParameter("w", column(deliveries, 0)).setParameter("e", column(deliveries, 1))
                    .setParameter("a", column(deliveries, 2)).executeUpdate();
        }
        return deliveries.size() + topicPages(topicsChanged);
    }

    /**
     * One delivery of its topic's page for each WebSub subscription whose topic changed, unless one is already
     * pending: that one is rendered when sent, so it will carry this change too. How many were recorded.
     */
    private int topicPages(Set<Long> subscriptions) {
        if (subscriptions.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                insert into webhook_delivery (webhook_id, retry_until)
                select w, now() + cast(:retryFor as interval) from unnest(:w) w
                 where not exists (select 1 from webhook_delivery d where d.webhook_id = w and d.status = 'pending')
                """).setParameter("retryFor", config.webhooks().retryFor().toSeconds() + " seconds")
                .setParameter("w", subscriptions.toArray(Long[]::new)).executeUpdate();
    }

    /** What decides a subscription's feed: a webhook's filter, or a WebSub subscription's topic. */
    private static String feedOf(WebhookStore.Row webhook) {
        return webhook.websub() ? "topic " + webhook.topic() : webhook.filter();
    }

    /** What decides the subscription's feed: its filter, or its topic's; none when it no longer reads (its unit deleted). */
    private Optional<ArticleFilter> filterOf(WebhookStore.Row webhook) {
        try {
            return webhook.websub() ? FeedTopic.stored(webhook.topic()).map(topic -> topic.query().filter())
                    : Optional.of(webhooks.filterOf(webhook).articleFilter());
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** The subscribers told that each of these articles is in their feed, by article. */
    private Map<Long, Set<Long>> presence(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select article_id, webhook_id from webhook_presence"
                + " where article_id = any(:ids)").setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        Map<Long, Set<Long>> told = new HashMap<>();
        rows.forEach(row -> told.computeIfAbsent(((Number) row[0]).longValue(), article -> new HashSet<>()).add(((Number) row[1]).longValue()));
        return told;
    }

    /** The event of this article and type in this round, recorded once whatever the number of its subscribers. */
    private long event(Map<String, Long> events, long articleId, WebhookEventType type, Map<Long, String> items) {
        return events.computeIfAbsent(articleId + ":" + type.code(), key -> ((Number) entityManager.createNativeQuery(
                "insert into webhook_event (article_id, type, body) values (:article, :type, :body) returning id")
                .setParameter("article", articleId).setParameter("type", type.code())
                .setParameter("body", body(articleId, type, items)).getSingleResult()).longValue());
    }

    /**
     * The payload as Standard Webhooks has it: {"type", "timestamp", "data"}, data the article's feed item, or only its
     * id once it has left the feed.
     */
    private String body(long articleId, WebhookEventType type, Map<Long, String> items) {
        try {
            ObjectNode body = mapper.createObjectNode();
            body.put("type", type.code());
            body.put("timestamp", VietnamTime.of(Instant.now()).toString());
            String item = items.get(articleId);
            if (item != null && (type == WebhookEventType.PUBLISHED || type == WebhookEventType.UPDATED)) {
                body.set("data", mapper.readTree(item));
            } else {
                body.putObject("data").put("id", articleId);
            }
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload cannot be written", e);
        }
    }

    private void pairs(String sql, List<long[]> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery(sql.formatted(":w", ":a"))
                .setParameter("w", column(pairs, 0)).setParameter("a", column(pairs, 1)).executeUpdate();
    }

    private static Long[] column(List<long[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toArray(Long[]::new);
    }
}
