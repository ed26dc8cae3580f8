package vn.tincoso.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Which of the media types an endpoint's {@code @Produces} lists the client prefers (RFC 9110, 12.5.1): each type
 * gets the quality of the most specific Accept range that covers it, so {@code application/json;q=0, *}{@code /*}
 * refuses JSON alone; the highest quality above 0 wins, and a tie goes to the type listed first, so
 * {@code *}{@code /*} and a browser's {@code text/html,…,*}{@code /*;q=0.8} get the first one. Nothing acceptable is
 * a 406. (JAX-RS's {@code Request.selectVariant} would choose alike, but RESTEasy Reactive then replaces the answer's
 * Vary with "Accept" alone, dropping the Accept-Encoding and Consistency that {@link HttpCaching} sets.)
 */
public final class Negotiation {

    private static final Map<Method, List<MediaType>> OFFERED = new ConcurrentHashMap<>();

    private Negotiation() {
    }

    public static MediaType preferred(HttpHeaders headers, ResourceInfo resource) {
        List<MediaType> offered = OFFERED.computeIfAbsent(resource.getResourceMethod(), Negotiation::produced);
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType type : offered) {
            double quality = quality(type, accepted);
            if (quality > bestQuality) {
                best = type;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new NotAcceptableException("Accept names none of " + offered);
        }
        return best;
    }

    /** The quality of the most specific range covering {@code type}: exact, then type/*, then *{@code /*}; 0 if none. */
    private static double quality(MediaType type, List<MediaType> accepted) {
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaType range : accepted) {
            if (!range.isCompatible(type)) {
                continue;
            }
            int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qualityOf(range);
            }
        }
        return quality;
    }

    private static double qualityOf(MediaType range) {
        try {
            return Double.parseDouble(range.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static List<MediaType> produced(Method method) {
        return Arrays.stream(method.getAnnotation(Produces.class).value()).map(MediaType::valueOf).toList();
    }
}
