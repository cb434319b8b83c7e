package dev.nce.subscription.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: purchases with a 1,666-5,000 character offerId answered 503 and twelve of them opened the catalog
 * circuit breaker for every customer. The id is checked before any catalog call; catalog 4xx are the client's.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
class MalformedOfferIdDefectApiTest {

    static final String OFFER = "CFQ7TTC0BRKR:0001";

    static {
        FakeCatalog.register(OFFER, "10.00", "9.50", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    static String body(String offerId) {
        return "{\"offerId\":\"" + offerId + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":1}";
    }

    @Test
    void twelve_malformed_offer_ids_are_400_without_a_catalog_call_and_another_customer_still_buys() {
        String hostile = Api.customer("Breaker Hostile");
        String other = Api.customer("Breaker Bystander");
        int priceCalls = FakeCatalog.PRICE_CALLS.get();
        int quoteCalls = FakeCatalog.QUOTE_CALLS.get();
        for (int i = 0; i < 12; i++) {
            String offerId = i % 2 == 0 ? "A".repeat(5000) : "B".repeat(1666) + ":0001";
            Api.purchase(hostile, body(offerId)).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation-failed")).body("field", equalTo("offerId"));
        }
        Api.purchase(hostile, body("CFQ7TTC0LF8Q")).then().statusCode(400).body("field", equalTo("offerId"));
        assertThat(FakeCatalog.PRICE_CALLS.get()).isEqualTo(priceCalls);
        assertThat(FakeCatalog.QUOTE_CALLS.get()).isEqualTo(quoteCalls);
        Api.purchase(other, body(OFFER)).then().statusCode(201).body("offerId", equalTo(OFFER));
    }
}
