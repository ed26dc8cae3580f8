package vn.tincoso.web;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.Slow;

/**
 * Behind a proxy (tincoso.rate-limit.trust-forwarded-for), clients are told apart by the address the proxy saw:
 * the last one of X-Forwarded-For. Addresses a client puts before it buy no extra budget.
 */
@Slow
@QuarkusTest
@TestProfile(RateLimitBehindProxyTest.TwoAMinuteBehindAProxy.class)
class RateLimitBehindProxyTest {

    public static class TwoAMinuteBehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tincoso.rate-limit.requests-per-minute", "2", "tincoso.rate-limit.trust-forwarded-for", "true");
        }
    }

    @Test
    void eachClientTheProxySawHasItsOwnBudget() {
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "198.51.100.1").get("/api/v1/directives").then().statusCode(200);
        }
        Problems.assertProblem(given().header("X-Forwarded-For", "198.51.100.1").get("/api/v1/directives").then(), 429);
        Problems.assertProblem(given().header("X-Forwarded-For", "203.0.113.9, 198.51.100.1").get("/api/v1/directives").then(), 429);
        given().header("X-Forwarded-For", "198.51.100.2").get("/api/v1/directives").then().statusCode(200);
    }
}
