package vn.tincoso.web;

import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** The HTTP request being served on this thread, if any (none in scheduled jobs, start-up or commands). */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    public static Optional<RoutingContext> get() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Arc.container().instance(CurrentVertxRequest.class).get().getCurrent());
    }
}
