package vn.tincoso.web;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Arc;

/**
 * The uri tag of the HTTP metrics takes only endpoint templates (and Micrometer's own NOT_FOUND, REDIRECTION, root):
 * any other value, such as the raw path of a request the HTTP layer refused before routing, becomes
 * {@link PublicReads#UNMATCHED}, so no client can fill the tag's 100 values and push real endpoints out.
 */
@Singleton
public class UnmatchedUris implements MeterFilter {

    private static final Set<String> MICROMETER_VALUES = Set.of("NOT_FOUND", "REDIRECTION", "root", "UNKNOWN");

    private volatile Set<String> templates;

    @Override
    public Meter.Id map(Meter.Id id) {
        String uri = id.getTag("uri");
        if (!id.getName().startsWith("http.server") || uri == null || MICROMETER_VALUES.contains(uri) || templates().contains(uri)) {
            return id;
        }
        return id.withTag(Tag.of("uri", "/" + PublicReads.UNMATCHED));
    }

    /** "/api/v1/articles", "/api/v1/articles/{idOrSlug}" …: every resource method's path, as the REST layer reports it. */
    private Set<String> templates() {
        Set<String> known = templates;
        if (known == null) {
            known = new HashSet<>(Set.of("/" + PublicReads.UNMATCHED));
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    boolean endpoint = java.util.Arrays.stream(method.getAnnotations())
                            .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
                    if (endpoint) {
                        Path sub = method.getAnnotation(Path.class);
                        known.add(normalised(root.value() + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
            templates = known;
        }
        return known;
    }

    private static String normalised(String path) {
        String single = ("/" + path).replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
