package dev.nce.subscription.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.domain.MigrationPolicy.LegacyBilling;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** No promotion at migration (R-M decision): whatever a promotion step set is undone for a migration only. */
class MigrationNoPromotionStepTest {

    static final Instant AT = Instant.parse("2031-03-15T10:00:00Z");

    static PurchaseContext promoted(MigrationCommand migration) {
        PurchaseCommand command = new PurchaseCommand("c1", "O:1", Term.P1Y, BillingFrequency.ANNUAL, 10, null, null,
                null, null, null);
        PriceAnswer quote = new PriceAnswer("O:1", "P1Y", "ANNUAL", AT.toString(), "USD", null, null,
                TextNode.valueOf("36.00"), "FORMULA", "Offer", null, null, true, true, false, null, null, 1L);
        PurchaseContext context = new PurchaseContext(command, "USD", quote, AT);
        context.migration = migration;
        // as an auto-applied promotion would leave it (R-K2/R-K3)
        context.unitPrice = new BigDecimal("28.80");
        context.listUnitPrice = new BigDecimal("36.00");
        context.promotionId = "PROMO-1";
        context.discountUntil = LocalDate.parse("2032-03-14");
        context.promotionMaxSeats = 5;
        return context;
    }

    @Test
    void a_migration_is_priced_at_the_plan_price_without_promotion() {
        PurchaseContext context = promoted(new MigrationCommand("c1", "LEG-1", "O:1", 10, LocalDate.parse("2031-09-30"),
                LegacyBilling.ANNUAL, true, null, null, null, null));
        new MigrationNoPromotionStep().beforeWrite(context, AT);
        assertThat(context.unitPrice).isEqualByComparingTo("36.00");
        assertThat(context.listUnitPrice).isNull();
        assertThat(context.promotionId).isNull();
        assertThat(context.discountUntil).isNull();
        assertThat(context.promotionMaxSeats).isNull();
    }

    @Test
    void a_plain_purchase_keeps_its_promotion() {
        PurchaseContext context = promoted(null);
        new MigrationNoPromotionStep().beforeWrite(context, AT);
        assertThat(context.unitPrice).isEqualByComparingTo("28.80");
        assertThat(context.promotionId).isEqualTo("PROMO-1");
        assertThat(context.promotionMaxSeats).isEqualTo(5);
    }
}
