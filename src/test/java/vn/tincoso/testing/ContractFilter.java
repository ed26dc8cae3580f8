package vn.tincoso.testing;

import java.nio.file.Path;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Fails any request of a test whose exchange the OpenAPI document (openapi/openapi.yaml) does not describe: an
 * answer with an undocumented status, header or media type, or a body its schema refuses; a successful answer to a
 * request the document calls invalid (the API then takes what its contract says it refuses). A request the document
 * refuses and the API refuses too (the error tests) is checked on its answer only. Paths outside /api/ (health,
 * metrics, the document itself) are Quarkus' and are left alone.
 */
public final class ContractFilter implements Filter {

    private static final Path DOCUMENT = Path.of("openapi/openapi.yaml");

    public static final ContractFilter INSTANCE = new ContractFilter();

    /**
     * A request header a test sets (with the reason as its value) to send a body the document calls invalid that the
     * API still answers 2xx by design — an import reports a broken element in its place. Removed before sending;
     * the answer is still checked.
     */
    public static final String INVALID_ON_PURPOSE = "X-Test-Invalid-On-Purpose";

    private final OpenApiInteractionValidator validator = validatorOf(DOCUMENT);

    private ContractFilter() {
    }

    /**
     * The parser finds its extensions with the thread's class loader, which in a @QuarkusTest is not the one that
     * loaded it (the extensions then are "not a subtype"): it is built with its own loader as the thread's.
     */
    private static OpenApiInteractionValidator validatorOf(Path document) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContractFilter.class.getClassLoader());
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(java.nio.file.Files.readString(document))
                    // The feeds' own URLs answer their format whatever Accept asks (readers send text/html,
                    // application/xml…), which OpenAPI has no way to say; the answer's media type is still checked.
                    // Reads ignore parameters they do not know (cache-busters, utm_*), as the document's
                    // descriptions say; writes refuse them with a 400 (QueryParameterGuard, its own tests).
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE).build())
                    .build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        boolean invalidOnPurpose = request.getHeaders().hasHeaderWithName(INVALID_ON_PURPOSE);
        request.removeHeader(INVALID_ON_PURPOSE);
        Response response = context.next(request, responseSpec);
        // CORS preflights are the browser's, answered by web.CrossOrigin for every path (CrossOriginTest); OpenAPI
        // describes operations, not preflights.
        if (!request.getURI().contains("/api/") || request.getMethod().equals("OPTIONS")) {
            return response;
        }
        ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        List<ValidationReport.Message> broken = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().startsWith("validation.request")
                        || (response.statusCode() < 400 && !invalidOnPurpose))
                .toList();
        if (!broken.isEmpty()) {
            throw new AssertionError("The OpenAPI document does not describe " + request.getMethod() + " " + request.getURI()
                    + " → " + response.statusCode() + " " + response.contentType() + ":\n" + String.join("\n",
                            broken.stream().map(message -> "  - " + message.getKey() + ": " + message.getMessage()).toList()));
        }
        return response;
    }
}
