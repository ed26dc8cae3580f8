package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import vn.tincoso.ingest.ImportResourceTest;
import vn.tincoso.testing.ContractFilter;
import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/**
 * Values the database cannot store, or that mean nothing, are refused with 400 naming the field (a JSON pointer
 * into the body) or the parameter, in the API's words: never a 5xx, never a Java type, never silently changed.
 */
@Slow
@QuarkusTest
class InputRulesTest {

    static final String ARTICLE = "{\"title\": \"Tin\", \"body\": [\"Nội dung.\"], \"byline\": \"Minh\", \"section\": \"Tin\","
            + " \"captions\": [{\"after\": 1, \"text\": \"Ảnh\"}], \"organisation\": \"phuong-bach-khoa\"}";

    @Inject
    TestData data;

    long article;

    @BeforeEach
    void tree() {
        data.startWithStandardTree();
        article = data.article("Bài có sẵn").save().id;
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', value = {
            "\"title\": \"Tin\"               | \\u0000 | /title",
            "\"body\": [\"Nội dung.\"]        | \\u0000 | /body/0",
            "\"byline\": \"Minh\"             | \\u0000 | /byline",
            "\"section\": \"Tin\"             | \\u0000 | /section",
            "\"text\": \"Ảnh\"                | \\u0000 | /captions/0/text",
            "\"title\": \"Tin\"               | \\ud800 | /title",
            "\"body\": [\"Nội dung.\"]        | \\udfff | /body/0",
            "\"byline\": \"Minh\"             | \\udbff | /byline"})
    void unstorableCharactersAreRefusedNamingTheField(String member, String escape, String pointer) {
        int lastQuote = member.lastIndexOf('"');
        String body = ARTICLE.replace(member, member.substring(0, lastQuote) + escape + "x" + member.substring(lastQuote));
        Problems.assertProblem(admin().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", is(pointer))
                .body("errors[0].message", containsString(escape.equals("\\u0000") ? "NUL" : "UTF-16"))
                .body("detail", not(containsString("java")));
        given().get("/api/v1/articles").then().body("items.size()", is(1));
    }

    @Test
    void aLoneSurrogateIsNeverStoredAsAQuestionMark() {
        String body = ARTICLE.replace("\"Tin\"", "\"Tin \\ud83d\"");
        Problems.assertProblem(admin().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then(), 400);
        String paired = ARTICLE.replace("\"title\": \"Tin\"", "\"title\": \"Tin \\ud83c\\uddfb\\ud83c\\uddf3\"");
        Response created = admin().contentType(ContentType.JSON).body(paired).post("/api/v1/articles");
        created.then().statusCode(201).body("title", is("Tin 🇻🇳"));
        admin().get("/api/v1/articles/" + created.path("id")).then().header("ETag", is(created.getHeader("ETag")));
    }

    @Test
    void importedTextWithNulIsRefused() {
        Problems.assertProblem(admin().contentType(ImportResourceTest.TEXT).body(ImportResourceTest.MY_DINH.replace("Sáng", "S\u0000áng"))
                .post("/api/v1/imports").then(), 400).body("errors[0].field", is("/text"));
        admin().contentType(ContentType.JSON).body("[{\"text\": \"Tin\\u0000\"}, {\"text\": \"x\", \"overrides\": {\"byline\": \"\\ud800\"}}]")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].status", is("rejected")).body("items[0].field", is("/text"))
                .body("items[1].status", is("rejected")).body("items[1].field", is("/overrides/byline"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "10000-01-01"})
    void instantsOutOfRangeAreRefusedNamingTheParameter(String instant) {
        Problems.assertInvalidParameter(given().queryParam("from", instant).get("/api/v1/articles").then(), "from");
        Problems.assertInvalidParameter(given().queryParam("to", instant).get("/api/v1/feeds/articles.atom").then(), "to");
    }

    @Test
    void bodyInstantsOutOfRangeAreRefusedNamingTheField() {
        String etag = admin().get("/api/v1/articles/" + article).getHeader("ETag");
        Problems.assertProblem(admin().header("If-Match", etag).contentType(ContentType.JSON).body("{\"publishAt\": \"+294277-01-01T00:00:00Z\"}")
                .post("/api/v1/articles/" + article + "/schedule").then(), 400).body("errors[0].field", is("/publishAt"));
        admin().header(ContractFilter.INVALID_ON_PURPOSE, "an out-of-range instant: reported in its place")
                .contentType(ContentType.JSON)
                .body("[{\"text\": \"x\", \"overrides\": {\"publishedAt\": \"+294277-01-01T00:00:00+07:00\"}}]")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].status", is("rejected")).body("items[0].field", is("/overrides/publishedAt"));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 9_300_000_000_000_000L, -7_000_000_000_000_000L})
    void aCursorWhoseTimeIsOutOfRangeIsRefused(long micros) {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("1|newest|x|" + micros + "|1|").getBytes(StandardCharsets.UTF_8));
        Problems.assertInvalidParameter(given().queryParam("cursor", cursor).get("/api/v1/articles").then(), "cursor");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\": \"Tin\", \"body\": \"một chuỗi\", \"organisation\": \"phuong-bach-khoa\"} | /body     | cần một mảng",
            "{\"title\": \"Tin\", \"body\": [\"x\"], \"captions\": [\"ảnh\"], \"organisation\": \"o\"} | /captions/0 | cần một đối tượng",
            "{\"title\": [1], \"body\": [\"x\"], \"organisation\": \"o\"}                            | /title    | cần một chuỗi",
            "{\"title\": \"Tin\", \"body\": [\"x\"], \"captions\": [{\"after\": \"x\"}], \"organisation\": \"o\"} | /captions/0/after | cần một số",
            "{\"title\": \"Tin\", \"body\": [\"x\"]                                                 | ''        | không phải JSON hợp lệ"})
    void aBodyOfTheWrongShapeNamesItsFieldInTheApisWords(String body, String pointer, String message) {
        Response answer = admin().contentType(ContentType.JSON).body(body).post("/api/v1/articles");
        Problems.assertProblem(answer.then(), 400).body("errors[0].field", is(pointer))
                .body("errors[0].message", containsString(message));
        for (String internal : new String[] {"java.", "vn.tincoso", "ArrayList", "$", "Cannot deserialize"}) {
            assertEquals(-1, answer.asString().indexOf(internal), internal + " in " + answer.asString());
        }
    }

    @Test
    void aMergePatchOfTheWrongShapeNamesItsField() {
        String etag = admin().get("/api/v1/articles/" + article).getHeader("ETag");
        Problems.assertProblem(admin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"captions\": [\"ảnh\"]}").patch("/api/v1/articles/" + article).then(), 400)
                .body("errors[0].field", is("/captions/0"))
                .body("detail", not(containsString("Caption")));
        Problems.assertProblem(admin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"title\": \"a\\u0000\"}").patch("/api/v1/articles/" + article).then(), 400)
                .body("errors[0].field", is("/title"));
    }

    @Test
    void anImportItemOfTheWrongShapeNamesItsField() {
        admin().header(ContractFilter.INVALID_ON_PURPOSE, "items of the wrong shape: reported in their place")
                .contentType(ContentType.JSON).body("[{\"text\": \"x\", \"overrides\": \"Phường Bách Khoa\"}, {\"text\": [\"x\"]}]")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].field", is("/overrides")).body("items[0].error", is("không đúng kiểu: cần một đối tượng"))
                .body("items[1].field", is("/text")).body("items[1].error", is("không đúng kiểu: cần một chuỗi"));
    }

    @Test
    void credentialsInTheQueryAreNeverEchoed() {
        Response answer = given().get("/api/v1/articles?limit=abc&access_token=eyJbí-mật");
        Problems.assertProblem(answer.then(), 400).body("instance", is("/api/v1/articles"));
        assertEquals(-1, answer.asString().indexOf("eyJ"), answer.asString());
        data.article("Bài thứ hai").save();
        // Links a shared cache keeps carry only the parameters the endpoint knows.
        for (String path : new String[] {"/api/v1/articles", "/api/v1/feeds/articles.atom", "/api/v1/feeds/articles.json",
                "/api/v1/feeds/articles.rss"}) {
            Response page = given().queryParam("limit", 1).queryParam("access_token", "eyJbímật").queryParam("level", "ward").get(path);
            page.then().statusCode(200);
            assertEquals(-1, (page.asString() + page.getHeader("Link")).indexOf("eyJ"), path + ": " + page.asString());
            org.junit.jupiter.api.Assertions.assertTrue(path.endsWith(".rss") || page.asString().contains("level=ward"), path);
        }
    }

    @Test
    void bytesThatAreNotTextInTheDeclaredCharsetAreRefused() {
        byte[] broken = "Phường Bách Khoa họp dân \u00ed\u00a0\u0080".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Problems.assertProblem(admin().contentType("text/plain; charset=UTF-8").body(broken).post("/api/v1/imports").then(), 400)
                .body("errors[0].field", is("/text"));
        Problems.assertProblem(admin().contentType("application/x-ndjson; charset=UTF-8").body(broken).post("/api/v1/imports").then(), 400)
                .body("errors[0].field", is(""));
        String etag = admin().get("/api/v1/articles/" + article).getHeader("ETag");
        Problems.assertProblem(admin().header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"title\": \"é\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).patch("/api/v1/articles/" + article).then(), 400);
        // Another charset, declared, is read as declared.
        admin().contentType("text/plain; charset=UTF-16LE").queryParam("dryRun", "true")
                .body(ImportResourceTest.MY_DINH.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)).post("/api/v1/imports").then()
                .body("items[0].title", is("Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11 của ban thường vụ thành ủy"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\": 123, \"body\": [\"x\"], \"organisation\": \"phuong-bach-khoa\"}                         | /title",
            "{\"title\": \"Tin\", \"body\": [1], \"organisation\": \"phuong-bach-khoa\"}                         | /body/0",
            "{\"title\": \"Tin\", \"body\": [\"x\"], \"captions\": [{\"after\": 1.5, \"text\": \"a\"}], \"organisation\": \"phuong-bach-khoa\"} | /captions/0/after",
            "{\"title\": \"Tin\", \"body\": [\"x\"], \"captions\": [{\"after\": -1, \"text\": \"a\"}], \"organisation\": \"phuong-bach-khoa\"} | /captions/0/after",
            "{\"title\": \"Tin\", \"body\": [\"x\"], \"captions\": [{\"after\": 0, \"text\": null}], \"organisation\": \"phuong-bach-khoa\"} | /captions/0/text",
            "{\"title\": \"Tin\", \"body\": [\"x\"], \"organisation\": \"phuong-bach-khoa\"} {\"title\": \"2\"}         | ''"})
    void aValueOfAnotherTypeOrTrailingJsonIsRefused(String body, String pointer) {
        Problems.assertProblem(admin().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", is(pointer));
        given().get("/api/v1/articles").then().body("items.size()", is(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+300000-01-01\"", "\"0000-01-01\"", "20211206", "\"-0001-01-01\""})
    void aDirectiveIssueDateOutOfRangeOrNotAStringIsRefused(String issuedOn) {
        data.article("Bài có văn bản").directive("11-ĐA/TU").save();
        Problems.assertProblem(admin().contentType(ContentType.JSON).body("{\"issuedOn\": " + issuedOn + "}")
                .patch("/api/v1/directives/11-da-tu").then(), 400).body("errors[0].field", is("/issuedOn"));
    }

    @Test
    void anArticleDatedBefore1900IsRefused() {
        admin().contentType(ContentType.JSON)
                .body("[{\"text\": " + vn.tincoso.testing.Json.quote(ImportResourceTest.MY_DINH) + ", \"overrides\": {\"publishedAt\": \"1500-01-01T00:00:00+07:00\"}}]")
                .post("/api/v1/imports").then().statusCode(200)
                .body("items[0].status", is("rejected")).body("items[0].field", is("/overrides/publishedAt"));
        given().get("/api/v1/feeds/articles.rss").then().statusCode(200);
    }

    @Test
    void aRequestTheHttpLayerFailsIsStillAProblemDocument() {
        vn.tincoso.testing.RawHttp.Answer noHost = vn.tincoso.testing.RawHttp.send("GET /api/v1/articles HTTP/1.1\r\nConnection: close\r\n\r\n", new byte[0]);
        assertEquals(400, noHost.status(), noHost.head());
        assertEquals("application/problem+json", noHost.header("Content-Type"));
        vn.tincoso.testing.RawHttp.Answer rawByte = vn.tincoso.testing.RawHttp.send(
                "GET /api/v1/articles/\u00ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
        assertEquals(400, rawByte.status(), rawByte.head());
    }

    @Test
    void aWriteWithAnUnknownParameterIsRefusedBeforeItWrites() {
        Problems.assertInvalidParameter(admin().contentType(ImportResourceTest.TEXT).body(ImportResourceTest.MY_DINH)
                .post("/api/v1/imports?dryrun=true").then(), "dryrun")
                .body("errors[0].message", containsString("dryRun"));
        String etag = admin().get("/api/v1/articles/" + article).getHeader("ETag");
        Problems.assertInvalidParameter(admin().header("If-Match", etag).post("/api/v1/articles/" + article + "/publish?force=true").then(), "force");
        given().get("/api/v1/articles").then().body("items.size()", is(1));
        // Reads still ignore what they do not know (cache-busters, trackers).
        given().get("/api/v1/articles?utm_source=x").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Tokens.admin());
    }
}
