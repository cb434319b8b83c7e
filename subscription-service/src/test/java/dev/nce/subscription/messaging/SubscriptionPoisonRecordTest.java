package dev.nce.subscription.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.contracts.Topics;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.PoisonRecordCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Issue 16: a poison record on CATALOG_OFFERS is dead-lettered by the kit's record policy, never skipped silently. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(CatalogStandIn.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class SubscriptionPoisonRecordTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void a_record_that_is_not_an_envelope_becomes_an_open_dead_letter_and_a_dlq_copy() throws Exception {
        var letter = PoisonRecordCheck.run(base.toURI(), Topics.CATALOG_OFFERS, "catalog-offers");
        // keyed by customer on the subscription events and invoices topics: the key names the customer
        String expected = Topics.CATALOG_OFFERS.equals(letter.path("topic").asText()) ? null : letter.path("key").asText();
        assertThat(letter.path("customerId").isNull() ? null : letter.path("customerId").asText()).isEqualTo(expected);
    }
}
