package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.testing.Api;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.RawHttp;
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

    /** Request heads as a client or a misconfigured proxy may send them; each must be a 400 naming its header. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a space in Host                | Host: a b                                   | Host",
            "a quote in Host                | Host: a\"b                                  | Host",
            "a fragment in Host             | Host: good.example.vn#x                     | Host",
            "a query in Host                | Host: good.example.vn?x=1                   | Host",
            "a path in Host                 | Host: evil.example/path                     | Host",
            "a user in Host                 | Host: user@evil.example                     | Host",
            "port 0                         | Host: 127.0.0.1:0                           | Host",
            "an unbracketed IPv6 Host       | Host: [::1                                  | Host",
            "non-ASCII in Host              | Host: tincoso.việt.nam                      | Host",
            "a space in X-Forwarded-Host    | X-Forwarded-Host: a b c                     | X-Forwarded-Host",
            "a fragment in X-Forwarded-Host | X-Forwarded-Host: good.example.vn#x         | X-Forwarded-Host",
            "a bad host in Forwarded        | Forwarded: host=\"a b\";proto=https          | Forwarded",
            "X-Forwarded-Port 0             | X-Forwarded-Port: 0                         | X-Forwarded-Port",
            "X-Forwarded-Port abc           | X-Forwarded-Port: abc                       | X-Forwarded-Port",
            "a query in X-Forwarded-Prefix  | X-Forwarded-Prefix: /a?b=c                  | X-Forwarded-Prefix",
            "a fragment in X-Forwarded-Prefix | X-Forwarded-Prefix: /a#d                  | X-Forwarded-Prefix",
            "a space in X-Forwarded-Prefix  | X-Forwarded-Prefix: /a b                    | X-Forwarded-Prefix"})
    void anAddressNoLinkCanBeMadeOfIsAProblemNamingTheHeader(String what, String header, String field) {
        boolean ownHost = header.startsWith("Host:");
        String head = "GET /api/v1/articles?directive=11-da-tu&limit=1 HTTP/1.1\r\n"
                + (ownHost ? "" : "Host: localhost:" + io.restassured.RestAssured.port + "\r\n") + header + "\r\nConnection: close\r\n\r\n";
        RawHttp.Answer answer = RawHttp.send(head, new byte[0]);
        assertEquals(400, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.head());
        assertTrue(answer.body().contains("\"field\":\"" + field + "\""), answer.body());
    }

    @Test
    void anUppercaseForwardedSchemeIsTheScheme() {
        given().header("X-Forwarded-Proto", "HTTPS").header("X-Forwarded-Host", "cong.example.vn").get("/api/v1/articles?limit=1")
                .then().statusCode(200).body("items[0].url", startsWith("https://cong.example.vn/api/v1/articles/"));
    }

    @Test
    void anAbsoluteFormRequestTargetIsServed() {
        String target = "http://localhost:" + io.restassured.RestAssured.port + "/api/v1/articles?limit=1";
        RawHttp.Answer answer = RawHttp.request("GET", target);
        assertEquals(200, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.body().contains("\"url\":\"" + Api.base() + "/api/v1/articles/"), answer.body());
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
