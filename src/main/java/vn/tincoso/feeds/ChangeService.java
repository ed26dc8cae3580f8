package vn.tincoso.feeds;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import vn.tincoso.articles.ArticleCriteria;
import vn.tincoso.articles.ArticleFilter;
import vn.tincoso.articles.ArticleService;
import vn.tincoso.articles.ArticleSort;
import vn.tincoso.articles.ArticleView;
import vn.tincoso.config.TincosoConfig;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.ProblemType;

/**
 * Delta sync: what changed in a filter's feed since a client's token. Replaying every page from no token
 * on, or from any token a client was given, leaves the client with exactly the articles the feed shows.
 */
@ApplicationScoped
public class ChangeService {

    public static final int DEFAULT_LIMIT = 100;
    /** The query parameter that carries the sync token. */
    static final String SINCE = "since";
    public static final int MAX_LIMIT = 500;
    private static final Logger LOG = Logger.getLogger(ChangeService.class);

    private final ChangeRepository changes;
    private final ArticleService articles;
    private final TincosoConfig config;
    private final Clock clock;

    ChangeService(ChangeRepository changes, ArticleService articles, TincosoConfig config, Clock clock) {
        this.changes = changes;
        this.articles = articles;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ChangeFeed since(ArticleFilter filter, Optional<String> since, int limit) {
        // The change stream has no order of its own to choose: the fingerprint only ties tokens to filters.
        String fingerprint = filter.fingerprint(ArticleSort.NEWEST);
        long horizon = changes.horizon();
        SyncToken position = since.map(text -> SyncToken.decode(SINCE, text))
                .orElse(new SyncToken(0, 0, horizon, fingerprint));
        if (!position.fingerprint().equals(fingerprint)) {
            throw new InvalidParameterException(SINCE, "thuộc về một bộ lọc khác");
        }
        // A client at or before the last purged tombstone's transaction may have missed it.
        long purged = changes.purgedThrough();
        if (since.isPresent() && purged > 0 && position.afterXid() <= purged) {
            throw new ExpiredPosition();
        }
        Optional<ArticleCriteria> criteria = articles.criteria(filter);
        List<ChangeRepository.Change> page = changes.after(criteria, position, horizon, limit + 1);
        boolean more = page.size() > limit;
        List<ChangeRepository.Change> served = more ? page.subList(0, limit) : page;
        Map<Long, ArticleView> upserts = articles.views(served.stream().filter(ChangeRepository.Change::present)
                .map(ChangeRepository.Change::id).toList()).stream()
                .collect(Collectors.toMap(ArticleView::id, Function.identity()));
        List<ChangeFeed.Change> entries = served.stream().map(change -> upserts.containsKey(change.id())
                ? new ChangeFeed.Change("upsert", change.id(), upserts.get(change.id()))
                : new ChangeFeed.Change("delete", change.id(), null)).toList();
        // Caught up: every change before the horizon has been seen, so the next call starts there.
        SyncToken next = more
                ? new SyncToken(served.get(served.size() - 1).xid(), served.get(served.size() - 1).seq(), position.initialHorizon(), fingerprint)
                : new SyncToken(Math.max(horizon, position.afterXid()), 0, position.initialHorizon(), fingerprint);
        return new ChangeFeed(entries, next.encode(), more);
    }

    /** Keeps tombstones as long as configured, hourly. */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeTombstones() {
        int purged = changes.purgeTombstonesBefore(clock.instant().minus(config.sync().tombstoneRetention()));
        if (purged > 0) {
            LOG.infof("Purged %d tombstones older than %s", purged, config.sync().tombstoneRetention());
        }
    }

    /** 410: the tombstones this client would need are gone. */
    static final class ExpiredPosition extends ApiException {
        ExpiredPosition() {
            super(ProblemType.SYNC_EXPIRED, "Vị trí đồng bộ cũ hơn thời gian lưu bài đã xóa; hãy đồng bộ lại từ đầu (bỏ since).",
                    SINCE, "quá cũ");
        }
    }
}
