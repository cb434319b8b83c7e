package dev.nce.catalog.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import dev.nce.contracts.catalog.UpliftTier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Price resolution, the one place a published unit price is computed (R-A4, R-A5, R-A8, R-F4, D2, D13, D17).
 * <ul>
 *   <li>The price list entry in force at date(at) in the requested currency, else USD ({@link PriceLists}).</li>
 *   <li>An explicit planPrice for the plan overrides the formula (D2, source PLAN_PRICE).</li>
 *   <li>Else base x (1 + STANDARD percent / 100), base = B, or B3 for P3Y plans, rounded at publication (D2).</li>
 *   <li>EST (D17): HALF_UP(P x 1.03) with P the published P1M/MONTHLY price, or HALF_UP(B x 1.23) when the offer has
 *       no P1M plan; the percents come from the EXTENDED_SERVICE_TERM tiers, not before their date.</li>
 * </ul>
 */
public final class PriceResolver {

    /** D2: published (uplifted) unit prices are rounded HALF_UP to the currency's minor unit. */
    public static final RoundingMode D2_PUBLISHED_PRICE_ROUNDING = RoundingMode.HALF_UP;

    static final Plan P1M_MONTHLY = Plan.of(Term.P1M, BillingFrequency.MONTHLY);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RoundingMode rounding;

    public PriceResolver() { this(D2_PUBLISHED_PRICE_ROUNDING); }

    public PriceResolver(RoundingMode rounding) { this.rounding = rounding; }

    public ResolvedPrice resolve(OfferData offer, List<UpliftTier> tiers, PriceQuery query) {
        if (query.plan() != null && !query.plan().isEverValid()) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2",
                    query.plan() + " is never a valid plan (R-A2)");
        }
        LocalDate date = query.at().atZone(ZoneOffset.UTC).toLocalDate();
        OfferPrice entry = PriceLists.inForce(offer.prices(), query.currency(), date)
                .orElseThrow(() -> new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, null,
                        "offer " + offer.offerId() + " has no price in force on " + date));
        if (query.extendedServiceTerm()) {
            return extendedServiceTerm(offer, tiers, entry, date);
        }
        if (!offer.plans().contains(query.plan())) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A3",
                    "offer " + offer.offerId() + " does not sell " + query.plan());
        }
        return planPrice(entry, tiers, query.plan(), date);
    }

    /** The published price of a plan sold by the offer, from one price list entry. */
    private ResolvedPrice planPrice(OfferPrice entry, List<UpliftTier> tiers, Plan plan, LocalDate date) {
        String currency = entry.currency();
        BigDecimal base = plan.term() == Term.P3Y ? entry.p3yBasePrice() : entry.basePrice();
        Optional<PlanPrice> explicit = explicitPrice(entry, plan);
        if (explicit.isPresent()) {
            BigDecimal unit = Amounts.publish(explicit.get().unitPrice(), currency, rounding);
            return new ResolvedPrice(currency, base == null ? unit : base, BigDecimal.ZERO, unit,
                    PriceSource.PLAN_PRICE, entry.effectiveFrom());
        }
        if (base == null) {
            // validation makes every P3Y plan carry p3yBasePrice or a planPrice; guard data written before that rule
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A4",
                    "no P3Y base price (p3yBasePrice) in the price list of " + entry.effectiveFrom());
        }
        BigDecimal percent = UpliftTiers.standardPercent(tiers, plan, date);
        return new ResolvedPrice(currency, base, percent, uplift(base, percent, currency), PriceSource.FORMULA,
                entry.effectiveFrom());
    }

    /** D17 / R-F4: the EST monthly price; before the EST tiers' date it does not exist (422 plan-not-available). */
    private ResolvedPrice extendedServiceTerm(OfferData offer, List<UpliftTier> tiers, OfferPrice entry, LocalDate date) {
        boolean hasMonthlyTerm = offer.plans().contains(P1M_MONTHLY);
        UpliftTier.Basis basis = hasMonthlyTerm ? UpliftTier.Basis.P1M_RATE : UpliftTier.Basis.BASE;
        UpliftTier tier = UpliftTiers.extendedServiceTerm(tiers, basis, date)
                .orElseThrow(() -> new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-F4",
                        "no Extended Service Term price is in force on " + date
                                + UpliftTiers.firstExtendedServiceTermDate(tiers, basis).map(d -> " (from " + d + ")").orElse("")));
        BigDecimal basisPrice = hasMonthlyTerm ? planPrice(entry, tiers, P1M_MONTHLY, date).unitPrice() : entry.basePrice();
        String currency = entry.currency();
        return new ResolvedPrice(currency, basisPrice, tier.percent(), uplift(basisPrice, tier.percent(), currency),
                PriceSource.FORMULA, entry.effectiveFrom());
    }

    private BigDecimal uplift(BigDecimal base, BigDecimal percent, String currency) {
        BigDecimal factor = BigDecimal.ONE.add(percent.divide(HUNDRED));
        return Amounts.publish(base.multiply(factor), currency, rounding);
    }

    private static Optional<PlanPrice> explicitPrice(OfferPrice entry, Plan plan) {
        if (entry.planPrices() == null) {
            return Optional.empty();
        }
        return entry.planPrices().stream()
                .filter(p -> p.term() == plan.term() && p.billing() == plan.billing())
                .findFirst();
    }
}
