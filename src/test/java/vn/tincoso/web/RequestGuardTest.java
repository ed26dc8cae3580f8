package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import vn.tincoso.testing.Problems;
import vn.tincoso.testing.TestData;
import vn.tincoso.testing.Tokens;

/** Requests over the size limits, or not UTF-8, get problem+json naming what is wrong, before anything reads them. */
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
        // Quarkus answers 413 and closes the connection mid-upload, before a document could follow.
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        given().get("/api/v1/articles?limit=1").then().statusCode(200).body("items.size()", is(0));
    }

    /** A request written to the socket as is (clients may declare a length they never send). */
    private static String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the whole body is written: its answer is what counts.
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
