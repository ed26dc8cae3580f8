package vn.tincoso.directives;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectiveResourceTest {

    @Inject
    TestData data;

    @BeforeAll
    void createArticles() {
        data.setUp(() -> {
            data.startWithStandardTree();
            data.article("Sơ kết Đề án 11 ở Bách Khoa").directive("11-ĐA/TU").directive("12-HD/BTCTW").save();
            data.article("Sơ kết Đề án 11 ở Mỹ Đình").org("phuong-my-dinh-1").directive("11 - ĐA/TU").save();
            data.article("Chỉ thị 35").directive("35-CT/TU").save();
            data.article("Chỉ thị 35 bản nháp").directive("35-CT/TU").directive("05-CT/TW").draft().save();
            data.article("Nghị định văn thư").directive("30/2020/NĐ-CP").save();
        });
    }

    @Test
    void registryWithArticleCounts() {
        given().get("/api/v1/directives").then().statusCode(200)
                .body("code", contains("12-HD/BTCTW", "30/2020/NĐ-CP", "35-CT/TU", "11-ĐA/TU", "05-CT/TW"))
                .body("articleCount", contains(1, 1, 1, 2, 0))
                .body("[1].year", is(2020))
                .body("[1].typeName", is("Nghị định"))
                .body("[1].issuerName", is("Chính phủ"))
                .body("[3].slug", is("11-da-tu"));
    }

    @Test
    void filteredByTypeAndIssuerInAnySpelling() {
        given().queryParam("type", "da").get("/api/v1/directives").then().statusCode(200)
                .body("code", contains("11-ĐA/TU"));
        given().queryParam("type", "CT").queryParam("issuer", "tu").get("/api/v1/directives").then().statusCode(200)
                .body("code", contains("35-CT/TU"));
        given().queryParam("issuer", "TW").get("/api/v1/directives").then().statusCode(200)
                .body("code", contains("05-CT/TW"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11-da-tu", "11-DA-TU", "11-ĐA-TU", "11 - đa - tu", "số 11 ĐA-TU"})
    void oneDirectiveBySlugOrSpelling(String key) {
        given().get("/api/v1/directives/" + key).then().statusCode(200)
                .body("code", is("11-ĐA/TU"))
                .body("type", is("ĐA"))
                .body("typeName", is("Đề án"))
                .body("issuer", is("TU"))
                .body("articleCount", is(2));
    }

    @Test
    void unknownDirectiveIsAProblem() {
        Problems.assertProblem(given().get("/api/v1/directives/99-da-tu").then(), 404);
        Problems.assertProblem(given().get("/api/v1/directives/khong-phai-ma").then(), 404);
    }

    @Test
    void badFiltersAreNamed() {
        Problems.assertInvalidParameter(given().queryParam("type", "XYZ").get("/api/v1/directives").then(), "type");
        Problems.assertInvalidParameter(given().queryParam("issuer", "ABC").get("/api/v1/directives").then(), "issuer");
    }
}
