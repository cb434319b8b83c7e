package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.FxTable;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.RoundingPolicy;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.domain.WhatIfInvoices;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The billing half of what-if (issue 23): a customer's real subscription events, run through billing's own planner and
 * invoice builder (module billing-domain) on an in-memory ledger, give BL-3 / BL-6 / D1 invoices to the cent.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(24)
class WhatIfInvoicesApiTest {

    static final String PREMIUM = "CFQ7TTC0WIF1:0001";

    static {
        FakeCatalog.register(PREMIUM, "22.00", "21.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    @Test
    void issue23_eventsToInvoicesWithBillingsCode_monthlySegmentsAndAnUpfrontTerm() throws Exception {
        Api.advanceTo("2032-01-01T00:00:00Z");
        YearMonth m0 = YearMonth.from(Api.now().atZone(ZoneOffset.UTC)).plusMonths(1);
        Api.advanceTo(m0.atDay(1) + "T00:00:00Z");
        String customer = Api.customer("What If Billing");
        String monthly = Api.buy(customer, PREMIUM, "P1Y", "MONTHLY", 10);   // 23.10 a seat, billed monthly
        String annual = Api.buy(customer, PREMIUM, "P1Y", "ANNUAL", 4);      // 22.00 a seat, 12 months upfront
        Api.advanceTo(m0.atDay(11) + "T08:00:00Z");
        Api.patch(monthly, "{\"quantity\":15}").then().statusCode(200);

        List<WhatIfInvoices.TimedEvent> events = events(List.of(monthly, annual));
        List<InvoiceDraft> invoices = WhatIfInvoices.invoices(customer, "USD", events, Map.of(PREMIUM, "Premium"),
                new BillingPeriod(m0), new BillingPeriod(m0.plusMonths(1)), FxTable.empty(), RoundingPolicy.DEFAULT);

        assertThat(invoices).hasSize(2);
        int days = m0.lengthOfMonth();
        // BL-3: 10 seats for days 1-10, 15 seats from the 11th (D6: the change day is the new state's), D1 rounds UP
        BigDecimal first = up(new BigDecimal("231.00").multiply(BigDecimal.valueOf(10)), days);
        BigDecimal second = up(new BigDecimal("346.50").multiply(BigDecimal.valueOf(days - 10)), days);
        InvoiceDraft m0Invoice = invoices.get(0);
        assertThat(m0Invoice.period().month()).isEqualTo(m0);
        assertThat(amounts(m0Invoice, monthly)).containsExactly(first, second);
        // BL-6: the P1Y/ANNUAL term is charged upfront, 4 x 22.00 x 12 = 1056.00
        assertThat(amounts(m0Invoice, annual)).containsExactly(new BigDecimal("1056.00"));
        assertThat(m0Invoice.total()).isEqualByComparingTo(first.add(second).add(new BigDecimal("1056.00")));
        // the next month: a full month of 15 seats, nothing for the prepaid annual seats
        InvoiceDraft m1Invoice = invoices.get(1);
        assertThat(amounts(m1Invoice, monthly)).containsExactly(new BigDecimal("346.50"));
        assertThat(amounts(m1Invoice, annual)).isEmpty();
        assertThat(m1Invoice.total()).isEqualByComparingTo("346.50");
        assertThat(m1Invoice.lines().get(0).chargeStartDate()).isEqualTo(m0.plusMonths(1).atDay(1));
    }

    static BigDecimal up(BigDecimal seatDayAmount, int days) {
        return seatDayAmount.divide(BigDecimal.valueOf(days), 2, RoundingMode.UP);
    }

    static List<BigDecimal> amounts(InvoiceDraft invoice, String subscriptionId) {
        return invoice.lines().stream().filter(l -> l.subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparing(InvoiceLine::chargeStartDate)).map(InvoiceLine::amount).toList();
    }

    /** The subscriptions' event histories merged in effective order (an event about two subjects once). */
    static List<WhatIfInvoices.TimedEvent> events(List<String> subscriptionIds) throws Exception {
        List<EventEnvelope> envelopes = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (String id : subscriptionIds) {
            String body = admin().queryParam("limit", 1000).get("/v1/subscriptions/" + id + "/events").then()
                    .statusCode(200).extract().asString();
            for (JsonNode item : EventJson.mapper().readTree(body).get("items")) {
                EventEnvelope envelope = EventJson.mapper().treeToValue(item, EventEnvelope.class);
                if (seen.add(envelope.eventId())) {
                    envelopes.add(envelope);
                }
            }
        }
        envelopes.sort(Comparator.comparing(EventEnvelope::effectiveAt).thenComparing(EventEnvelope::occurredAt));
        return envelopes.stream()
                .map(e -> new WhatIfInvoices.TimedEvent(SubscriptionEvent.decode(e), e.effectiveAt())).toList();
    }

}
