package dev.nce.subscription.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.RuleViolation;
import dev.nce.subscription.client.CatalogFailure;
import dev.nce.subscription.client.CatalogRefusal;
import dev.nce.subscription.client.CatalogResponseMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 2: a catalog 4xx about the request (400, 404, 414, 422...) is a final {@link CatalogRefusal}, which the
 * gateway's circuit breaker skips; only outages and our own token/load problems are {@link CatalogFailure}s.
 */
class CatalogClientErrorDefectTest {

    private static RuntimeException mapped(int status) {
        return new CatalogResponseMapper().toThrowable(Response.status(status).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 414, 422})
    void catalog_client_errors_are_refusals_never_breaker_failures(int status) {
        assertThat(mapped(status)).isInstanceOf(CatalogRefusal.class);
        assertThat(((CatalogRefusal) mapped(status)).status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 408, 429, 500, 502, 503})
    void outages_and_token_or_load_errors_stay_failures(int status) {
        assertThat(mapped(status)).isInstanceOf(CatalogFailure.class);
    }

    @Test
    void a_414_for_a_long_offer_id_is_a_400_naming_offer_id_without_echoing_it() {
        RuleViolation violation = Pricing.toViolation(new CatalogRefusal(414, null, null), "X".repeat(3000));
        assertThat(violation.code()).isEqualTo("validation-failed");
        assertThat(violation.details()).containsEntry("field", "offerId");
        assertThat(violation.getMessage()).hasSizeLessThan(200);
    }
}
