package vn.tincoso.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document checked in under openapi/ is the one the application serves. After an API change,
 * regenerate it with {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true} and commit it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path CHECKED_IN = Path.of("openapi", "openapi.yaml");

    @Test
    void servedDocumentEqualsTheCheckedInCopy() throws IOException {
        String served = new String(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(CHECKED_IN, StandardCharsets.UTF_8), served,
                "openapi/openapi.yaml differs from what the application serves: regenerate it with "
                        + "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true and commit it");
    }

    @Test
    void documentsEveryEndpointInVietnamese() {
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/articles:"))
                .body(containsString("/api/v1/articles/{id}:"))
                .body(containsString("/api/v1/organisations:"))
                .body(containsString("/api/v1/organisations/{slug}:"))
                .body(containsString("/api/v1/directives:"))
                .body(containsString("/api/v1/directives/{slug}:"))
                .body(containsString("example: 11-ĐA/TU"))
                .body(containsString("application/problem+json"));
    }
}
