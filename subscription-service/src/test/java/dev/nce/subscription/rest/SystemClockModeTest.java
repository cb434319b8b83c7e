package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** SYSTEM mode: the wall clock; advancing it is 409 simulation-disabled. Runs last (its own application start). */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@TestProfile(SystemClockModeTest.SystemClock.class)
@Order(100)
class SystemClockModeTest {

    public static class SystemClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nce.clock.mode", "system");
        }
    }

    static final String OFFER = "CFQ7TTC0SYST:0001";

    static {
        FakeCatalog.register(OFFER, "12.50", "12.00", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    @Test
    void the_wall_clock_rules_and_cannot_be_advanced() {
        admin().get("/admin/clock").then().statusCode(200).body("mode", equalTo("SYSTEM"));
        assertThat(Duration.between(Api.now(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        json().body("{\"to\":\"2099-01-01\"}").post("/admin/clock/advance").then().statusCode(409)
                .body("code", equalTo("simulation-disabled"));
        String customer = Api.customer("Wall Clock");
        String id = Api.buy(customer, OFFER, "P1Y", "ANNUAL", 1);
        Api.get(id).then().body("startDate", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
    }
}
