package dev.nce.subscription.service;

import dev.nce.subscription.client.PriceAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a purchase is being built from, handed to each {@link PurchaseStep}: the request, the customer's billing
 * currency, the catalog's answer and the values steps may adjust (price after a promotion, a co-termed end date).
 */
public final class PurchaseContext {

    public final PurchaseCommand command;
    public final String billingCurrency;
    public final PriceAnswer quote;
    public final Instant quotedAt;
    /** Who buys: a coterm target the caller may not see is 404 like an unknown id (issue 15 item 4). */
    public Actor actor = Actor.SYSTEM;
    /** The locked unit price (R-A6); a promotion step may lower it and set listUnitPrice. */
    public BigDecimal unitPrice;
    public BigDecimal listUnitPrice;
    public String promotionId;
    public LocalDate discountUntil;
    /** R-K3: seats above this count pay listUnitPrice (null = no promotion or no maximum). */
    public Integer promotionMaxSeats;
    /** A named promotion that does not apply (R-K2): raised after the other checks, in API.md's error order. */
    public RuntimeException promotionRefusal;
    /** A shortened first term's end (R-B5 coterm); null = the full term. */
    public LocalDate customEndDate;
    /** Set when this purchase is a legacy -> NCE migration (R-M, see MigrationService); null otherwise. */
    public MigrationCommand migration;

    public PurchaseContext(PurchaseCommand command, String billingCurrency, PriceAnswer quote, Instant quotedAt) {
        this.command = command;
        this.billingCurrency = billingCurrency;
        this.quote = quote;
        this.quotedAt = quotedAt;
        this.unitPrice = quote.unitPriceValue();
    }
}
