package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import vn.tincoso.testing.Slow;
import vn.tincoso.testing.TestData;

/**
 * A browser page of any origin may read the public API and its caching and paging headers; only the portal listed
 * in tincoso.cors.write-origins may write, and another origin's preflight for a write is refused.
 */
@Slow
@QuarkusTest
@TestProfile(CrossOriginTest.OnePortalWrites.class)
class CrossOriginTest {

    static final String PORTAL = "https://portal.example.vn";
    static final String ANY = "https://ban-doc.example.com";

    public static class OnePortalWrites implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tincoso.cors.write-origins", PORTAL);
        }
    }

    @Inject
    TestData data;

    @BeforeEach
    void oneArticle() {
        data.startWithStandardTree();
        data.article("Phường Bách Khoa họp dân").save();
        data.article("Phường Bạch Đằng họp dân").org("phuong-bach-dang").save();
    }

    @Test
    void everyOriginMayReadAndSeeTheCachingAndPagingHeaders() {
        for (String origin : new String[] {ANY, PORTAL}) {
            for (int time = 0; time < 2; time++) { // rendered, then answered from the response cache
                given().header("Origin", origin).get("/api/v1/articles?limit=1").then().statusCode(200)
                        .header("Access-Control-Allow-Origin", is("*"))
                        .header("Access-Control-Expose-Headers", containsString("ETag"))
                        .header("Access-Control-Expose-Headers", containsString("Link"));
            }
        }
        given().header("Origin", ANY).get("/api/v1/feeds/articles.atom").then().statusCode(200)
                .header("Access-Control-Allow-Origin", is("*"));
        given().header("Origin", ANY).get("/api/v1/articles?level=mayor").then().statusCode(400)
                .header("Access-Control-Allow-Origin", is("*"));
        given().get("/api/v1/articles").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPreflightForAReadIsAllowedForEveryOrigin() {
        given().header("Origin", ANY).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options("/api/v1/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", is("*"))
                .header("Access-Control-Allow-Methods", is("GET, HEAD"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void onlyTheConfiguredPortalMayWrite() {
        given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/api/v1/imports").then().statusCode(204)
                .header("Access-Control-Allow-Origin", is(PORTAL))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Vary", containsString("Origin"));
        // The portal's page can read why its write was refused.
        given().header("Origin", PORTAL).contentType("text/plain").body("x").post("/api/v1/imports").then().statusCode(401)
                .header("Access-Control-Allow-Origin", is(PORTAL));

        given().header("Origin", ANY).header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/articles/1").then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", ANY).contentType("text/plain").body("x").post("/api/v1/imports").then()
                .header("Access-Control-Allow-Origin", not(is(ANY)))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
