package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;

/**
 * With no tincoso.public-base-url (the default, and the tests' setting), every absolute URL starts with the address
 * the client used: the request's scheme, Host and port, or what a trusted proxy (here: the tests, on loopback) says
 * in Forwarded or X-Forwarded-*. The configured address winning, and an untrusted client's forwarding headers
 * ignored, are checked on the packaged application (PublicAddressIT).
 */
@QuarkusTest
class PublicAddressTest {

    @Inject
    TestData data;

    @BeforeEach
    void twoArticles() {
        data.startWithStandardTree();
        data.article("Phường Bách Khoa họp dân").save();
        data.article("Phường Bạch Đằng họp dân").org("phuong-bach-dang").save();
    }

    @Test
    void linksStartWithTheAddressTheClientUsed() {
        given().get("/api/v1/articles?limit=1").then().statusCode(200)
                .body("next.url", startsWith(Api.base() + "/api/v1/articles?limit=1&cursor="))
                .body("items[0].url", startsWith(Api.base() + "/api/v1/articles/phuong-bach-dang-hop-dan"))
                .header("Link", startsWith("<" + Api.base() + "/api/v1/articles?limit=1&cursor="));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Host only                 | Host: tin.example.vn:8443                                           | http://tin.example.vn:8443",
            "Host on the default port  | Host: tin.example.vn:80                                             | http://tin.example.vn",
            "an IPv6 Host              | Host: [::1]:9090                                                    | http://[::1]:9090",
            "X-Forwarded-Proto, -Host  | X-Forwarded-Proto: https; X-Forwarded-Host: cong.example.vn         | https://cong.example.vn",
            "and -Port                 | X-Forwarded-Proto: https; X-Forwarded-Host: cong.example.vn; X-Forwarded-Port: 8443 | https://cong.example.vn:8443",
            "and -Prefix               | X-Forwarded-Proto: https; X-Forwarded-Host: cong.example.vn; X-Forwarded-Prefix: /tin-co-so/ | https://cong.example.vn/tin-co-so",
            "Forwarded (RFC 7239)      | Forwarded: for=203.0.113.7;proto=https;host=\"portal.example.vn\"     | https://portal.example.vn",
            "Forwarded over X-Forwarded| Forwarded: proto=https;host=a.example.vn; X-Forwarded-Host: b.example.vn | https://a.example.vn",
    })
    void behindAProxyLinksStartWithTheAddressItServes(String name, String headers, String base) {
        RequestSpecification request = withHeaders(headers);
        request.get("/api/v1/articles?limit=1").then().statusCode(200)
                .body("next.url", startsWith(base + "/api/v1/articles?limit=1&cursor="))
                .body("items[0].url", is(base + "/api/v1/articles/phuong-bach-dang-hop-dan"))
                .header("Link", startsWith("<" + base + "/api/v1/articles?limit=1&cursor="));
        withHeaders(headers).get("/api/v1/feeds/articles.json?limit=1").then().statusCode(200)
                .body("feed_url", is(base + "/api/v1/feeds/articles.json?limit=1"))
                .body("home_page_url", is(base + "/api/v1/articles?limit=1"))
                .body("next_url", startsWith(base + "/api/v1/feeds/articles.json?limit=1&cursor="));
        String atom = withHeaders(headers).get("/api/v1/feeds/articles.atom?limit=1").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                atom.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + base + "/api/v1/feeds/articles.atom?limit=1\""), atom);
    }

    /** The response cache keeps one answer per public address: a second Host never gets the first one's links. */
    @Test
    void theResponseCacheKeepsAddressesApart() {
        for (String host : new String[] {"mot.example.vn", "hai.example.vn", "mot.example.vn"}) {
            given().header("Host", host).get("/api/v1/articles?limit=1").then().statusCode(200)
                    .body("next.url", startsWith("http://" + host + "/api/v1/articles?"));
        }
    }

    @Test
    void aCreatedArticleIsLocatedAtTheAddressTheEditorUsed() {
        given().header("Authorization", Tokens.admin()).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "soan.example.vn")
                .contentType("application/json")
                .body("{\"title\": \"Phường Bách Khoa ra quân\", \"body\": [\"Sáng nay.\"], \"organisation\": \"phuong-bach-khoa\"}")
                .post("/api/v1/articles").then().statusCode(201)
                .header("Location", startsWith("https://soan.example.vn/api/v1/articles/"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "X-Forwarded-Proto alone        | X-Forwarded-Proto: gopher                                      | X-Forwarded-Proto",
            "beside a good X-Forwarded-Host | X-Forwarded-Proto: gopher; X-Forwarded-Host: cong.example.vn    | X-Forwarded-Proto",
            "in Forwarded                   | Forwarded: proto=gopher;host=cong.example.vn                    | Forwarded"})
    void aForwardedSchemeNoUrlCanHaveIsAProblemNamingTheHeaderItCameIn(String what, String headers, String header) {
        Problems.assertProblem(withHeaders(headers).get("/api/v1/articles?limit=1").then(), 400)
                .body("errors[0].field", is(header));
    }

    private static RequestSpecification withHeaders(String headers) {
        RequestSpecification request = given();
        for (String header : headers.split("; (?=[A-Z])")) {
            String[] nameAndValue = header.split(": ", 2);
            request.header(nameAndValue[0].strip(), nameAndValue[1].strip());
        }
        return request;
    }
}
