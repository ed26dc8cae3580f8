package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.RawHttp;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** Prometheus metrics an operator graphs: requests by endpoint, the database pool, imports by outcome. */
@Slow
@QuarkusTest
class MetricsTest {

    @Inject
    TestData data;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
    }

    /** Junk paths and methods are one series, whatever their number: real endpoints keep theirs. */
    @Test
    void junkPathsCannotCrowdOutRealEndpoints() {
        for (int i = 0; i < 150; i++) {
            given().get("/api/v1/x/р" + i).then().statusCode(404);
            given().delete("/api/v1/organisations/khong-co-" + i).then().statusCode(405);
            given().post("/rac/" + i).then().statusCode(404);
        }
        // Refused by the HTTP layer before any route: a broken escape in the path.
        for (int i = 0; i < 110; i++) {
            assertEquals(400, RawHttp.request("GET", "/api/v1/%zz/" + i).status());
        }
        given().get("/api/v1/directives").then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        List<String> uris = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count"))
                .map(line -> line.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().toList();
        assertTrue(uris.contains("/api/v1/directives"), uris.toString());
        assertTrue(uris.contains("/UNMATCHED"), uris.toString());
        assertTrue(uris.stream().noneMatch(uri -> uri.contains("р") || uri.contains("khong-co") || uri.contains("rac") || uri.contains("%")),
                uris.toString());
    }

    @Test
    void requestsPoolAndImportsAreCounted() {
        given().get("/api/v1/articles?limit=3").then().statusCode(200);
        given().get("/api/v1/articles/khong-co-bai-nay").then().statusCode(404);
        given().header("Authorization", Tokens.admin()).contentType("text/plain; charset=UTF-8")
                .body("Phường Bách Khoa sơ kết Đề án 11-ĐA/TU\nNgày đăng 03/06/2024 | 14:35\n\nSáng nay, Đảng ủy phường Bách Khoa tổ chức hội nghị.")
                .post("/api/v1/imports").then().statusCode(201);
        given().header("Authorization", Tokens.admin()).contentType("text/plain; charset=UTF-8").body("   ")
                .post("/api/v1/imports").then().statusCode(422);

        given().get("/q/metrics").then().statusCode(200)
                // By endpoint template, never by the raw path (a slug per article would be a series per article).
                .body(matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/articles\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/api/v1/articles/\\{id}\"[^}]*} [1-9].*"))
                .body(containsString("agroal_active_count{datasource=\"default\""))
                .body(matchesPattern("(?s).*tincoso_imports_total\\{dry_run=\"false\",status=\"created\"} [1-9].*"))
                .body(matchesPattern("(?s).*tincoso_imports_total\\{dry_run=\"false\",status=\"rejected\"} [1-9].*"));
    }
}
