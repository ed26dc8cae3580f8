package vn.tincoso.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every feed page a test fetches through RestAssured, checked by {@link FeedConformance}: a 200 answer of type
 * application/atom+xml, application/rss+xml or application/feed+json fails the request that fetched it when it breaks
 * its format; every other answer passes untouched. Stateless, so {@link #INSTANCE} serves every test and thread:
 * {@link ContractChecks} puts it on every request of the suite.
 */
public final class FeedConformanceFilter implements Filter {

    public static final FeedConformanceFilter INSTANCE = new FeedConformanceFilter();

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset=\"?([^\";]+)", Pattern.CASE_INSENSITIVE);

    private FeedConformanceFilter() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext next) {
        Response response = next.next(request, expected);
        if (response.statusCode() == 200 && !request.getMethod().equalsIgnoreCase("HEAD")) {
            Consumer<String> check = checkFor(response.contentType());
            if (check != null) {
                check.accept(new String(response.asByteArray(), charsetOf(response.contentType())));
            }
        }
        return response;
    }

    /** The assertion of a feed type, or null for any other type. */
    private static Consumer<String> checkFor(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/atom+xml" -> FeedConformance::assertValidAtom;
            case "application/rss+xml" -> FeedConformance::assertValidRss;
            case "application/feed+json" -> FeedConformance::assertValidJsonFeed;
            default -> null;
        };
    }

    /** The charset the answer names; UTF-8, the default of both XML and JSON, when it names none. */
    private static Charset charsetOf(String contentType) {
        Matcher charset = CHARSET.matcher(contentType);
        return charset.find() ? Charset.forName(charset.group(1).strip()) : StandardCharsets.UTF_8;
    }
}
