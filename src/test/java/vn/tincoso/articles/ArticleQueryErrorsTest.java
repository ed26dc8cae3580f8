package vn.tincoso.articles;

import static io.restassured.RestAssured.given;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Problems;

/** Every bad input to the feed is a 400 problem naming the parameter, never a 500. */
@QuarkusTest
class ArticleQueryErrorsTest {

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("level=mayor", "level"),
                Arguments.of("level=ward&level=county", "level"),
                Arguments.of("scope=everything", "scope"),
                Arguments.of("org=khong-co-don-vi-nay", "org"),
                Arguments.of("directive=abc", "directive"),
                Arguments.of("directive=20%2F6%2F2024", "directive"),
                Arguments.of("directive=11-XY%2FTU", "directive"),
                Arguments.of("type=ZZ", "type"),
                Arguments.of("issuer=NASA", "issuer"),
                Arguments.of("from=2024-13-01", "from"),
                Arguments.of("from=yesterday", "from"),
                Arguments.of("to=2024-02-30", "to"),
                Arguments.of("from=2024-06-02&to=2024-06-01", "to"),
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=101", "limit"),
                Arguments.of("limit=-5", "limit"),
                Arguments.of("limit=abc", "limit"),
                Arguments.of("limit=99999999999999999999", "limit"),
                // Digits of other scripts (Arabic-Indic, fullwidth), which Integer.parseInt would take.
                Arguments.of("limit=%D9%A1%D9%A2", "limit"),
                Arguments.of("limit=%EF%BC%91%EF%BC%92", "limit"),
                Arguments.of("limit=10&limit=20", "limit"),
                // Names bind whatever their case, so a repeat in another case is a repeat.
                Arguments.of("LIMIT=2&limit=3", "limit"),
                Arguments.of("org=quan-hai-ba-trung&Org=phuong-bach-khoa", "org"),
                Arguments.of("sort=popular", "sort"),
                Arguments.of("sort=relevance", "sort"),
                Arguments.of("sort=newest&sort=oldest", "sort"),
                Arguments.of("fields=title,password", "fields"),
                Arguments.of("cursor=not-a-cursor", "cursor"),
                Arguments.of("q=" + "a".repeat(201), "q"),
                Arguments.of("q=" + "đ".repeat(201), "q"),
                // No XML feed can carry these: refused in every format, never a 500 from the feed writer.
                Arguments.of("q=%01", "q"),
                Arguments.of("q=de+an%1B", "q"),
                Arguments.of("q=%EF%BF%BE", "q"),
                Arguments.of("org=%EF%BF%BF", "org"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void badParameterIsNamed(String query, String parameter) {
        Problems.assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/articles?" + query).then(), parameter);
        Problems.assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/feeds/articles.atom?" + query).then(), parameter);
    }

    @Test
    void longestAllowedQueryIsAccepted() {
        given().queryParam("q", "đ".repeat(200)).get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void hostileSearchTextIsJustText() {
        for (String text : new String[] {"'; drop table article; --", "!!!", "&|<->", "\"", "or", "-", ":*", "\\", "%", "(("}) {
            given().queryParam("q", text).get("/api/v1/articles").then().statusCode(200);
        }
    }

    @Test
    void unknownPathIsAProblem() {
        Problems.assertProblem(given().get("/api/v1/nothing-here").then(), 404);
    }

    @Test
    void wrongMethodIsAProblem() {
        Problems.assertProblem(given().delete("/api/v1/articles").then(), 405);
    }
}
