package dev.nce.kit.auth;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling (DESIGN.md section 7): role partner-admin sees every customer; a token with a customer_id claim sees
 * only that customer, and another customer's resources answer 404 (they do not exist for it).
 */
@RequestScoped
public class Caller {

    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String CUSTOMER_CLAIM = "customer_id";

    @Inject
    SecurityIdentity identity;

    public boolean isPartnerAdmin() {
        return identity != null && !identity.isAnonymous() && identity.hasRole(PARTNER_ADMIN);
    }

    /** The customer a customer-scoped token is limited to; empty for partner-admin. */
    public Optional<String> customerId() {
        if (identity == null || identity.isAnonymous() || isPartnerAdmin()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(CUSTOMER_CLAIM);
            return Optional.ofNullable(claim).map(c -> c.toString().replace("\"", ""));
        }
        return Optional.empty();
    }

    /** The token subject, or "system" when there is none (due work). */
    public String subject() {
        if (identity == null || identity.isAnonymous()) {
            return "system";
        }
        return identity.getPrincipal().getName();
    }

    /** 404 when the caller may not see this customer's resources (API.md: another customer's resources answer 404). */
    public void requireAccessTo(String customerId) {
        if (isPartnerAdmin()) {
            return;
        }
        if (customerId().filter(own -> own.equals(customerId)).isEmpty()) {
            // the detail never names the owner: a subscription id of another customer must not reveal whose it is
            throw new RuleViolation(ErrorCode.NOT_FOUND, null, "not found");
        }
    }

    /** 403 unless partner-admin. */
    public void requirePartnerAdmin() {
        if (!isPartnerAdmin()) {
            throw new ForbiddenException();
        }
    }
}
