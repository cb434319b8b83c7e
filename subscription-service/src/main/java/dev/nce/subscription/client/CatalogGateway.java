package dev.nce.subscription.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalog calls with fault tolerance: a timeout, a few retries for failures (never for a real 404/422 answer) and a
 * circuit breaker, so an outage is answered fast. Callers turn what escapes into 503 catalog-unavailable.
 */
@ApplicationScoped
public class CatalogGateway {

    @Inject
    @RestClient
    CatalogClient client;

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 200, abortOn = CatalogRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5000, skipOn = CatalogRefusal.class)
    public PriceAnswer price(String offerId, String term, String billing, String at, String currency,
                             Boolean extendedServiceTerm) {
        return client.price(offerId, term, billing, at, currency, extendedServiceTerm);
    }

    @Timeout(15000)
    @Retry(maxRetries = 2, delay = 200, abortOn = CatalogRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5000, skipOn = CatalogRefusal.class)
    public QuoteResponse quotes(QuoteRequest request) {
        return client.quotes(request);
    }

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 200, abortOn = CatalogRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5000, skipOn = CatalogRefusal.class)
    public PromotionAnswer promotion(String promotionId) {
        return client.promotion(promotionId);
    }

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 200, abortOn = CatalogRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5000, skipOn = CatalogRefusal.class)
    public PromotionPage promotions(String offerId, String at, int limit, int offset) {
        return client.promotions(offerId, at, limit, offset);
    }
}
