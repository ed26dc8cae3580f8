package vn.tincoso.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @param errors for invalid input: each offending field or parameter with what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RecordBuilder
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field or parameter.
     *
     * @param field a parameter or header by name, a body field as a JSON pointer ("" for the whole body)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldError(String field, String message) {
    }
}
