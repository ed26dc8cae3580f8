package vn.tincoso.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.testing.Json;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/**
 * Imports write articles under the same rules as editors: the importer must be allowed on the unit the article
 * has and on the one it would get, every create and update leaves a revision, and an editor's unpublishing holds.
 */
@Slow
@QuarkusTest
class ImportWritePathTest {

    static final String SOURCE = "https://quanhaibatrung.hanoi.gov.vn/tin-tuc/so-ket-de-an-11";
    static final String HAI_BA_TRUNG = """
            Quận ủy Hai Bà Trưng sơ kết 03 năm thực hiện Đề án số 11-ĐA/TU
            Ngày đăng 26/06/2024 | 11:29 | Lượt xem: 141
            Sáng ngày 20/6/2024, Ban Thường vụ Quận uỷ Hai Bà Trưng tổ chức hội nghị sơ kết 03 năm thực hiện Đề án số 11-ĐA/TU.""";
    static final String FORGED = """
            Phường Mỹ Đình 1 tổ chức hội nghị
            Ngày đăng 01/07/2024 | 08:00
            Sáng nay, Đảng ủy phường Mỹ Đình 1 tổ chức hội nghị.""";
    static final String MY_DINH_EDITOR = "phuong-my-dinh-1";

    @Inject
    TestData data;


    @Inject
    EntityManager entityManager;

    long article;

    @BeforeEach
    void aPublishedDistrictArticle() {
        data.startWithGazetteer();
        article = admin().contentType(ContentType.JSON).body(item(HAI_BA_TRUNG, SOURCE, null)).post("/api/v1/imports").then()
                .statusCode(200).body("items[0].status", is("created")).body("items[0].organisation.slug", is("quan-hai-ba-trung"))
                .extract().<Integer>path("items[0].id");
    }

    @Test
    void anotherUnitsSourceUrlDoesNotHandOverItsArticle() {
        editor(MY_DINH_EDITOR).contentType(ContentType.JSON).body(item(FORGED, SOURCE, null)).post("/api/v1/imports").then()
                .statusCode(200).body("created", is(0)).body("updated", is(0))
                .body("items[0].status", is("rejected")).body("items[0].field", is("/sourceUrl"))
                // Which unit holds it is not said: it may be another unit's draft.
                .body("items[0].error", is("đã có bài với địa chỉ nguồn này thuộc một đơn vị ngoài phạm vi tài khoản"));
        Problems.assertProblem(editor(MY_DINH_EDITOR).contentType(ImportResourceTest.TEXT).queryParam("sourceUrl", SOURCE).body(FORGED)
                .post("/api/v1/imports").then(), 403);
        assertUntouched();
    }

    @Test
    void anotherUnitsTextWithAnOverrideDoesNotHandOverItsArticle() {
        editor(MY_DINH_EDITOR).contentType(ContentType.JSON).body(item(HAI_BA_TRUNG, null, "{\"organisation\": \"" + MY_DINH_EDITOR + "\"}"))
                .post("/api/v1/imports").then().statusCode(200).body("items[0].status", is("rejected")).body("items[0].field", is("/text"));
        editor(MY_DINH_EDITOR).contentType(ContentType.JSON).body(item(FORGED, null, "{\"organisation\": \"quan-hai-ba-trung\"}"))
                .post("/api/v1/imports").then().statusCode(200).body("items[0].status", is("rejected"))
                .body("items[0].field", is("/overrides/organisation"));
        assertUntouched();
    }

    @Test
    void anEditorOfTheUnitReimportsAndTheRevisionSaysWhoAndWhat() {
        String corrected = HAI_BA_TRUNG.replace("sơ kết 03 năm", "sơ kết ba năm");
        editor("quan-hai-ba-trung").contentType(ContentType.JSON).body(item(corrected, SOURCE, null)).post("/api/v1/imports").then()
                .statusCode(200).body("items[0].status", is("updated")).body("items[0].id", is((int) article));
        revisions().then().statusCode(200)
                .body("action", contains("imported", "reimported"))
                .body("actor", contains("quan-tri", "bien-tap-quan-hai-ba-trung"))
                .body("[1].changes", hasKey("title"))
                .body("[1].changes", not(hasKey("status")))
                .body("[1].changes.title.to", is("Quận ủy Hai Bà Trưng sơ kết ba năm thực hiện Đề án số 11-ĐA/TU"));
    }

    @Test
    void aReimportDoesNotRepublishWhatAnEditorUnpublished() {
        String etag = admin().get("/api/v1/articles/" + article).getHeader("ETag");
        admin().header("If-Match", etag).post("/api/v1/articles/" + article + "/unpublish").then().statusCode(200);
        admin().contentType(ImportResourceTest.TEXT).queryParam("sourceUrl", SOURCE).body(HAI_BA_TRUNG).post("/api/v1/imports").then()
                .statusCode(200).body("items[0].status", is("updated")).body("items[0].articleStatus", is("draft"));
        Problems.assertProblem(given().get("/api/v1/articles/" + article).then(), 404);
        given().get("/api/v1/articles").then().body("items", empty());
        revisions().then().body("action", contains("imported", "unpublished", "reimported"));
    }

    @Test
    void anArticleWithoutHistoryHasAnEmptyListNotA404() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from article_revision where article_id = :id")
                .setParameter("id", article).executeUpdate());
        revisions().then().statusCode(200).body("", empty());
        Problems.assertProblem(admin().get("/api/v1/articles/" + (article + 1000) + "/revisions").then(), 404);
    }

    private void assertUntouched() {
        given().get("/api/v1/articles/" + article).then().statusCode(200)
                .body("title", is("Quận ủy Hai Bà Trưng sơ kết 03 năm thực hiện Đề án số 11-ĐA/TU"))
                .body("organisation.slug", is("quan-hai-ba-trung"));
        revisions().then().statusCode(200).body("action", contains("imported"));
        given().get("/api/v1/articles").then().body("items.size()", is(1));
    }

    private Response revisions() {
        return admin().get("/api/v1/articles/" + article + "/revisions");
    }

    /** An import request of one item: a JSON array, as the document has it. */
    private static String item(String text, String sourceUrl, String overrides) {
        return "[{\"text\": " + Json.quote(text) + (sourceUrl == null ? "" : ", \"sourceUrl\": " + Json.quote(sourceUrl))
                + (overrides == null ? "" : ", \"overrides\": " + overrides) + "}]";
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.admin());
    }

    private static RequestSpecification editor(String organisation) {
        return given().header("Authorization", Tokens.editor(organisation));
    }
}
