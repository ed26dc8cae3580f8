package vn.tincoso.articles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.organisations.Level;
import vn.tincoso.testing.TestData;
import vn.tincoso.web.PageCursor;
import vn.tincoso.testing.Slow;

/**
 * Every feed query shape is answered from its index, not by reading the table, in a database large enough
 * for the planner to prefer a sequential scan if the indexes did not serve the query: 200,000 articles over
 * the gazetteer's 843 units and 300 directives cited with a long tail, statistics analysed. Asserts on
 * EXPLAIN's plan, not on time (the benchmark under deploy/bench measures time at 1,000,000).
 */
@Slow
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedQueryPlansTest {

    private static final int ARTICLES = 200_000;
    private static final Set<String> LARGE_TABLES = Set.of("article", "article_directive");

    @Inject
    EntityManager entityManager;

    @Inject
    TestData data;


    @Inject
    ArticleService articles;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void createLargeCorpus() {
        data.setUp(() -> {
            data.startWithGazetteer();
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("select setseed(0.42)").getSingleResult();
                entityManager.createNativeQuery("""
                        insert into directive (code, slug, number, doc_type, issuer)
                        select number || '-ĐA/TU', number || '-da-tu', number, 'ĐA', 'TU'
                          from (select case when n < 10 then '0' || n else cast(n as text) end as number from generate_series(1, 300) n) numbers
                        """).executeUpdate();
                // 80% of articles from wards, 17% from districts, 3% from the cities; one in 50 a draft.
                entityManager.createNativeQuery("""
                        insert into article (slug, title, body, status, published_at, organisation_id, created_at, updated_at)
                        select 'bai-' || g, 'Hội nghị số ' || g || ' về Đề án ' || (g % 300),
                               array['Đảng ủy tổ chức hội nghị sơ kết thực hiện đề án số ' || (g % 300) || ', năm ' || (2015 + g % 11)],
                               case when g % 50 = 0 then 'draft' else 'published' end,
                               timestamptz '2015-01-01 08:00+07' + ((g * 7919) % :articles) * interval '30 minutes',
                               case when g % 100 < 80 then wards[1 + g % cardinality(wards)]
                                    when g % 100 < 97 then districts[1 + g % cardinality(districts)]
                                    else cities[1 + g % cardinality(cities)] end,
                               now(), now()
                          from generate_series(1, :articles) g,
                               (select array_agg(id) filter (where level = 'ward') wards, array_agg(id) filter (where level = 'district') districts,
                                       array_agg(id) filter (where level = 'city') cities from organisation) units
                        """).setParameter("articles", ARTICLES).executeUpdate();
                // 0-4 directives an article; directive k is cited about 1/k as often as the first (Zipf).
                entityManager.createNativeQuery("""
                        insert into article_directive (article_id, directive_id)
                        select distinct a.id, 1 + floor(exp(random() * ln(300)))::int - 1
                          from article a, generate_series(1, (a.id % 5)::int)
                        """).executeUpdate();
            });
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze").executeUpdate());
        });
    }

    @AfterAll
    void dropLargeCorpus() {
        data.setUp(() -> {
            data.reset();
        });
    }

    /** A feed query as a client asks it (slugs, not ids), and the indexes that may answer it. */
    record Shape(String name, ArticleFilter filter, ArticleSort sort, PageCursor after, List<String> indexes) {

        static Shape of(String name, String... indexes) {
            return new Shape(name, ArticleFilterBuilder.builder().build(), ArticleSort.NEWEST, null, List.of(indexes));
        }

        Shape levels(Level level) {
            return filtered(ArticleFilterBuilder.builder(filter).levels(Set.of(level)));
        }

        Shape organisation(String slug, OrganisationScope scope) {
            return filtered(ArticleFilterBuilder.builder(filter).org(slug).scope(scope));
        }

        Shape directive(String slug) {
            return filtered(ArticleFilterBuilder.builder(filter).directive(DirectiveCode.parse(slug).orElseThrow()));
        }

        Shape between(String first, String last) {
            return filtered(ArticleFilterBuilder.builder(filter).from(Instant.parse(first)).to(Instant.parse(last)));
        }

        Shape sorted(ArticleSort order, PageCursor cursor) {
            return new Shape(name, filter, order, cursor, indexes);
        }

        private Shape filtered(ArticleFilterBuilder changed) {
            return new Shape(name, changed.build(), sort, after, indexes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> feedQueries() {
        PageCursor deep = new PageCursor("newest", "", Instant.parse("2019-06-01T00:00:00Z"), 150_000, null);
        return Stream.of(
                Shape.of("newest", "article_feed"),
                Shape.of("oldest", "article_feed").sorted(ArticleSort.OLDEST, null),
                Shape.of("deep page by cursor", "article_feed").sorted(ArticleSort.NEWEST, deep),
                Shape.of("level=ward", "article_feed", "article_organisation_feed").levels(Level.WARD),
                // A district holds a few percent of all articles: walking the whole feed newest first finds 20 of
                // them within a few hundred rows, and the planner may rightly prefer that.
                Shape.of("org subtree of a district", "article_feed", "article_organisation_feed")
                        .organisation("quan-hai-ba-trung", OrganisationScope.SUBTREE),
                // A ward's few articles are found by unit through either index: the published ones in feed order, or all of them.
                Shape.of("org subtree of a ward", "article_organisation_feed", "article_by_organisation")
                        .organisation("phuong-my-dinh-1", OrganisationScope.SUBTREE),
                Shape.of("org subtree of a city", "article_feed", "article_organisation_feed")
                        .organisation("thanh-pho-ha-noi", OrganisationScope.SUBTREE),
                Shape.of("one ward exactly", "article_organisation_feed", "article_by_organisation")
                        .organisation("phuong-my-dinh-1", OrganisationScope.EXACT),
                Shape.of("lineage of a district", "article_feed", "article_organisation_feed")
                        .organisation("quan-hai-ba-trung", OrganisationScope.LINEAGE),
                Shape.of("lineage of a ward", "article_organisation_feed", "article_by_organisation")
                        .organisation("phuong-my-dinh-1", OrganisationScope.LINEAGE),
                Shape.of("most cited directive", "article_feed", "article_directive_by_directive").directive("01-da-tu"),
                Shape.of("rarely cited directive", "article_directive_by_directive").directive("250-da-tu"),
                Shape.of("directive + org", "article_organisation_feed", "article_directive_by_directive")
                        .directive("01-da-tu").organisation("quan-hai-ba-trung", OrganisationScope.SUBTREE),
                Shape.of("one month", "article_feed").between("2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feedQueries")
    @Transactional
    void feedQueryReadsItsIndex(Shape shape) throws Exception {
        ArticleCriteria criteria = articles.criteria(shape.filter()).orElseThrow();
        ArticleRepository.PageStatement statement = ArticleRepository.pageStatement(criteria, shape.sort(), shape.after(), 20);
        Query explain = entityManager.createNativeQuery("explain (format json) " + statement.sql());
        statement.params().forEach(explain::setParameter);
        JsonNode plan = json.readTree(explain.getSingleResult().toString()).get(0).get("Plan");
        List<String> scans = new ArrayList<>();
        collectScans(plan, scans);
        assertTrue(scans.stream().noneMatch(scan -> scan.startsWith("Seq Scan")),
                shape + " reads a large table sequentially: " + scans);
        assertTrue(scans.stream().anyMatch(scan -> shape.indexes().stream().anyMatch(scan::endsWith)),
                shape + " uses none of " + shape.indexes() + ": " + scans);
    }

    private static void collectScans(JsonNode node, List<String> scans) {
        String type = node.get("Node Type").asText();
        if (node.has("Relation Name") && LARGE_TABLES.contains(node.get("Relation Name").asText())) {
            scans.add(type + " on " + node.get("Relation Name").asText() + (node.has("Index Name") ? " using " + node.get("Index Name").asText() : ""));
        } else if (node.has("Index Name")) {
            scans.add(type + " using " + node.get("Index Name").asText());
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collectScans(child, scans));
        }
    }
}
