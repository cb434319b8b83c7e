package dev.nce.subscription.client;

/** catalog-service could not answer (5xx, unexpected status): retried, counted by the circuit breaker. */
public class CatalogFailure extends RuntimeException {
    public CatalogFailure(String message) {
        super(message);
    }
}
