package vn.tincoso.articles;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import org.hibernate.Hibernate;
import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import vn.tincoso.database.NamedParameters;
import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;
import vn.tincoso.search.SearchHit;
import vn.tincoso.web.PageCursor;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    /**
     * One position in a feed page: the article, its keyset position, slug, last change and stored card (null until
     * rendered), and with q its rank and highlighted passage.
     */
    record PageEntry(long id, Instant publishedAt, Float rank, String slug, Instant updatedAt, byte[] card, String snippet) {
    }

    // Passages mark matches with private-use characters; the view escapes the text, then turns them into <mark>.
    static final char MARK_START = '\uE000';
    static final char MARK_END = '\uE001';

    /**
     * One page of published articles matching the criteria, in the sort's order, starting after the
     * cursor; at most {@code limit} entries. Keyset pagination on (published_at, id), never OFFSET.
     * <p>
     * Indexes: newest/oldest walk article_feed (published_at, id) backwards or forwards; with an
     * organisation, article_organisation_feed for the units covered (their ids are known before, so the
     * planner estimates their articles: a small subtree is read from that index, a large one by walking
     * the feed);
     * with a directive, article_directive_by_directive. The planner picks among them by selectivity.
     * With q= the search index finds the page ({@link vn.tincoso.search.SearchIndex}).
     */
    public List<PageEntry> page(ArticleCriteria criteria, ArticleSort sort, PageCursor after, int limit) {
        PageStatement statement = pageStatement(criteria, sort, after, limit);
        // Prepared by the session (on its connection, in its transaction, on the replica when the read is routed
        // there, and counted in its statistics), read straight from JDBC.
        SessionImplementor session = getEntityManager().unwrap(SessionImplementor.class);
        NamedParameters.Preparer preparer = sql -> session.getJdbcCoordinator().getStatementPreparer().prepareStatement(sql);
        try {
            try (PreparedStatement query = NamedParameters.prepare(preparer, statement.sql(), statement.params());
                    ResultSet rows = query.executeQuery()) {
                List<PageEntry> entries = new ArrayList<>(limit);
                while (rows.next()) {
                    // pgjdbc hands a text column's bytes as the server sent them: the card's UTF-8, as served.
                    entries.add(new PageEntry(rows.getLong("id"), rows.getObject("published_at", OffsetDateTime.class).toInstant(),
                            null, rows.getString("slug"), rows.getObject("updated_at", OffsetDateTime.class).toInstant(),
                            rows.getBytes("card"), null));
                }
                return entries;
            }
        } catch (java.sql.SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "reading a page of articles", statement.sql());
        }
    }

    private static byte[] cardBytes(String card) {
        return card == null ? null : card.getBytes(StandardCharsets.UTF_8);
    }

    /** A timestamptz column of a native query, whichever Java type the driver and Hibernate chose for it. */
    private static Instant instant(Object timestamp) {
        if (timestamp == null || timestamp instanceof Instant) {
            return (Instant) timestamp;
        }
        if (timestamp instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        throw new IllegalStateException("a timestamp read as " + timestamp.getClass().getSimpleName());
    }

    /** The SQL of one page and its parameters: {@link #page} runs it, FeedQueryPlansTest explains it. */
    record PageStatement(String sql, Map<String, Object> params) {
    }

    /** Without q= (a search is the search index's, {@link #searchEntries}), so sort is by time. */
    static PageStatement pageStatement(ArticleCriteria criteria, ArticleSort sort, PageCursor after, int limit) {
        if (criteria.filter().q() != null || sort == ArticleSort.RELEVANCE) {
            throw new IllegalArgumentException("q= and relevance are answered by the search index");
        }
        Map<String, Object> params = new HashMap<>();
        String matches = "select a.id, a.published_at from article a where a.status = 'published' and " + condition(criteria, params);
        String keyset = "";
        if (after != null) {
            params.put("afterPublishedAt", after.publishedAt());
            params.put("afterId", after.id());
            keyset = sort == ArticleSort.NEWEST ? "where (r.published_at, r.id) < (:afterPublishedAt, :afterId)"
                    : "where (r.published_at, r.id) > (:afterPublishedAt, :afterId)";
        }
        String order = sort == ArticleSort.NEWEST ? "r.published_at desc, r.id desc" : "r.published_at, r.id";
        String sql = "select p.id, b.published_at, b.slug, b.updated_at, b.card from ("
                + " select r.id, r.published_at from (" + matches + ") r " + keyset
                + " order by " + order + " limit :limit) p"
                + " join article b on b.id = p.id"
                + " order by " + order.replace("r.", "p.");
        params.put("limit", limit);
        return new PageStatement(sql, params);
    }

    /**
     * The criteria as one SQL condition on article {@code a}, whatever its status: the feed adds
     * "published", the change stream uses it to tell which changed articles still belong to a filter.
     */
    public static String condition(ArticleCriteria criteria, Map<String, Object> params) {
        ArticleFilter filter = criteria.filter();
        StringBuilder sql = new StringBuilder("true");
        if (filter.q() != null) {
            sql.append(" and a.search @@ websearch_to_tsquery('vietnamese_folded', search_words(:q))");
            params.put("q", filter.q());
        }
        if (!filter.levels().isEmpty()) {
            sql.append(" and a.organisation_id in (select o.id from organisation o where o.level in (:levels))");
            params.put("levels", filter.levels().stream().map(Level::code).toList());
        }
        if (!filter.bodies().isEmpty()) {
            sql.append(" and a.organising_body in (:bodies)");
            params.put("bodies", filter.bodies().stream().map(OrganisingBody::code).toList());
        }
        if (criteria.organisationIds() != null) {
            sql.append(" and a.organisation_id in (:organisationIds)");
            params.put("organisationIds", criteria.organisationIds());
        }
        if (criteria.directiveId() != null) {
            sql.append(" and a.id in (select ad.article_id from article_directive ad where ad.directive_id = :directiveId)");
            params.put("directiveId", criteria.directiveId());
        }
        if (filter.type() != null || filter.issuer() != null) {
            sql.append(" and a.id in (select ad.article_id from article_directive ad join directive d on d.id = ad.directive_id where true");
            if (filter.type() != null) {
                sql.append(" and d.doc_type = :type");
                params.put("type", filter.type().code());
            }
            if (filter.issuer() != null) {
                sql.append(" and d.issuer = :issuer");
                params.put("issuer", filter.issuer().code());
            }
            sql.append(")");
        }
        if (filter.from() != null) {
            sql.append(" and a.published_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and a.published_at < :to");
            params.put("to", filter.to());
        }
        return sql.toString();
    }

    /**
     * Articles by id, in the order of {@code ids} (missing ones left out), with their organisation and directives:
     * three statements whatever their number, each a lookup by an array of ids (the articles by primary key,
     * then, by batch fetching up to quarkus.hibernate-orm.fetch.batch-size, their organisations and their
     * directives). Unlike a join fetch, no article row is repeated per directive, and no statement depends on
     * how many ids there are, so Hibernate and PostgreSQL reuse their plans.
     */
    public List<Article> withTags(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Read-only: no snapshot is kept and nothing is dirty-checked at commit (a tenth of a feed request's time).
        List<Article> articles = getEntityManager().unwrap(Session.class).findMultiple(Article.class, ids, ReadOnlyMode.READ_ONLY)
                .stream().filter(Objects::nonNull).toList();
        articles.forEach(article -> Hibernate.initialize(article.directives));
        articles.forEach(article -> Hibernate.initialize(article.organisation));
        return articles;
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

    /**
     * q= as the tsquery that both the search index and the change stream's filter match (the text form, which
     * {@link vn.tincoso.search.TsQueryText} reads). The same q always gives the same text, so it is kept.
     */
    public String tsquery(String q) {
        return tsqueries.get(q, text -> (String) getEntityManager()
                .createNativeQuery("select cast(websearch_to_tsquery('vietnamese_folded', search_words(:q)) as text)")
                .setParameter("q", text).getSingleResult());
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, String> tsqueries =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    /** The units at any of these levels (level= with q=, which the search index filters by unit). */
    public Set<Long> organisationsAt(Set<Level> levels) {
        List<?> ids = getEntityManager().createNativeQuery("select id from organisation where level in (:levels)")
                .setParameter("levels", levels.stream().map(Level::code).toList()).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
    }

    /**
     * What the feed's condition reads of these articles, in one statement (the primary key, the unit's, and
     * article_directive's key per article); ids of no article are left out.
     */
    List<FeedMembership.Facts> facts(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select a.id, a.status, a.published_at, a.organising_body, a.organisation_id, o.level, cast(o.path as text),
                       (select string_agg(d.slug || chr(31) || d.doc_type || chr(31) || d.issuer, chr(30))
                          from article_directive ad join directive d on d.id = ad.directive_id where ad.article_id = a.id)
                  from article a left join organisation o on o.id = a.organisation_id
                 where a.id = any(:ids)
                """).setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        return rows.stream().map(row -> new FeedMembership.Facts(((Number) row[0]).longValue(), "published".equals(row[1]),
                instant(row[2]), (String) row[3], row[4] == null ? null : ((Number) row[4]).longValue(), (String) row[5],
                row[6] == null ? Set.of() : java.util.Arrays.stream(((String) row[6]).split("\\.")).map(Long::valueOf).collect(Collectors.toSet()),
                row[7] == null ? List.of() : java.util.Arrays.stream(((String) row[7]).split("\u001e")).map(cited -> cited.split("\u001f"))
                        .map(parts -> new FeedMembership.Cited(parts[0], parts[1], parts[2])).toList())).toList();
    }

    /** For each q, which of these articles it matches (the condition's q clause), in one statement for all of them. */
    Map<String, Set<Long>> matching(java.util.Collection<String> qs, List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select q.text, a.id from unnest(:qs) q(text)
                  join article a on a.id = any(:ids) and a.search @@ websearch_to_tsquery('vietnamese_folded', search_words(q.text))
                """).setParameter("qs", qs.toArray(String[]::new)).setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        Map<String, Set<Long>> matched = new HashMap<>();
        rows.forEach(row -> matched.computeIfAbsent((String) row[0], q -> new java.util.HashSet<>()).add(((Number) row[1]).longValue()));
        return matched;
    }

    /** The directives of this type and issuer, either of them null for any (type= and issuer= with q=). */
    public Set<Long> directivesOf(DocumentType type, Issuer issuer) {
        List<?> ids = getEntityManager().createNativeQuery(
                        "select id from directive where (cast(:type as text) is null or doc_type = :type)"
                                + " and (cast(:issuer as text) is null or issuer = :issuer)")
                .setParameter("type", type == null ? null : type.code())
                .setParameter("issuer", issuer == null ? null : issuer.code()).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
    }

    /**
     * The page entries of a search's hits, in their order, with each one's highlighted passage ({@link Passages}): one
     * statement by primary key. A hit unpublished since the index read it is left out.
     */
    public List<PageEntry> searchEntries(List<SearchHit> hits, String tsquery) {
        if (hits.isEmpty()) {
            return List.of();
        }
        Query query = getEntityManager().createNativeQuery("select b.id, b.published_at, b.slug, b.updated_at, b.card,"
                + " array_to_string(b.body, ' ') as body from article b where b.id in (:ids) and b.status = 'published'", Tuple.class)
                .setParameter("ids", hits.stream().map(SearchHit::id).toList());
        @SuppressWarnings("unchecked")
        Map<Long, Tuple> rows = ((List<Tuple>) query.getResultList()).stream()
                .collect(Collectors.toMap(row -> ((Number) row.get("id")).longValue(), row -> row));
        Set<String> words = vn.tincoso.search.TsQueryText.shownWords(tsquery);
        return hits.stream().filter(hit -> rows.containsKey(hit.id())).map(hit -> {
            Tuple row = rows.get(hit.id());
            return new PageEntry(hit.id(), instant(row.get("published_at")), hit.score(), (String) row.get("slug"),
                    instant(row.get("updated_at")), cardBytes((String) row.get("card")), Passages.of((String) row.get("body"), words));
        }).toList();
    }

    /** The article imported from this page (article_source_url), locked as asked. */
    public Optional<Article> findBySourceUrl(String sourceUrl, LockModeType lock) {
        return find("sourceUrl", sourceUrl).withLock(lock).firstResultOptional();
    }

    /** The article imported from this very text (article_source_hash), locked as asked. */
    public Optional<Article> findBySourceHash(String sourceHash, LockModeType lock) {
        return find("sourceHash", sourceHash).withLock(lock).firstResultOptional();
    }

    /**
     * Slugs already taken among those starting with {@code base}: a range in byte order (article_slug_prefix),
     * which, unlike LIKE with a bound pattern, stays an index scan in a prepared statement's generic plan.
     * Slugs are ASCII letters, digits and hyphens, and "~" sorts after all of them.
     */
    public List<String> slugsStartingWith(String base) {
        // No result class: with one (String.class), Hibernate 7.2 cannot match the query to its cached plan and
        // adds an entry per call until the plan cache is full (ArticlePageStatementsTest).
        List<?> slugs = getEntityManager()
                .createNativeQuery("select slug from article where slug collate \"C\" >= :base and slug collate \"C\" < :end")
                .setParameter("base", base)
                .setParameter("end", base + "~")
                .getResultList();
        return slugs.stream().map(String.class::cast).toList();
    }
}
