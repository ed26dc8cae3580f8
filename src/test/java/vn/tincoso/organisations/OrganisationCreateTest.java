package vn.tincoso.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.text.Normalizer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;

/** The gazetteer extended through the API. */
@QuarkusTest
class OrganisationCreateTest {

    @Inject
    TestData data;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
    }

    @Test
    void addsAUnitUnderItsParent() {
        String decomposed = Normalizer.normalize("Tổ dân phố số 9", Normalizer.Form.NFD);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + decomposed + "\", \"level\": \"group\", \"parent\": \"phuong-bach-khoa\", "
                        + "\"slug\": \"to-dan-pho-so-9-bach-khoa\"}")
                .post("/api/v1/organisations").then().statusCode(201)
                .header("Location", is(Api.base() + "/api/v1/organisations/to-dan-pho-so-9-bach-khoa"))
                .body("name", is("Tổ dân phố số 9"))
                .body("ancestors.slug", contains("phuong-bach-khoa", "quan-hai-ba-trung", "thanh-pho-ha-noi"));
        given().queryParam("org", "quan-hai-ba-trung").get("/api/v1/organisations/to-dan-pho-so-9-bach-khoa").then().statusCode(200);
    }

    @Test
    void derivesTheSlugFromTheName() {
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \"Phường Hoa Sen\", \"level\": \"ward\", \"parent\": \"quan-nam-tu-liem\"}")
                .post("/api/v1/organisations").then().statusCode(201).body("slug", is("phuong-hoa-sen"));
    }

    @Test
    void everyInvalidFieldIsListed() {
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": \" \", \"level\": \"province\", \"slug\": \"Có Dấu\"}")
                .post("/api/v1/organisations").then(), 400)
                .body("type", is("https://tincoso.vn/problems/invalid-body"))
                .body("errors.field", containsInAnyOrder("/name", "/level", "/slug"));
    }

    @Test
    void theParentMustBeOneLevelUpOrTheProvinceForACommune() {
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Phường Hoa Sen\", \"level\": \"ward\", \"parent\": \"thanh-pho-ha-noi\"}")
                .post("/api/v1/organisations").then().statusCode(201).body("kind", is("phường"));
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Tổ dân phố số 1\", \"level\": \"group\", \"parent\": \"quan-hai-ba-trung\"}")
                .post("/api/v1/organisations").then(), 400).body("errors[0].field", is("/parent"));
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Phường Mới\", \"level\": \"ward\", \"parent\": \"khong-co\"}")
                .post("/api/v1/organisations").then(), 400).body("errors[0].field", is("/parent"));
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Thành phố Mới\", \"level\": \"city\", \"parent\": \"thanh-pho-ha-noi\"}")
                .post("/api/v1/organisations").then(), 400).body("errors[0].field", is("/parent"));
    }

    @Test
    void aTakenSlugIsAConflict() {
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"Phường Bách Khoa\", \"level\": \"ward\", \"parent\": \"quan-hai-ba-trung\"}")
                .post("/api/v1/organisations").then(), 409).body("errors[0].field", is("/slug"));
    }

    @Test
    void aMissingOrMalformedBodyIsAProblem() {
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).post("/api/v1/organisations").then(), 400);
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/organisations").then(), 400);
        Problems.assertProblem(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": [1]}").post("/api/v1/organisations").then(), 400)
                .body("errors[0].field", is("/name"));
    }
}
