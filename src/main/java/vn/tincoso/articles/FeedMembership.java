package vn.tincoso.articles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a few articles the feeds of many filters hold, judged in memory: the webhook fan-out asks it of every
 * subscription each round, and one statement per filter (the feed's own) cost more than the rest of the round —
 * seconds a round at a thousand subscriptions. What the feed's condition reads of each article is loaded once
 * ({@link Facts}), and every clause of {@link ArticleRepository#condition} has its twin in {@link #holds}; q, which
 * only PostgreSQL's text search can judge, comes matched by one statement for every q of the round.
 * FeedMembershipTest holds the two equal, filter by filter, on a corpus.
 */
public final class FeedMembership {

    /** One directive an article implements, as the type and issuer filters read it. */
    record Cited(String slug, String type, String issuer) {
    }

    /**
     * What the condition reads of one article: its status, time, body, unit (its id, level and the ids on its
     * materialised path, itself included) and the directives it cites.
     */
    record Facts(long id, boolean published, Instant publishedAt, String body, Long organisationId, String level,
            Set<Long> unitsAbove, List<Cited> directives) {
    }

    private final List<Facts> articles;
    private final Map<String, Long> unitIds;
    private final Map<String, Set<Long>> lineages;
    private final Map<String, Set<Long>> searched;

    /**
     * @param unitIds  the id of each org slug the filters name (an unknown one absent: its feed is empty)
     * @param lineages the units each LINEAGE-scoped org of the filters covers, by slug
     * @param searched the articles each q of the filters matches
     */
    FeedMembership(List<Facts> articles, Map<String, Long> unitIds, Map<String, Set<Long>> lineages, Map<String, Set<Long>> searched) {
        this.articles = articles;
        this.unitIds = unitIds;
        this.lineages = lineages;
        this.searched = searched;
    }

    /** The articles, of those loaded, that the feed of this filter holds now. */
    public Set<Long> inFeed(ArticleFilter filter) {
        Set<Long> lineageUnits = filter.org() != null && filter.scope() == OrganisationScope.LINEAGE
                ? lineages.getOrDefault(filter.org(), Set.of()) : null;
        return articles.stream().filter(article -> holds(article, filter, lineageUnits)).map(Facts::id).collect(Collectors.toSet());
    }

    /** ArticleRepository.condition, clause by clause, on one article (and the feed's own "published"). */
    private boolean holds(Facts article, ArticleFilter filter, Set<Long> lineageUnits) {
        return article.published()
                && (filter.q() == null || searched.getOrDefault(filter.q(), Set.of()).contains(article.id()))
                && (filter.levels().isEmpty() || filter.levels().stream().anyMatch(level -> level.code().equals(article.level())))
                && (filter.bodies().isEmpty() || filter.bodies().stream().anyMatch(body -> body.code().equals(article.body())))
                && (filter.org() == null || covers(filter, article, lineageUnits))
                && (filter.directive() == null || article.directives().stream().anyMatch(cited -> cited.slug().equals(filter.directive().slug())))
                && (filter.type() == null && filter.issuer() == null || article.directives().stream().anyMatch(cited ->
                        (filter.type() == null || filter.type().code().equals(cited.type()))
                                && (filter.issuer() == null || filter.issuer().code().equals(cited.issuer()))))
                && (filter.from() == null || article.publishedAt() != null && !article.publishedAt().isBefore(filter.from()))
                && (filter.to() == null || article.publishedAt() != null && article.publishedAt().isBefore(filter.to()));
    }

    /** Whether the article's unit is among those the org filter covers (ArticleService.unitsCovered). */
    private boolean covers(ArticleFilter filter, Facts article, Set<Long> lineageUnits) {
        if (article.organisationId() == null) {
            return false;
        }
        Long unit = unitIds.get(filter.org());
        return switch (filter.scope()) {
            case EXACT -> article.organisationId().equals(unit);
            case SUBTREE -> unit != null && article.unitsAbove().contains(unit);
            case LINEAGE -> lineageUnits.contains(article.organisationId());
        };
    }
}
