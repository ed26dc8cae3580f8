package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.TestData;

/** A page costs a fixed number of statements whatever its size: no N+1 over organisations or directives. */
@QuarkusTest
class ArticlePageStatementsTest {

    @Inject
    TestData data;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void createHundredTaggedArticles() {
        data.reset();
        data.standardTree();
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
    void aHundredArticlePageTakesTwoStatements() {
        assertEquals(2, statementsFor("limit=100", 100));
    }

    @Test
    void filtersByOrganisationAndDirectiveAddOneLookupEach() {
        // i % 3 == 0 cite 01-CT/TW: 37 articles, 7 of them in Hải Phòng (i % 5 == 4).
        assertEquals(4, statementsFor("limit=100&org=thanh-pho-ha-noi&directive=1-CT/TW", 30));
    }
}
