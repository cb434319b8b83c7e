package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in. The local stack's development login mints a token for a chosen role with the stack's key (enabled by
 * {@code nce.console.dev-login.key}); a deployment configures quarkus-oidc (code flow) instead and never sees this form.
 */
@jakarta.ws.rs.Path("/")
@Blocking
public class LoginResource {

    @Inject
    Template login;
    @Inject
    UserToken user;
    @ConfigProperty(name = "nce.console.dev-login.key")
    Optional<String> devKey;

    private volatile DevLogin devLogin;

    @GET
    public Response root() {
        return Response.seeOther(URI.create(user.signedIn() ? "/today" : "/login")).build();
    }

    @GET
    @jakarta.ws.rs.Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return login.data("roles", DevLogin.ROLES).data("devLogin", devKey.isPresent()).data("error", null);
    }

    @POST
    @jakarta.ws.rs.Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("role") String role, @FormParam("customerId") String customerId) {
        DevLogin dev = devLogin();
        String token;
        try {
            token = dev.mint(role == null ? "" : role, customerId);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(login.data("roles", DevLogin.ROLES).data("devLogin", true)
                    .data("error", e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/today")).cookie(cookie(token, (int) DevLogin.LIFETIME.toSeconds())).build();
    }

    @POST
    @jakarta.ws.rs.Path("logout")
    public Response signOut() {
        return Response.seeOther(URI.create("/login")).cookie(cookie("", 0)).build();
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(UserToken.COOKIE).value(value).path("/").httpOnly(true).maxAge(maxAge)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private DevLogin devLogin() {
        if (devKey.isEmpty()) {
            throw new NotFoundException("the development login is not enabled here");
        }
        if (devLogin == null) {
            devLogin = new DevLogin(java.nio.file.Path.of(devKey.get()));
        }
        return devLogin;
    }
}
