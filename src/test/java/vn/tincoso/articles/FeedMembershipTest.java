package vn.tincoso.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;
import vn.tincoso.testing.TestData;
import vn.tincoso.web.ApiException;

/**
 * The fan-out's judge in memory holds, for every filter, exactly the articles the feed's own SQL holds
 * (ArticleRepository.condition on the resolved criteria, as the fan-out ran it before): on a corpus of 900 articles
 * over every unit of the standard tree (and some with none, waiting for review), every status, body, several
 * directives of mixed types and issuers, a year of publication times and texts in both tone placements; for every
 * single-part filter and 600 drawn combinations of all parts, unknown units and directives, and every org scope
 * (a lineage between units included). Compared filter by filter.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedMembershipTest {

    private static final List<String> UNITS = List.of("thanh-pho-ha-noi", "quan-hai-ba-trung", "phuong-bach-khoa", "phuong-bach-dang",
            "quan-nam-tu-liem", "phuong-my-dinh-1", "to-dan-pho-so-7", "thanh-pho-hai-phong", "quan-ngo-quyen", "khong-co-don-vi-nay");
    private static final List<String> DIRECTIVES = List.of("11-ĐA/TU", "24-CT/TU", "35-CT/TW", "09-NQ/QU", "99-KL/TW");
    private static final List<String> QUERIES = List.of("chi bộ", "de an 11", "Đảng uỷ", "hội nghị or kiểm tra", "yagi", "không có chữ này");

    @Inject
    EntityManager entityManager;

    @Inject
    ArticleService articles;

    @Inject
    TestData data;

    private List<Long> ids;

    @BeforeAll
    void createCorpus() {
        data.setUp(() -> {
            data.startWithStandardTree();
            QuarkusTransaction.requiringNew().run(() -> {
                // Mỹ Đình 1 was formed from Bạch Đằng; Ngô Quyền became part of Nam Từ Liêm (a lineage both ways).
                entityManager.createNativeQuery("""
                        insert into organisation_lineage (predecessor_id, successor_id)
                        select p.id, s.id from organisation p, organisation s
                         where (p.slug, s.slug) in (('phuong-bach-dang', 'phuong-my-dinh-1'), ('quan-ngo-quyen', 'quan-nam-tu-liem'))
                        """).executeUpdate();
                entityManager.createNativeQuery("""
                        insert into directive (code, slug, number, doc_type, issuer)
                        values ('11-ĐA/TU', '11-da-tu', '11', 'ĐA', 'TU'), ('24-CT/TU', '24-ct-tu', '24', 'CT', 'TU'),
                               ('35-CT/TW', '35-ct-tw', '35', 'CT', 'TW'), ('09-NQ/QU', '09-nq-qu', '09', 'NQ', 'QU')
                        """).executeUpdate();
                entityManager.createNativeQuery("""
                        with texts as (select array['Chi bộ khu phố 3 sinh hoạt chuyên đề', 'Hội nghị sơ kết Đề án số 11',
                                'Đảng ủy phường kiểm tra giám sát', 'Đảng uỷ phường lãnh đạo', 'Bão số 3 Yagi', 'Khen thưởng tập thể'] as t)
                        insert into article (slug, title, summary, body, status, published_at, organisation_id, organising_body,
                                             created_at, updated_at)
                        select 'bai-' || g, t[1 + g % 6], t[1 + (g / 6) % 6], array[t[1 + (g / 36) % 6]],
                               case when g % 29 = 0 then 'needs-review' when g % 13 = 0 then 'draft' when g % 17 = 0 then 'scheduled'
                                    else 'published' end,
                               timestamptz '2024-01-01 08:00+07' + (g * 37 % 8760) * interval '1 hour',
                               case when g % 29 = 0 then null else units[1 + g % cardinality(units)] end,
                               (array['party', 'government', 'council', 'front', 'security', 'other', null])[1 + g % 7],
                               now(), now()
                          from generate_series(1, 900) g, texts, (select array_agg(id order by id) units from organisation) u
                        """).executeUpdate();
                entityManager.createNativeQuery("""
                        insert into article_directive (article_id, directive_id)
                        select a.id, d.id from article a join directive d on (a.id % 3 = 0 and d.slug = '11-da-tu')
                            or (a.id % 5 = 0 and d.slug = '24-ct-tu') or (a.id % 7 = 0 and d.slug = '35-ct-tw')
                            or (a.id % 11 = 0 and d.slug = '09-nq-qu')
                        """).executeUpdate();
            });
        });
        ids = data.call(() -> QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("select id from article order by id")
                .getResultList().stream().map(id -> ((Number) id).longValue()).toList()));
    }

    @AfterAll
    void dropCorpus() {
        data.setUp(data::reset);
    }

    @Test
    void everyFilterHoldsWhatTheFeedsSqlHolds() {
        List<ArticleFilter> filters = filters();
        Map<ArticleFilter, Set<Long>> judged = QuarkusTransaction.requiringNew().call(() -> {
            FeedMembership membership = articles.membership(ids, filters);
            Map<ArticleFilter, Set<Long>> inFeed = new HashMap<>();
            filters.forEach(filter -> inFeed.put(filter, membership.inFeed(filter)));
            return inFeed;
        });
        int nonEmpty = 0;
        for (ArticleFilter filter : filters) {
            Set<Long> expected = QuarkusTransaction.requiringNew().call(() -> bySql(filter));
            Set<Long> missing = new java.util.TreeSet<>(expected);
            missing.removeAll(judged.get(filter));
            Set<Long> extra = new java.util.TreeSet<>(judged.get(filter));
            extra.removeAll(expected);
            assertEquals("", missing.isEmpty() && extra.isEmpty() ? "" : "missing " + missing + ", extra " + extra, () -> "filter " + filter);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        // The corpus makes most filters hold something, so that equal answers are not only empty ones.
        assertTrue(nonEmpty > filters.size() / 2, nonEmpty + " of " + filters.size() + " filters hold an article");
    }

    /** The feed's condition as the fan-out ran it per filter: an org or directive nobody knows holds nothing. */
    private Set<Long> bySql(ArticleFilter filter) {
        Optional<ArticleCriteria> criteria;
        try {
            criteria = articles.criteria(filter);
        } catch (ApiException unknownUnit) {
            return Set.of();
        }
        if (criteria.isEmpty()) {
            return Set.of();
        }
        Map<String, Object> params = new HashMap<>();
        String condition = ArticleRepository.condition(criteria.get(), params);
        Query query = entityManager.createNativeQuery("select a.id from article a where a.id in (:ids) and a.status = 'published' and " + condition);
        params.forEach(query::setParameter);
        query.setParameter("ids", ids);
        return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
    }

    /** Each part alone in each of its values, then 600 combinations drawn with a fixed seed. */
    private static List<ArticleFilter> filters() {
        List<ArticleFilter> filters = new ArrayList<>();
        filters.add(filter(Set.of(), Set.of(), null, null, null, null, null, null, null, null));
        for (String unit : UNITS) {
            for (OrganisationScope scope : OrganisationScope.values()) {
                filters.add(filter(Set.of(), Set.of(), unit, scope, null, null, null, null, null, null));
            }
        }
        for (Level level : Level.values()) {
            filters.add(filter(Set.of(level), Set.of(), null, null, null, null, null, null, null, null));
        }
        for (OrganisingBody body : OrganisingBody.values()) {
            filters.add(filter(Set.of(), Set.of(body), null, null, null, null, null, null, null, null));
        }
        DIRECTIVES.forEach(code -> filters.add(filter(Set.of(), Set.of(), null, null, code, null, null, null, null, null)));
        for (DocumentType type : List.of(DocumentType.CHI_THI, DocumentType.DE_AN, DocumentType.KET_LUAN)) {
            filters.add(filter(Set.of(), Set.of(), null, null, null, type, null, null, null, null));
            for (Issuer issuer : List.of(Issuer.THANH_UY, Issuer.TRUNG_UONG, Issuer.QUAN_UY)) {
                filters.add(filter(Set.of(), Set.of(), null, null, null, type, issuer, null, null, null));
                filters.add(filter(Set.of(), Set.of(), null, null, null, null, issuer, null, null, null));
            }
        }
                // Bounds at an article's own time (bai-100 and bai-600): from includes it, to leaves it out.
        filters.add(filter(Set.of(), Set.of(), null, null, null, null, null, "2024-06-03T05:00:00Z", null, null));
        filters.add(filter(Set.of(), Set.of(), null, null, null, null, null, null, "2024-07-14T01:00:00Z", null));
        QUERIES.forEach(q -> filters.add(filter(Set.of(), Set.of(), null, null, null, null, null, null, null, q)));
        Random random = new Random(17);
        for (int n = 0; n < 600; n++) {
            filters.add(filter(some(random, Level.class), some(random, OrganisingBody.class), maybe(random, UNITS),
                    OrganisationScope.values()[random.nextInt(OrganisationScope.values().length)], maybe(random, DIRECTIVES),
                    maybe(random, List.of(DocumentType.CHI_THI, DocumentType.DE_AN, DocumentType.NGHI_QUYET)),
                    maybe(random, List.of(Issuer.THANH_UY, Issuer.TRUNG_UONG, Issuer.QUAN_UY)),
                    maybe(random, List.of("2024-01-21T11:00:00Z", "2024-07-15T09:30:00Z")),
                    maybe(random, List.of("2024-06-03T05:00:00Z", "2024-12-31T00:00:00Z")), maybe(random, QUERIES)));
        }
        return filters.stream().distinct().toList();
    }

    private static ArticleFilter filter(Set<Level> levels, Set<OrganisingBody> bodies, String org, OrganisationScope scope, String directive,
            DocumentType type, Issuer issuer, String from, String to, String q) {
        return new ArticleFilter(levels, bodies, org, scope, directive == null ? null : DirectiveCode.parse(directive).orElseThrow(),
                type, issuer, from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), q);
    }

    /** Two times in three nothing; otherwise one or two values of the enum. */
    private static <E extends Enum<E>> Set<E> some(Random random, Class<E> type) {
        E[] values = type.getEnumConstants();
        Set<E> chosen = EnumSet.noneOf(type);
        if (random.nextInt(3) == 0) {
            chosen.add(values[random.nextInt(values.length)]);
            if (random.nextBoolean()) {
                chosen.add(values[random.nextInt(values.length)]);
            }
        }
        return chosen;
    }

    /** Two times in three null; otherwise one of the values. */
    private static <T> T maybe(Random random, List<T> values) {
        return random.nextInt(3) > 0 ? null : values.get(random.nextInt(values.size()));
    }
}
