package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.Slow;

/** A client over its rate gets 429 problem+json with Retry-After; other kinds of request are not counted. */
@Slow
@QuarkusTest
@TestProfile(RateLimitTest.FiveAMinute.class)
class RateLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // With the response cache on: answers from memory count against the budget too.
            return Map.of("tincoso.rate-limit.requests-per-minute", "5", "tincoso.response-cache.ttl", "60s");
        }
    }

    @Test
    void theSixthReadInAMinuteIsRefused() {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/directives").then().statusCode(200);
        }
        Problems.assertProblem(given().get("/api/v1/directives").then(), 429)
                .header("Retry-After", notNullValue())
                .body("title", is("Too many requests"));
        // Spoofing another address does not help when X-Forwarded-For is not trusted.
        given().header("X-Forwarded-For", "203.0.113.7").get("/api/v1/articles").then().statusCode(429);
        // Writes are not public reads: not counted.
        given().contentType("application/json").body("{}").post("/api/v1/articles").then().statusCode(401);
        // Health and the OpenAPI document are not API reads.
        given().get("/q/health/ready").then().statusCode(200);
        // The WebSub hub is public too: its requests are counted (each may send a GET to a callback).
        Problems.assertProblem(given().contentType("application/x-www-form-urlencoded").formParam("hub.mode", "subscribe")
                .post("/websub").then(), 429).header("Retry-After", notNullValue());
    }
}
