package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import vn.tincoso.testing.RawHttp;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** Conditional GETs for every kind of answer: JSON lists, one article, the registries, and each feed format. */
@Slow
@QuarkusTest
class HttpCachingTest {

    @Inject
    TestData data;

    long bachKhoaArticle;
    long haiPhongArticle;

    @BeforeEach
    void articles() {
        data.startWithStandardTree();
        bachKhoaArticle = data.article("Tin Bách Khoa").org("phuong-bach-khoa").directive("11-ĐA/TU").save().id;
        haiPhongArticle = data.article("Tin Ngô Quyền").org("quan-ngo-quyen").save().id;
    }

    static Stream<Arguments> cacheableGets() {
        return Stream.of(
                Arguments.of("/api/v1/articles?org=quan-hai-ba-trung", "application/json", true),
                Arguments.of("/api/v1/articles?org=quan-hai-ba-trung", "application/atom+xml", true),
                Arguments.of("/api/v1/feeds/articles.atom?org=quan-hai-ba-trung", "*/*", true),
                Arguments.of("/api/v1/feeds/articles.rss?org=quan-hai-ba-trung", "*/*", true),
                Arguments.of("/api/v1/feeds/articles.json?org=quan-hai-ba-trung", "*/*", true),
                Arguments.of("/api/v1/articles/1", "application/json", true),
                Arguments.of("/api/v1/organisations", "application/json", true),
                Arguments.of("/api/v1/organisations/quan-hai-ba-trung", "application/json", true),
                Arguments.of("/api/v1/directives", "application/json", true),
                Arguments.of("/api/v1/directives/11-da-tu", "application/json", true));
    }

    @ParameterizedTest
    @MethodSource("cacheableGets")
    void answers304WhenNothingChanged(String path, String accept, boolean hasLastModified) {
        String target = path.replace("/articles/1", "/articles/" + bachKhoaArticle);
        Response first = given().accept(accept).get(target);
        first.then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", is("public, max-age=60, stale-while-revalidate=300"))
                .header("Vary", is("Accept, Accept-Encoding, Consistency"))
                .header("Last-Modified", hasLastModified ? notNullValue() : nullValue());
        String etag = first.getHeader("ETag");
        assertEquals(etag, given().accept(accept).get(target).getHeader("ETag"), "same content, same ETag");

        given().accept(accept).header("If-None-Match", etag).get(target).then()
                .statusCode(304).header("ETag", is(etag)).body(emptyString());
        given().accept(accept).header("If-None-Match", "\"other\", W/" + etag).get(target).then().statusCode(304);
        given().accept(accept).header("If-None-Match", "\"other\"").get(target).then().statusCode(200);
        if (hasLastModified) {
            String lastModified = first.getHeader("Last-Modified");
            given().accept(accept).header("If-Modified-Since", lastModified).get(target).then().statusCode(304);
            given().accept(accept).header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get(target).then().statusCode(200);
        }
    }

