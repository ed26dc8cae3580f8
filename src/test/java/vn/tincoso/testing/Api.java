package vn.tincoso.testing;

import io.restassured.RestAssured;

/** Where the tests reach the application under test, as its links print it. */
public final class Api {

    private Api() {
    }

    /**
     * The public address the application derives from RestAssured's requests (Host: localhost:PORT), the start of
     * every absolute URL it answers with (no tincoso.public-base-url is set in tests).
     */
    public static String base() {
        return "http://localhost:" + RestAssured.port;
    }
}
