package dev.nce.subscription.messaging;

import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * End to end with the real (in-process) broker: a partial upgrade (R-I4, R-I6) and a trial that converts at its end
 * (R-J2) while the clock advances; the customer's events arrive in order on its partition before the watermark.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(11)
class UpgradeAndTrialBrokerTest {

    static final String STD = "CFQ7TTC0BKST:0001";
    static final String PREM = "CFQ7TTC0BKPR:0001";

    static {
        List<String> plans = List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.register(new FakeCatalog.Offer(STD, "Standard", new BigDecimal("12.50"), null, plans, true, true,
                "M365_BUSINESS_STANDARD", List.of(PREM)));
        FakeCatalog.register(new FakeCatalog.Offer(PREM, "Premium", new BigDecimal("22.00"), null, plans, true, true,
                "M365_BUSINESS_PREMIUM", List.of()));
        FakeCatalog.TRIAL_OFFERS.add(PREM);
    }

    @Test
    void partial_upgrade_and_trial_conversion_across_the_clock() {
        Api.advanceTo("2028-12-04T09:00:00Z");
        String customer = Api.customer("Broker Upgrade Trial");
        String source = Api.buy(customer, STD, "P1Y", "ANNUAL", 10);
        String trial = json().body("{\"offerId\":\"" + PREM + "\"}").post("/v1/customers/" + customer + "/trials")
                .then().statusCode(201).extract().path("subscriptionId");
        String child = json().body("{\"targetOfferId\":\"" + PREM + "\",\"quantity\":4}")
                .post("/v1/subscriptions/" + source + "/upgrades").then().statusCode(200).extract().path("target.subscriptionId");
        String to = "2029-01-03T09:00:00Z";   // trialEndsAt = start + 30 x 24 h
        json().body("{\"to\":\"" + to + "\"}").post("/admin/clock/advance").then().statusCode(200);

        List<SubscriptionEvent> mine = new ArrayList<>();
        List<String> types = new ArrayList<>();
        int partition = Topics.partitionFor(customer, Topics.KEYED_PARTITIONS);
        boolean watermarkSeen = false;
        try (KafkaConsumer<String, String> consumer = EventFlowBrokerTest.consumer()) {
            consumer.subscribe(List.of(Topics.SUBSCRIPTION_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !watermarkSeen) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope e = EventJson.readEnvelope(r.value());
                    SubscriptionEvent event = SubscriptionEvent.decode(e);
                    if (customer.equals(r.key())) {
                        assertThat(watermarkSeen).isFalse();
                        mine.add(event);
                        types.add(e.type());
                    } else if (r.partition() == partition && event instanceof SubscriptionEvent.Watermark w
                            && w.upTo().equals(Instant.parse(to))) {
                        watermarkSeen = true;
                    }
                }
            }
        }
        assertThat(watermarkSeen).isTrue();
        assertThat(types).containsExactly("CustomerCreated", "SubscriptionCreated", "SubscriptionCreated",
                "SubscriptionCreated", "SubscriptionUpgraded", "TrialConverted");

        SubscriptionEvent.SubscriptionCreated childCreated = (SubscriptionEvent.SubscriptionCreated) mine.get(3);
        assertThat(childCreated.origin()).isEqualTo("PARTIAL_UPGRADE");
        assertThat(childCreated.subscription().subscriptionId()).isEqualTo(child);
        assertThat(childCreated.subscription().parentSubscriptionId()).isEqualTo(source);

        SubscriptionEvent.SubscriptionUpgraded upgraded = (SubscriptionEvent.SubscriptionUpgraded) mine.get(4);
        assertThat(upgraded.movedQuantity()).isEqualTo(4);
        assertThat(upgraded.upgradeDate()).isEqualTo(LocalDate.parse("2028-12-04"));
        assertThat(upgraded.targetCreated()).isTrue();
        assertThat(upgraded.fullUpgrade()).isFalse();
        assertThat(upgraded.sourceOfferId()).isEqualTo(STD);
        assertThat(upgraded.sourceUnitPrice()).isEqualByComparingTo("12.50");
        assertThat(upgraded.source().quantity()).isEqualTo(6);
        assertThat(upgraded.target().unitPrice()).isEqualByComparingTo("22.00");
        assertThat(upgraded.target().endDate()).isEqualTo(upgraded.source().endDate()).isEqualTo(LocalDate.parse("2029-12-03"));
        assertThat(upgraded.targetBatches()).hasSize(1);
        assertThat(upgraded.targetBatches().get(0).windowEnd()).isEqualTo(Instant.parse("2028-12-11T09:00:00Z"));

        SubscriptionEvent.TrialConverted converted = (SubscriptionEvent.TrialConverted) mine.get(5);
        assertThat(converted.convertedAt()).isEqualTo(Instant.parse(to));
        assertThat(converted.source().trial()).isTrue();
        assertThat(converted.target().subscriptionId()).isEqualTo(trial);
        assertThat(converted.target().trial()).isFalse();
        assertThat(converted.target().term()).hasToString("P1Y");
        assertThat(converted.target().billing()).hasToString("MONTHLY");
        assertThat(converted.target().quantity()).isEqualTo(25);
        assertThat(converted.target().unitPrice()).isEqualByComparingTo("23.10");
        assertThat(converted.target().startDate()).isEqualTo(LocalDate.parse("2029-01-03"));
    }
}
