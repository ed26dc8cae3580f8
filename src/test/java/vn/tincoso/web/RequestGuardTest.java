package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.RawHttp;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;
import vn.tincoso.testing.Slow;

/** Requests over the size limits, or not UTF-8, get problem+json naming what is wrong, before anything reads them. */
@Slow
@QuarkusTest
class RequestGuardTest {

    @Inject
    TestData data;

    @BeforeEach
    void noArticles() {
        data.reset();
    }

    @Test
    void anOverLongQueryIs414NamingItsLongestParameter() {
        Problems.assertProblem(given().queryParam("limit", "5").queryParam("q", "đề án ".repeat(800)).get("/api/v1/articles").then(), 414)
                .body("errors[0].field", is("q"));
    }

    @Test
    void aMegabyteValueIsStillAProblemDocument() {
        Problems.assertProblem(given().queryParam("org", "x".repeat(1_000_000)).get("/api/v1/articles").then(), 414)
                .body("errors[0].field", is("org"));
    }

    @Test
    void aParameterThatIsNotUtf8IsNamed() {
        Problems.assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/articles?limit=5&q=%C3%28").then(), "q");
        Problems.assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/articles?org=%ED%A0%80").then(), "org");
        Problems.assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/articles?directive=11%00").then(), "directive");
        Problems.assertInvalidParameter(given().urlEncodingEnabled(false).get("/api/v1/articles/bai%00viet").then(), "path");
    }

    @Test
    void vietnameseAndEncodedSlashesPassUntouched() {
        given().queryParam("q", "Quận uỷ Đống Đa").queryParam("directive", "11-ĐA/TU").get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void aQueryWithinTheLimitIsServed() {
        given().queryParam("q", "a".repeat(150)).queryParam("fields", "id,title").get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeItIsSent() throws IOException {
        String response = raw("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Tokens.admin()
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: 17000000\r\n\r\n", new byte[0]);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"field\":\"body\""), response);
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithoutStoringAnything() throws IOException {
        byte[] chunk = ("Phường Mỹ Đình 1 " + "x".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 17; i++) {
            body.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(chunk);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String response = raw("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Tokens.admin()
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n", body.toByteArray());
        // Read up to the limit, then answered and the connection closed mid-upload.
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"field\":\"body\""), response);
        given().get("/api/v1/articles?limit=1").then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws IOException {
        data.setUp(data::startWithGazetteer);
        byte[] text = vn.tincoso.ingest.ImportResourceTest.MY_DINH.getBytes(StandardCharsets.UTF_8);
        String chunked = Integer.toHexString(text.length) + "\r\n" + new String(text, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n";
        String response = raw("POST /api/v1/imports?dryRun=true HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                + Tokens.admin() + "\r\nContent-Type: text/plain; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n",
                chunked.getBytes(StandardCharsets.UTF_8));
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("\"status\":\"created\""), response);
    }

    @Test
    void headersOverTheLimitAre431NamingTheLargest() {
        Problems.assertProblem(given().header("Authorization", "Bearer " + "a".repeat(70_000)).get("/api/v1/articles").then(), 431)
                .body("errors[0].field", is("Authorization"));
        given().header("X-Trace", "a".repeat(30_000)).get("/api/v1/articles").then().statusCode(200);
    }

    /**
     * What the HTTP decoder refuses before any handler runs cannot be a problem document (Quarkus offers no hook for
     * its answer): a Content-Length that is not a length. It is a bare 400 and the connection is closed, never a 5xx.
     */
    @Test
    void aContentLengthThatIsNoLengthIsABare400() throws IOException {
        for (String length : new String[] {"-1", "99999999999999999999"}) {
            String response = raw("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + "\r\n\r\n", new byte[0]);
            assertTrue(response.startsWith("HTTP/1.1 400"), length + ": " + response);
        }
    }

    /** A request written to the socket as is (clients may declare a length they never send): the whole answer as text. */
    private static String raw(String head, byte[] body) {
        RawHttp.Answer answer = RawHttp.send(head, body);
        return answer.head() + "\r\n\r\n" + answer.body();
    }
}
