package vn.tincoso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import vn.tincoso.testing.RawHttp;
import vn.tincoso.testing.Slow;

/**
 * However a client spells a read of the API (HEAD for GET, doubled slashes, escaped letters, dot segments through
 * another root), it is the same read to the router, and it counts against the same budget.
 */
@Slow
@QuarkusTest
@TestProfile(RateLimitSpellingsTest.FiveAMinuteBehindAProxy.class)
class RateLimitSpellingsTest {

    /** Behind a trusted proxy, so that each case is a client (an X-Forwarded-For address) of its own. */
    public static class FiveAMinuteBehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tincoso.rate-limit.requests-per-minute", "5", "tincoso.rate-limit.trust-forwarded-for", "true",
                    "tincoso.response-cache.ttl", "60s");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "HEAD, /api/v1/articles?limit=1,            198.51.100.1",
            "GET,  //api/v1/articles?limit=1,           198.51.100.2",
            "GET,  /%61pi/v1/articles?limit=1,          198.51.100.3",
            "GET,  /q/%2e%2e/api/v1/articles?limit=1,   198.51.100.4",
            "GET,  /api//v1/./articles?limit=1,         198.51.100.5",
            "HEAD, /%61pi//v1/feeds/articles.atom,      198.51.100.6"})
    void everySpellingOfAReadIsCounted(String method, String target, String client) {
        String forwarded = "X-Forwarded-For: " + client;
        for (int i = 0; i < 5; i++) {
            assertEquals(200, RawHttp.request(method, target, forwarded).status(), method + " " + target + " #" + (i + 1));
        }
        assertEquals(429, RawHttp.request(method, target, forwarded).status(), "the 6th " + method + " " + target);
        RawHttp.Answer plain = RawHttp.request("GET", "/api/v1/articles?limit=1", forwarded);
        assertEquals(429, plain.status(), "a plain GET after five " + method + " " + target);
        assertEquals("application/problem+json", plain.header("Content-Type"));
    }
}
