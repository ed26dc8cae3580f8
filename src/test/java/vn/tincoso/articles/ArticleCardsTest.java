package vn.tincoso.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;

/**
 * The JSON list spliced from stored cards (V14) is the list rendered from the entities, byte for byte, whatever the
 * query; a rename drops the cards it makes stale, the page shows the new name at once, and the backfill stores the
 * cards again without touching the articles' versions.
 */
@QuarkusTest
class ArticleCardsTest {

    @Inject
    TestData data;

    @Inject
    CardBackfill backfill;

    @BeforeEach
    void taggedArticles() {
        data.startWithStandardTree();
        data.article("Phường Bách Khoa sơ kết Đề án 11-ĐA/TU").org("phuong-bach-khoa").directive("11-ĐA/TU").directive("12-HD/BTCTW")
                .body("Sáng ngày 31/5, Đảng ủy phường Bách Khoa sơ kết Đề án số 11-ĐA/TU \"Nâng cao chất lượng\" <chi bộ>.")
                .byline("Trung Hiếu – MĐ 1").views(178).publishedAt("2024-06-03T14:35").save();
        data.article("Quận Hai Bà Trưng triển khai Chỉ thị 24-CT/TU").org("quan-hai-ba-trung").directive("24-CT/TU")
                .publishedAt("2024-06-02T08:00").save();
        data.article("Phường Mỹ Đình 1 học tập Nghị quyết").org("phuong-my-dinh-1").directive("11-ĐA/TU")
                .publishedAt("2024-06-01T09:15").save();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit=20", "limit=2", "directive=11-da-tu", "org=thanh-pho-ha-noi&limit=1", "q=de+an+11",
            "q=chi+bo&sort=newest", "sort=oldest&limit=2"})
    void theSplicedPageIsThePageRenderedFromTheEntities(String query) {
        Response fromCards = page(query);
        assertEquals(0, data.count("select count(*) from article where card is null"), "every write stored a card");
        data.execute("update article set card = null");
        Response fromEntities = page(query);
        assertEquals(fromEntities.asString(), fromCards.asString());
        assertEquals(fromEntities.header("ETag"), fromCards.header("ETag"));
        assertEquals(fromEntities.header("Last-Modified"), fromCards.header("Last-Modified"));
        assertEquals(fromEntities.header("Link"), fromCards.header("Link"));
    }

    @Test
    void aRenameShowsAtOnceAndTheBackfillStoresTheCardsAgain() {
        long version = data.count("select version from article where title like 'Phường Bách Khoa%'");
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Phường Bách Khoa (mới)\"}").patch("/api/v1/organisations/phuong-bach-khoa").then().statusCode(200);
        assertEquals(1, data.count("select count(*) from article where card is null"), "the renamed unit's article lost its card");
        String renamed = page("directive=12-hd-btctw").then().body("items[0].organisation.name", is("Phường Bách Khoa (mới)"))
                .extract().asString();

        long position = data.count("select change_seq from article where title like 'Phường Bách Khoa%'");
        assertEquals(1, backfill.renderBatch());
        assertEquals(0, data.count("select count(*) from article where card is null"));
        assertEquals(renamed, page("directive=12-hd-btctw").asString());
        assertEquals(version, data.count("select version from article where title like 'Phường Bách Khoa%'"),
                "a card is derived data: storing it is no new version");
        assertEquals(position, data.count("select change_seq from article where title like 'Phường Bách Khoa%'"),
                "nor a change: /changes and webhooks saw the rename already");
    }

    @Test
    void aDirectiveRetitledShowsAtOnce() {
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"Về nâng cao chất lượng sinh hoạt chi bộ\"}").patch("/api/v1/directives/12-hd-btctw")
                .then().statusCode(200);
        page("directive=12-hd-btctw").then()
                .body("items[0].directives.find { it.code == '12-HD/BTCTW' }.title", is("Về nâng cao chất lượng sinh hoạt chi bộ"));
        assertTrue(backfill.renderBatch() > 0);
        page("directive=12-hd-btctw").then()
                .body("items[0].directives.find { it.code == '12-HD/BTCTW' }.title", is("Về nâng cao chất lượng sinh hoạt chi bộ"));
    }

    private static Response page(String query) {
        Response response = given().get("/api/v1/articles?" + query);
        response.then().statusCode(200);
        return response;
    }
}
