package vn.tincoso.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the import API as an administrator. */
public final class Imports {

    private Imports() {
    }

    /** A batch import request: NDJSON, which RestAssured is told to send as the text it is. */
    public static RequestSpecification ndjsonAsAdmin() {
        return given().header("Authorization", Tokens.admin())
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType("application/x-ndjson; charset=UTF-8");
    }
}