    @ParameterizedTest
    @MethodSource("cacheableGets")
    void headAnswersWithTheHeadersOfGetAndNoBody(String path, String accept, boolean hasLastModified) {
        String target = path.replace("/articles/1", "/articles/" + bachKhoaArticle);
        // Identity encoding, so that Content-Length is the length of the bytes GET sends.
        Response get = given().accept(accept).header("Accept-Encoding", "identity").get(target);
        RawHttp.Answer head = RawHttp.request("HEAD", target, "Accept: " + accept, "Accept-Encoding: identity");
        assertEquals(200, head.status());
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Last-Modified", "Content-Type", "Link")) {
            assertEquals(get.getHeader(header), head.header(header), header + " of HEAD " + target);
        }
        assertEquals(String.valueOf(get.asByteArray().length), head.header("Content-Length"), "Content-Length of HEAD " + target);
        assertEquals("", head.body(), "HEAD has no body");
        // When GET would be compressed, its length is not known before sending: HEAD says none rather than a wrong one.
        RawHttp.Answer compressible = RawHttp.request("HEAD", target, "Accept: " + accept, "Accept-Encoding: gzip");
        assertEquals(null, compressible.header("Content-Length"), "Content-Length of HEAD with gzip " + target);
        assertEquals(get.getHeader("ETag"), compressible.header("ETag"));
    }

    @Test
    void everyAnswerForbidsSniffingFramingAndReferrers() {
        for (Response answer : List.of(given().get("/api/v1/articles"), given().get("/api/v1/articles?level=mayor"),
                given().get("/khong-co"), given().get("/q/openapi"), given().header("Authorization", Tokens.admin())
                        .get("/api/v1/articles/" + bachKhoaArticle + "/revisions"))) {
            answer.then().header("X-Content-Type-Options", is("nosniff")).header("X-Frame-Options", is("DENY"))
                    .header("Referrer-Policy", is("no-referrer"));
        }
        RawHttp.Answer fromTheHttpLayer = RawHttp.request("GET", "/api/v1/articles?q=%C3%28");
        assertEquals(400, fromTheHttpLayer.status());
        assertEquals("nosniff", fromTheHttpLayer.header("X-Content-Type-Options"));
        assertEquals("DENY", fromTheHttpLayer.header("X-Frame-Options"));
    }

    @Test
    void whatAnEditorReadsWithATokenIsStoredNowhere() {
        long draft = data.article("Bản nháp").org("phuong-bach-khoa").draft().save().id;
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles/" + draft).then().statusCode(200)
                .header("Cache-Control", is("no-store"));
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles/" + draft + "/revisions").then().statusCode(200)
                .header("Cache-Control", is("no-store"));
        given().header("Authorization", Tokens.admin()).get("/api/v1/articles").then().statusCode(200)
                .header("Cache-Control", is("no-store"));
    }

    @Test
    void theEtagChangesWhenAndOnlyWhenTheContentDoes() {
        String feed = "/api/v1/feeds/articles.atom?org=quan-hai-ba-trung";
        String before = given().get(feed).getHeader("ETag");
        data.retitle(haiPhongArticle, "Tin Ngô Quyền đã sửa");
        assertEquals(before, given().get(feed).getHeader("ETag"), "an article outside the filter changed");
        data.retitle(bachKhoaArticle, "Tin Bách Khoa đã sửa");
        String after = given().get(feed).getHeader("ETag");
        assertNotEquals(before, after);
        given().header("If-None-Match", before).get(feed).then().statusCode(200);
    }

    @Test
    void eachFormatHasItsOwnEtag() {
        String json = given().accept("application/json").get("/api/v1/articles").getHeader("ETag");
        String atom = given().accept("application/atom+xml").get("/api/v1/articles").getHeader("ETag");
        assertNotEquals(json, atom);
    }

    @Test
    void aReadThatAsksForTheLatestIsNeverStoredBySharedCaches() {
        String etag = given().get("/api/v1/articles").getHeader("ETag");
        given().header("Consistency", "strong").get("/api/v1/articles").then().statusCode(200)
                .header("Cache-Control", is("private, no-cache")).header("ETag", is(etag));
    }

    @Test
    void errorsAreNotCached() {
        given().get("/api/v1/articles?level=mayor").then().statusCode(400).header("ETag", nullValue()).header("Cache-Control", nullValue());
    }

    @Test
    void largeAnswersAreGzipped() {
        for (int i = 0; i < 30; i++) {
            data.article("Bài dài số " + i).body("Nội dung rất dài về sinh hoạt chi bộ. ".repeat(40)).save();
        }
        given().header("Accept-Encoding", "gzip").get("/api/v1/feeds/articles.rss?limit=100").then()
                .statusCode(200).header("Content-Encoding", is("gzip"));
    }

    /** By default every origin may read the public API from a browser, and none may write. */
    @Test
    void byDefaultEveryOriginReadsAndNoneWrites() {
        given().header("Origin", "https://portal.example.vn").get("/api/v1/articles").then()
                .statusCode(200).header("Access-Control-Allow-Origin", is("*"));
        given().header("Origin", "https://portal.example.vn").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/imports").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
