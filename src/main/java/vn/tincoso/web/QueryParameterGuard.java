package vn.tincoso.web;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters are never guessed at. A single-valued one given twice is a 400 naming it, whatever the method,
 * so every endpoint can bind plain values. A write refuses a parameter its endpoint does not declare, so that a
 * misspelt {@code ?dryrun=true} does not import for real (reads ignore unknown parameters, as caches and trackers
 * add some), and one given without a value ({@code ?dryRun} alone is not false). A value holding a control
 * character is refused too, for every method. What an endpoint declares is read once ({@link DeclaredParameters}).
 */
public class QueryParameterGuard {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Map<Method, DeclaredParameters> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseRepeatedOrUnknown(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        DeclaredParameters known = declared.computeIfAbsent(resource.getResourceMethod(), DeclaredParameters::of);
        boolean write = !READS.contains(request.getMethod());
        // Names are matched as the framework binds them, whatever their case: ?LIMIT=2&limit=3 is a repeat.
        Map<String, Integer> given = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            Optional<String> declaredName = known.names().stream().filter(name::equalsIgnoreCase).findFirst();
            if (declaredName.isEmpty() || write && !declaredName.get().equals(name)) {
                if (write) {
                    throw new InvalidParameterException(name, known.names().isEmpty() ? "yêu cầu này không nhận tham số nào"
                            : "không có tham số này; yêu cầu nhận: " + String.join(", ", known.names()));
                }
                continue;
            }
            int count = given.merge(declaredName.get(), parameter.getValue().size(), Integer::sum);
            if (count > 1 && !known.repeatable().contains(declaredName.get())) {
                throw new InvalidParameterException(declaredName.get(), "chỉ được dùng một lần");
            }
            if (write && parameter.getValue().stream().allMatch(String::isBlank)) {
                throw new InvalidParameterException(name, "thiếu giá trị");
            }
            parameter.getValue().stream().filter(QueryParameterGuard::holdsNonText).findFirst().ifPresent(value -> {
                throw new InvalidParameterException(declaredName.get(), "chứa ký tự điều khiển hoặc không phải ký tự (U+0001–U+001F, U+FFFE, U+FFFF)");
            });
        }
    }

    /**
     * A control character other than tab and line breaks, or a noncharacter: no XML document (Atom, RSS) can carry
     * it, and no reader means it.
     */
    private static boolean holdsNonText(String value) {
        return value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF);
    }
}
