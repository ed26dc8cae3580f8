package vn.tincoso.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A write must not guess: a query parameter its endpoint does not declare is a 400 naming it, so that a misspelt
 * {@code ?dryrun=true} does not import for real. (Reads ignore unknown parameters, as caches and trackers add some.)
 * The names an endpoint declares are read once ({@link DeclaredParameters}).
 */
public class WriteParameters {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        if (READS.contains(request.getMethod()) || resource.getResourceMethod() == null) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(resource.getResourceMethod(), DeclaredParameters::of);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name, known.isEmpty() ? "yêu cầu này không nhận tham số nào"
                        : "không có tham số này; yêu cầu nhận: " + String.join(", ", known));
            }
        }
    }

}
