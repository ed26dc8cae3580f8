package vn.tincoso.search;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the search index is being built at start: a load balancer sends no q= its way until then. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    private final SearchIndex index;

    SearchReadiness(SearchIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index").status(index.ready()).build();
    }
}
