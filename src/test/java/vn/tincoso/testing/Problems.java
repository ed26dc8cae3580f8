package vn.tincoso.testing;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** What every error answer must look like: RFC 9457 problem+json, naming what was wrong. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", is(status))
                .body("type", startsWith(status == 405 || status == 406 || status == 415 ? "about:blank" : "https://tincoso.vn/problems/"));
    }

    public static ValidatableResponse assertInvalidParameter(ValidatableResponse response, String parameter) {
        return assertProblem(response, 400)
                .body("type", is("https://tincoso.vn/problems/invalid-parameter"))
                .body("title", is("Invalid request parameter"))
                .body("errors[0].field", is(parameter))
                .body("detail", org.hamcrest.Matchers.containsString("'" + parameter + "'"));
    }
}
