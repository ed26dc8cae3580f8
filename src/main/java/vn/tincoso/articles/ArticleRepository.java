package vn.tincoso.articles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import vn.tincoso.organisations.Level;
import vn.tincoso.web.PageCursor;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    /** One position in a feed page: the article, and with q its rank and highlighted passage. */
    record PageEntry(long id, Float rank, String snippet) {
    }

    // ts_headline marks matches with private-use characters; the view escapes the text, then turns them into <mark>.
    static final char MARK_START = '\uE000';
    static final char MARK_END = '\uE001';
    private static final String HEADLINE_OPTIONS = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
            + ", MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * One page of published articles matching the criteria, in the sort's order, starting after the
     * cursor; at most {@code limit} entries. Keyset pagination on (published_at, id), never OFFSET.
     * <p>
     * Indexes: newest/oldest walk article_feed (published_at, id) backwards or forwards; with an
     * organisation, article_organisation_feed for each unit of the subtree (found by organisation_path);
     * with a directive, article_directive_by_directive; with q, article_search (GIN) finds the matches
     * and only those are ranked. The planner picks among them by selectivity.
     */
    public List<PageEntry> page(ArticleCriteria criteria, ArticleSort sort, PageCursor after, int limit) {
        Map<String, Object> params = new HashMap<>();
        String matches = matching(criteria, params);
        String keyset = "";
        if (after != null) {
            params.put("afterPublishedAt", after.publishedAt());
            params.put("afterId", after.id());
            keyset = switch (sort) {
                case NEWEST -> "where (r.published_at, r.id) < (:afterPublishedAt, :afterId)";
                case OLDEST -> "where (r.published_at, r.id) > (:afterPublishedAt, :afterId)";
                case RELEVANCE -> {
                    params.put("afterRank", after.rank());
                    yield "where r.rank < cast(:afterRank as real) or (r.rank = cast(:afterRank as real)"
                            + " and (r.published_at, r.id) < (:afterPublishedAt, :afterId))";
                }
            };
        }
        String order = switch (sort) {
            case NEWEST -> "r.published_at desc, r.id desc";
            case OLDEST -> "r.published_at, r.id";
            case RELEVANCE -> "r.rank desc, r.published_at desc, r.id desc";
        };
        String snippet = criteria.q() == null ? "cast(null as text)"
                : "ts_headline('vietnamese_folded', array_to_string(b.body, ' '), "
                        + "websearch_to_tsquery('vietnamese_folded', search_words(:q)), :headline)";
        if (criteria.q() != null) {
            params.put("headline", HEADLINE_OPTIONS);
        }
        // The headline is computed for the page's rows only, after the limit.
        String sql = "select p.id, p.rank, " + snippet + " as snippet from ("
                + " select r.id, r.rank, r.published_at from (" + matches + ") r " + keyset
                + " order by " + order + " limit :limit) p"
                + " join article b on b.id = p.id"
                + " order by " + order.replace("r.", "p.");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream()
                .map(row -> new PageEntry(((Number) row.get("id")).longValue(),
                        row.get("rank") == null ? null : ((Number) row.get("rank")).floatValue(),
                        (String) row.get("snippet")))
                .toList();
    }

    private static String matching(ArticleCriteria criteria, Map<String, Object> params) {
        String rank = "cast(null as real)";
        if (criteria.q() != null) {
            rank = "ts_rank(a.search, websearch_to_tsquery('vietnamese_folded', search_words(:q)))";
        }
        return "select a.id, a.published_at, " + rank + " as rank from article a"
                + " where a.status = 'published' and " + condition(criteria, params);
    }

    /**
     * The criteria as one SQL condition on article {@code a}, whatever its status: the feed adds
     * "published", the change stream uses it to tell which changed articles still belong to a filter.
     */
    public static String condition(ArticleCriteria criteria, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("true");
        if (criteria.q() != null) {
            sql.append(" and a.search @@ websearch_to_tsquery('vietnamese_folded', search_words(:q))");
            params.put("q", criteria.q());
        }
        if (!criteria.levels().isEmpty()) {
            sql.append(" and a.organisation_id in (select o.id from organisation o where o.level in (:levels))");
            params.put("levels", criteria.levels().stream().map(Level::code).toList());
        }
        if (criteria.organisationId() != null) {
            params.put("organisationId", criteria.organisationId());
            sql.append(switch (criteria.scope()) {
                case EXACT -> " and a.organisation_id = :organisationId";
                case SUBTREE -> " and a.organisation_id in (select s.id from organisation s"
                        + " where s.path <@ (select t.path from organisation t where t.id = :organisationId))";
                // The unit and every unit merged into it, recursively (organisation_successor), with their subtrees.
                case LINEAGE -> " and a.organisation_id in (select s.id from organisation s join organisation p on s.path <@ p.path"
                        + " where p.id in (with recursive lineage(id) as (select cast(:organisationId as bigint)"
                        + " union select o.id from organisation o join lineage l on o.successor_id = l.id) select id from lineage))";
            });
        }
        if (criteria.directiveId() != null) {
            sql.append(" and a.id in (select ad.article_id from article_directive ad where ad.directive_id = :directiveId)");
            params.put("directiveId", criteria.directiveId());
        }
        if (criteria.type() != null || criteria.issuer() != null) {
            sql.append(" and a.id in (select ad.article_id from article_directive ad join directive d on d.id = ad.directive_id where true");
            if (criteria.type() != null) {
                sql.append(" and d.doc_type = :type");
                params.put("type", criteria.type().code());
            }
            if (criteria.issuer() != null) {
                sql.append(" and d.issuer = :issuer");
                params.put("issuer", criteria.issuer().code());
            }
            sql.append(")");
        }
        if (criteria.from() != null) {
            sql.append(" and a.published_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            sql.append(" and a.published_at < :to");
            params.put("to", criteria.to());
        }
        return sql.toString();
    }

    /**
     * The articles with their organisation and directives, in one statement (primary keys and
     * article_directive's primary key), in the order of {@code ids}.
     */
    public List<Article> withTags(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> byId = getEntityManager().createQuery("""
                select distinct a from Article a
                  join fetch a.organisation
                  left join fetch a.directives
                 where a.id in :ids
                """, Article.class)
                .setParameter("ids", ids)
                // A list, not a stream: scrolling a collection fetch join can cut the collections short.
                .getResultList().stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity(), (first, same) -> first));
        List<Article> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(ordered::add));
        return ordered;
    }

    /** A published article by id (primary key) or slug (unique index), with its tags. */
    public Optional<Article> findPublished(String idOrSlug) {
        boolean numeric = !idOrSlug.isEmpty() && idOrSlug.length() < 19 && idOrSlug.chars().allMatch(Character::isDigit);
        return getEntityManager().createQuery("""
                select a from Article a
                  join fetch a.organisation
                  left join fetch a.directives
                 where a.status = vn.tincoso.articles.ArticleStatus.PUBLISHED
                   and (a.id = :id or a.slug = :slug)
                """, Article.class)
                .setParameter("id", numeric ? Long.valueOf(idOrSlug) : -1L)
                .setParameter("slug", idOrSlug)
                .getResultList().stream()
                .findFirst();
    }

    /** The article imported from this page (article_source_url). */
    public Optional<Article> findBySourceUrl(String sourceUrl) {
        return find("sourceUrl", sourceUrl).firstResultOptional();
    }

    /** The article imported from this very text (article_source_hash). */
    public Optional<Article> findBySourceHash(String sourceHash) {
        return find("sourceHash", sourceHash).firstResultOptional();
    }

    /** Slugs already taken among those starting with {@code base} (unique index on slug, prefix range). */
    public List<String> slugsStartingWith(String base) {
        return getEntityManager().createQuery("select a.slug from Article a where a.slug like :prefix", String.class)
                .setParameter("prefix", base + "%")
                .getResultList();
    }
}
