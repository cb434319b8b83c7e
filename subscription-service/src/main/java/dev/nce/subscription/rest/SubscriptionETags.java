package dev.nce.subscription.rest;

import dev.nce.subscription.service.Preconditions;
import dev.nce.subscription.service.SubscriptionView;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * API.md optimistic concurrency (issue 15 item 5): every subscription answer carries {@code ETag: "<version>"}; an
 * {@code If-Match} on {@code /v1/subscriptions/{id}...} is handed to {@link Preconditions}, checked under the locks.
 */
public class SubscriptionETags {

    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile("^/?v1/subscriptions/([^/]+)(/.*)?$");

    @Inject
    Preconditions preconditions;

    @ServerRequestFilter
    public void ifMatch(ContainerRequestContext request) {
        String ifMatch = request.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || "GET".equals(request.getMethod())) {
            return;
        }
        Matcher m = SUBSCRIPTION_PATH.matcher(request.getUriInfo().getPath());
        if (m.matches()) {
            preconditions.expect(m.group(1), ifMatch);
        }
    }

    @ServerResponseFilter
    public void etag(ContainerResponseContext response) {
        if (response.getEntity() instanceof SubscriptionView view) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, Preconditions.etag(view.version()));
        }
    }
}
