package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** A page costs a fixed number of statements whatever its size: no N+1 over organisations or directives. */
@Slow
@QuarkusTest
class ArticlePageStatementsTest {

    @Inject
    TestData data;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void createHundredTaggedArticles() {
        data.startWithStandardTree();
        String[] organisations = {"phuong-bach-khoa", "phuong-bach-dang", "phuong-my-dinh-1", "to-dan-pho-so-7", "quan-ngo-quyen"};
        for (int i = 0; i < 110; i++) {
            data.article("Bài " + i).org(organisations[i % organisations.length])
                    .directive((i % 7 + 1) + "-ĐA/TU").directive((i % 3 + 1) + "-CT/TW")
                    .publishedAt(java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L)).save();
        }
    }

    private long statementsFor(String query, int expectedItems) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().get("/api/v1/articles?" + query).then().statusCode(200).body("items.size()", is(expectedItems))
                .body("items[0].directives.size()", is(2));
        return statistics.getPrepareStatementCount();
    }

    @Test
    void aPageTakesOneStatementWhateverItsSize() {
        // The page's rows with their stored cards (V14): no article, organisation or directive is loaded.
        assertEquals(1, statementsFor("limit=100", 100));
        assertEquals(1, statementsFor("limit=3", 3));
    }

    @Test
    void articlesWithoutACardTakeTheThreeLookupsOfTheirEntities() {
        // Cards dropped (as a rename of their unit drops them): the page, then the articles by id, their
        // organisations and their directives (batch fetching), whatever their number.
        data.execute("update article set card = null");
        assertEquals(4, statementsFor("limit=100", 100));
        assertEquals(4, statementsFor("limit=3", 3));
    }

    @Test
    void sparseFieldsStillLoadTheEntities() {
        assertEquals(4, statementsFor("limit=100&fields=id,title,directives", 100));
    }

    @Test
    void repeatedQueriesReuseTheQueryPlanCache() {
        // A native query Hibernate cannot match to its cached plan adds an entry per execution until the cache
        // is full, and every lookup then compares against thousands of them (measured: a quarter of the
        // import's CPU time with 2,044 entries, from a native query with a String.class result).
        QueryInterpretationCache cache = sessionFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
        String[] queries = {"limit=5", "limit=5&org=thanh-pho-ha-noi", "limit=5&q=bai", "limit=5&directive=1-CT/TW",
            "limit=5&level=ward", "limit=5&org=quan-ngo-quyen&scope=lineage"};
        for (String query : queries) {
            given().get("/api/v1/articles?" + query).then().statusCode(200);
        }
        given().get("/api/v1/changes?org=thanh-pho-ha-noi").then().statusCode(200);
        given().get("/api/v1/organisations").then().statusCode(200);
        importText(0);
        int warmedUp = cache.getNumberOfCachedQueryPlans();
        for (int round = 0; round < 20; round++) {
            for (String query : queries) {
                given().get("/api/v1/articles?" + query).then().statusCode(200);
            }
            given().get("/api/v1/changes?org=thanh-pho-ha-noi").then().statusCode(200);
            given().get("/api/v1/organisations").then().statusCode(200);
            importText(round + 1);
        }
        assertEquals(warmedUp, cache.getNumberOfCachedQueryPlans());
    }

    private static void importText(int n) {
        given().header("Authorization", Tokens.admin()).contentType("text/plain; charset=UTF-8")
                .body("Phường Mỹ Đình 1 sơ kết Đề án số 11-ĐA/TU lần " + n + "\nNgày đăng 03/06/2024 | 14:35\n\n"
                        + "Sáng ngày 31/5, Đảng ủy phường Mỹ Đình 1 đã tổ chức hội nghị lần " + n + ".")
                .post("/api/v1/imports").then().statusCode(201);
    }

    @Test
    void filtersByOrganisationAndDirectiveAddOneLookupEach() {
        // The unit's subtree, the directive's id, the page.
        // i % 3 == 0 cite 01-CT/TW: 37 articles, 7 of them in Hải Phòng (i % 5 == 4).
        assertEquals(3, statementsFor("limit=100&org=thanh-pho-ha-noi&directive=1-CT/TW", 30));
    }
}
