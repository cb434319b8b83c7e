package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.subscription.client.CatalogGateway;
import dev.nce.subscription.client.CatalogRefusal;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.client.QuoteItem;
import dev.nce.subscription.client.QuoteRequest;
import dev.nce.subscription.client.QuoteResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authoritative prices from catalog-service (R-A6: the price is locked when quoted). Never guesses: an outage is 503
 * catalog-unavailable; a 404 is the offer not found; a 422 (plan not sold) is passed through. Always called before the
 * clock lock is taken (DESIGN.md section 3).
 */
@ApplicationScoped
public class Pricing {

    private static final Logger LOG = Logger.getLogger(Pricing.class);

    @Inject
    CatalogGateway gateway;

    /** One quote outcome of a batch: the answer, or the catalog's refusal of that item. */
    public record Outcome(QuoteItem item, PriceAnswer answer, CatalogRefusal refusal) {
        public boolean ok() { return answer != null; }
    }

    /** The price of {@code plan} of an offer at {@code at} in {@code currency} (or the USD list, API.md). */
    public PriceAnswer quote(String offerId, Plan plan, Instant at, String currency) {
        try {
            return gateway.price(offerId, plan.term().name(), plan.billing().name(), at.toString(), currency, null);
        } catch (CatalogRefusal refusal) {
            throw toViolation(refusal, offerId);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** D17: the EST monthly price at {@code at}; empty when the catalog has no EST tier in force there (422). */
    public Optional<PriceAnswer> extendedServiceTermPrice(String offerId, Instant at, String currency) {
        try {
            return Optional.of(gateway.price(offerId, null, null, at.toString(), currency, true));
        } catch (CatalogRefusal refusal) {
            if (refusal.status() == 404) {
                throw toViolation(refusal, offerId);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Many prices in one POST /v1/price-quotes (renewals due at one instant). When the catalog refuses the batch, each
     * item is asked alone so one unsellable plan does not block the others.
     */
    public List<Outcome> quoteAll(List<QuoteItem> items) {
        List<Outcome> outcomes = new ArrayList<>();
        if (items.isEmpty()) {
            return outcomes;
        }
        try {
            QuoteResponse response = gateway.quotes(new QuoteRequest(items));
            if (response == null || response.items() == null || response.items().size() != items.size()) {
                throw new IllegalStateException("price-quotes answered " + (response == null || response.items() == null
                        ? "nothing" : response.items().size() + " items") + " for " + items.size());
            }
            for (int i = 0; i < items.size(); i++) {
                outcomes.add(new Outcome(items.get(i), response.items().get(i), null));
            }
            return outcomes;
        } catch (CatalogRefusal batchRefused) {
            LOG.infof("price-quotes refused the batch (%s); quoting %d items one by one", batchRefused.getMessage(), items.size());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        for (QuoteItem item : items) {
            try {
                outcomes.add(new Outcome(item, gateway.price(item.offerId(), item.term(), item.billing(), item.at(),
                        item.currency(), item.extendedServiceTerm()), null));
            } catch (CatalogRefusal refusal) {
                outcomes.add(new Outcome(item, null, refusal));
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }
        return outcomes;
    }

    static RuleViolation toViolation(CatalogRefusal refusal, String offerId) {
        if (refusal.status() != 404 && refusal.status() != 422) {
            return RuleViolation.invalidField("offerId", "catalog-service refused the request for offer id "
                    + (offerId != null && offerId.length() > 64 ? offerId.substring(0, 64) + "..." : offerId)
                    + " (" + refusal.status() + ")");
        }
        if (refusal.status() == 404) {
            return new RuleViolation(ErrorCode.NOT_FOUND, null, "offer " + offerId + " not found",
                    java.util.Map.of("field", "offerId"));
        }
        String code = refusal.code() == null ? ErrorCode.PLAN_NOT_AVAILABLE : refusal.code();
        if (ErrorCode.status(code) != 422) {
            code = ErrorCode.PLAN_NOT_AVAILABLE;
        }
        return new RuleViolation(code, "R-A2", refusal.getMessage() == null
                ? "the plan is not sold for offer " + offerId : refusal.getMessage());
    }

    static RuleViolation unavailable(RuntimeException cause) {
        if (cause instanceof RuleViolation rv) {
            return rv;
        }
        LOG.warnf("catalog-service unavailable: %s", cause.toString());
        return new RuleViolation(ErrorCode.CATALOG_UNAVAILABLE, null,
                "catalog-service could not quote a price; nothing was changed, retry later");
    }
}
