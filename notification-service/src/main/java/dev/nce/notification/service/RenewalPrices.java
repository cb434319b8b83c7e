package dev.nce.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.notification.domain.MessageFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import dev.nce.kit.auth.ServiceTokens;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The next term's price for a NOTICE_* reminder, read from subscription-service's GET /v1/renewals (API.md: the
 * reminders state "the renewalUnitPrice of GET /v1/renewals"). Asking the service that owns the renewal rules keeps one
 * computation (scheduled changes, EST, uplift tiers and imported price lists at the renewal date) instead of a second
 * copy of the catalog's price formula here; the answer is taken when the reminder is processed, so a price change
 * published after the term started is already in it. When subscription-service cannot answer, the reminder still goes
 * out on time, without the price sentence (logged).
 */
@ApplicationScoped
public class RenewalPrices {

    private static final Logger LOG = Logger.getLogger(RenewalPrices.class);

    @Inject
    @RestClient
    RenewalsClient client;
    @Inject
    ServiceTokens tokens; // issue 14 part 6: a self-signed, self-renewing token (static nce.subscription.token as fallback)

    public Optional<MessageFacts.RenewalPrice> of(String customerId, String subscriptionId, LocalDate renewalDate) {
        String authorization = tokens.authorization("nce.subscription.token");
        if (renewalDate == null || authorization.isBlank() || authorization.equals("Bearer ")) {
            return Optional.empty();
        }
        try {
            JsonNode page = client.renewals(authorization, renewalDate.toString(), renewalDate.toString(), customerId);
            for (JsonNode row : page.path("items")) {
                if (subscriptionId.equals(row.path("subscriptionId").asText()) && row.hasNonNull("renewalUnitPrice")) {
                    return Optional.of(new MessageFacts.RenewalPrice(renewalDate, amount(row, "currentUnitPrice"),
                            amount(row, "renewalUnitPrice"), amount(row, "monthlyDelta"), row.path("currency").asText()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("no renewal price for %s from subscription-service (%s): the reminder goes without it",
                    subscriptionId, e.toString());
        }
        return Optional.empty();
    }

    private static BigDecimal amount(JsonNode row, String field) {
        return row.hasNonNull(field) ? new BigDecimal(row.path(field).asText()) : null;
    }
}
