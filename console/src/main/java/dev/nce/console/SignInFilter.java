package dev.nce.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/** Pages need a signed-in user: without a token the browser goes to the sign-in form (htmx requests get 401). */
@Provider
public class SignInFilter implements ContainerRequestFilter {

    @Inject
    UserToken user;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/") || path.startsWith("/login") || path.startsWith("/logout") || user.signedIn()) {
            return;
        }
        if (request.getHeaderString("HX-Request") != null) {
            request.abortWith(Response.status(401).header("HX-Redirect", "/login").build());
        } else {
            request.abortWith(Response.seeOther(URI.create("/login")).build());
        }
    }
}
