package dev.nce.billing.domain;

import dev.nce.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a customer's invoice for one period from its ledger charges: the one code path of the invoice run and the
 * preview (API.md). Segments give one line per overlap with the month (BL-3, D18 CYCLE/EXTENDED_TERM); fixed charges
 * booked on the month give their line as is (BL-6, BL-7, R-I6, D11, late events). Every line is rounded (D1) and the
 * total is the sum of the rounded lines.
 */
public final class InvoiceBuilder {

    /** The outcome: a draft (possibly without lines), or the D13 rate that is missing. */
    public sealed interface Result permits Built, MissingFxRate {}

    public record Built(InvoiceDraft draft) implements Result {}

    public record MissingFxRate(String currency, LocalDate on) implements Result {}

    private final RoundingPolicy rounding;

    public InvoiceBuilder(RoundingPolicy rounding) {
        this.rounding = rounding;
    }

    public Result build(String customerId, BillingPeriod period, String billingCurrency, List<Charge> charges,
                        FxTable fxTable) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (Charge charge : charges) {
            Optional<InvoiceLine> line;
            BillingPeriod fxPeriod = charge.fxPeriod() != null ? charge.fxPeriod() : period;
            Optional<AppliedFx> fx = fxTable.lookup(billingCurrency, charge.pricingCurrency(), fxPeriod);
            if (appliesTo(charge, period) && fx.isEmpty()) {
                return new MissingFxRate(billingCurrency.equals(FxTable.BASE_CURRENCY)
                        ? charge.pricingCurrency() : billingCurrency, fxPeriod.firstDay());
            }
            line = fx.flatMap(f -> lineFor(charge, period, billingCurrency, f));
            line.ifPresent(lines::add);
        }
        lines.sort(InvoiceLine.ORDER);
        BigDecimal subtotal = BigDecimal.ZERO.setScale(Money.minorUnits(billingCurrency));
        for (InvoiceLine line : lines) {
            subtotal = subtotal.add(line.amount());
        }
        return new Built(new InvoiceDraft(customerId, period, billingCurrency, List.copyOf(lines), subtotal, subtotal));
    }

    /**
     * The invoice currency: the customer's billing currency; for a customer billing has not seen a CustomerCreated for
     * (bulk-loaded data), the pricing currency of its charges (USD when mixed), so no rate is ever guessed.
     */
    public static String billingCurrency(String customerCurrency, List<Charge> charges) {
        if (customerCurrency != null && !customerCurrency.isBlank()) {
            return customerCurrency;
        }
        String found = null;
        for (Charge charge : charges) {
            if (found == null) {
                found = charge.pricingCurrency();
            } else if (!found.equals(charge.pricingCurrency())) {
                return FxTable.BASE_CURRENCY;
            }
        }
        return found == null ? FxTable.BASE_CURRENCY : found;
    }

    /** True when the charge puts a line on this period's invoice. */
    public static boolean appliesTo(Charge charge, BillingPeriod period) {
        if (charge.isSegment()) {
            return charge.range().intersect(period.range()).isPresent();
        }
        return period.equals(charge.bookPeriod());
    }

    private Optional<InvoiceLine> lineFor(Charge charge, BillingPeriod period, String billingCurrency, AppliedFx fx) {
        if (charge.isSegment()) {
            return charge.range().intersect(period.range()).map(overlap -> line(charge, overlap.from(), overlap.to(),
                    null, 1, (int) overlap.days(), period.days(), billingCurrency, fx));
        }
        if (!period.equals(charge.bookPeriod())) {
            return Optional.empty();
        }
        int months = charge.billingMonths() == null ? 1 : charge.billingMonths();
        return Optional.of(line(charge, charge.startDate(), charge.endDate(), charge.billingMonths(), months,
                charge.daysActive(), charge.daysInPeriod(), billingCurrency, fx));
    }

    private InvoiceLine line(Charge charge, LocalDate from, LocalDate to, Integer shownMonths, int months,
                             int daysActive, int daysInPeriod, String billingCurrency, AppliedFx fx) {
        BigDecimal amount = charge.priorSeatDays() > 0
                ? LineFormula.laterCredit(charge.unitPrice(), months, fx, charge.priorSeatDays(),
                        (long) charge.quantity() * daysActive, daysInPeriod, billingCurrency, rounding)
                : LineFormula.amount(charge.unitPrice(), charge.periodPrice(), months, fx, charge.quantity(), daysActive,
                        daysInPeriod, charge.sign(), billingCurrency, rounding);
        return new InvoiceLine(charge.subscriptionId(), charge.offerId(), charge.description(), charge.type(), from, to,
                charge.quantity(), charge.unitPrice(), charge.pricingCurrency(), fx.rate(), fx.rateDate(), shownMonths,
                daysActive, daysInPeriod, amount, charge.promotionId());
    }
}
