package vn.tincoso.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Which of the media types an endpoint's {@code @Produces} lists the client prefers. JAX-RS has already matched
 * the Accept header against them (or answered 406) and sorts the client's types by quality and specificity; the
 * first of those that one of the endpoint's types is compatible with wins, the endpoint's first type for a wildcard,
 * so {@code *}{@code /*} and a browser's {@code text/html,…,*}{@code /*;q=0.8} get the first one listed.
 */
public final class Negotiation {

    private static final Map<Method, List<MediaType>> OFFERED = new ConcurrentHashMap<>();

    private Negotiation() {
    }

    public static MediaType preferred(HttpHeaders headers, ResourceInfo resource) {
        List<MediaType> offered = OFFERED.computeIfAbsent(resource.getResourceMethod(), Negotiation::produced);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (refused(accepted)) {
                continue;
            }
            for (MediaType type : offered) {
                if (accepted.isCompatible(type)) {
                    return type;
                }
            }
        }
        return offered.get(0);
    }

    /** A type with quality 0 is one the client does not accept. */
    private static boolean refused(MediaType accepted) {
        try {
            return Double.parseDouble(accepted.getParameters().getOrDefault("q", "1")) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<MediaType> produced(Method method) {
        return Arrays.stream(method.getAnnotation(Produces.class).value()).map(MediaType::valueOf).toList();
    }
}
