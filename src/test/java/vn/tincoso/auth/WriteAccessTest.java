package vn.tincoso.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

import vn.tincoso.ingest.ImportResourceTest;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** Who may write: nobody without a valid token, an editor only in their organisation's subtree, an admin everywhere. */
@Slow
@QuarkusTest
class WriteAccessTest {

    static final String NEW_GROUP = "{\"name\": \"Tổ dân phố số 9\", \"level\": \"group\", \"parent\": \"phuong-my-dinh-1\"}";

    @Inject
    TestData data;


    @BeforeEach
    void gazetteer() {
        data.startWithGazetteer();
    }

    @Test
    void readsNeedNoToken() {
        given().get("/api/v1/articles").then().statusCode(200);
        given().header("Authorization", "Bearer rác").get("/api/v1/organisations/phuong-my-dinh-1").then().statusCode(200);
    }

    @Test
    void withoutAValidTokenWritesAre401() throws Exception {
        String otherKey = Jwt.issuer("https://tincoso.vn").subject("ke-gia").groups(Set.of(Roles.ADMIN))
                .sign(java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        String expired = Jwt.issuer("https://tincoso.vn").subject("cu").groups(Set.of(Roles.ADMIN))
                .issuedAt(1_600_000_000L).expiresAt(1_600_003_600L).sign();
        String wrongIssuer = Jwt.issuer("https://khac.example.vn").subject("x").groups(Set.of(Roles.ADMIN)).sign();
        for (String authorization : new String[] {null, "Bearer rác", "Bearer " + otherKey, "Bearer " + expired, "Bearer " + wrongIssuer, "Basic YTpi"}) {
            var request = given().contentType(ContentType.JSON).body(NEW_GROUP);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            Problems.assertProblem(request.post("/api/v1/organisations").then(), 401).header("WWW-Authenticate", is("Bearer"));
        }
        Problems.assertProblem(given().contentType(ImportResourceTest.TEXT).body(ImportResourceTest.MY_DINH)
                .post("/api/v1/imports").then(), 401);
    }

    /** Signed with the trusted key, but with claims of the wrong JSON types, or issued in the future: not believed. */
    @Test
    void tokensWithClaimsOfTheWrongShapeAre401() {
        long now = java.time.Instant.now().getEpochSecond();
        List<String> tokens = List.of(
                Jwt.issuer("https://tincoso.vn").subject("x").groups(Set.of(Roles.EDITOR)).claim(Roles.ORGANISATION_CLAIM, List.of("phuong-my-dinh-1")).sign(),
                Jwt.issuer("https://tincoso.vn").subject("x").groups(Set.of(Roles.EDITOR)).claim(Roles.ORGANISATION_CLAIM, 5).sign(),
                Jwt.issuer("https://tincoso.vn").subject("x").groups(Set.of(Roles.EDITOR)).claim(Roles.ORGANISATION_CLAIM, Map.of("slug", "x")).sign(),
                Jwt.issuer("https://tincoso.vn").subject("x").claim("groups", Roles.ADMIN).sign(),
                withGroups(jakarta.json.Json.createValue(5)),
                withGroups(jakarta.json.Json.createObjectBuilder().add("admin", true).build()),
                withGroups(jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createArrayBuilder().add(Roles.ADMIN)).build()),
                Jwt.issuer("https://tincoso.vn").subject("x\u0000y").groups(Set.of(Roles.ADMIN)).sign(),
                Jwt.issuer("https://tincoso.vn").subject("x").groups(Set.of(Roles.ADMIN)).issuedAt(now + 365L * 24 * 3600)
                        .expiresAt(now + 366L * 24 * 3600).sign());
        for (String token : tokens) {
            Problems.assertProblem(given().header("Authorization", "Bearer " + token).contentType(ImportResourceTest.TEXT)
                    .body(ImportResourceTest.MY_DINH).post("/api/v1/imports").then(), 401).header("WWW-Authenticate", is("Bearer"));
        }
        // Within the clock skew (60 s), a token issued "just now" by a clock slightly ahead is fine.
        String slightlyAhead = Jwt.issuer("https://tincoso.vn").subject("x").groups(Set.of(Roles.ADMIN)).issuedAt(now + 30)
                .expiresAt(now + 3600).sign();
        given().header("Authorization", "Bearer " + slightlyAhead).contentType(ImportResourceTest.TEXT)
                .body(ImportResourceTest.MY_DINH).post("/api/v1/imports").then().statusCode(201);
        given().get("/api/v1/articles").then().body("items.size()", is(1));
    }

    /** A token signed with the trusted key whose groups claim is whatever JSON is given (the builder would refuse it). */
    private static String withGroups(jakarta.json.JsonValue groups) {
        long now = java.time.Instant.now().getEpochSecond();
        return Jwt.claims(jakarta.json.Json.createObjectBuilder().add("iss", "https://tincoso.vn").add("sub", "x").add("groups", groups)
                .add("iat", now).add("exp", now + 3600).build()).sign();
    }

    @Test
    void onlyAnAdminExtendsTheTree() {
        Problems.assertProblem(given().header("Authorization", Tokens.editor("phuong-my-dinh-1")).contentType(ContentType.JSON)
                .body(NEW_GROUP).post("/api/v1/organisations").then(), 403);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(NEW_GROUP)
                .post("/api/v1/organisations").then().statusCode(201);
    }

    @ParameterizedTest(name = "editor of {0} → {1}")
    @CsvSource({"phuong-my-dinh-1, 201", "quan-nam-tu-liem, 201", "thanh-pho-ha-noi, 201", "phuong-bach-khoa, 403",
            "quan-hai-ba-trung, 403", "thanh-pho-hai-phong, 403"})
    void editorsImportOnlyIntoTheirSubtree(String organisation, int status) {
        given().header("Authorization", Tokens.editor(organisation)).contentType(ImportResourceTest.TEXT)
                .body(ImportResourceTest.MY_DINH).post("/api/v1/imports").then().statusCode(status);
    }

    @Test
    void aBatchRejectsTheItemsOutsideTheEditorsSubtree() {
        given().header("Authorization", Tokens.editor("phuong-bach-khoa")).contentType(ContentType.JSON)
                .body("[{\"text\": " + vn.tincoso.testing.Json.quote(ImportResourceTest.MY_DINH) + "}]")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].status", is("rejected"))
                .body("items[0].error", containsString("nằm ngoài đơn vị tài khoản này được viết bài"));
        given().get("/api/v1/articles").then().body("items.size()", is(0));
    }
}
