package dev.nce.catalog.domain.pricelist;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ratio checks of one offer's rows on Microsoft's cost prices, as warnings (R-A4, R-A5), compared per seat per
 * month (a term price / its months) because Microsoft rounds the monthly price to the cent before it multiplies by
 * the months (Business Central Device P1Y/Monthly: 378 / 12 x 1.05 = 33.075 -> 33.08 x 12 = 396.96):
 * P1Y/MONTHLY = 1.05 x P1Y/ANNUAL; P1M = 1.2 x the annual monthly price (an offer such as Windows 365 may publish its
 * own P1M price: the warning says it is kept as an explicit plan price); P3Y/ANNUAL and P3Y/TRIENNIAL = 3 x P1Y/ANNUAL
 * (the same monthly price); P3Y/MONTHLY = 1.05 x P3Y. A monthly difference of at most one cent is no finding.
 */
public final class PriceListChecks {

    static final BigDecimal MONTHLY_BILLING_UPLIFT = new BigDecimal("1.05");
    static final BigDecimal P1M_UPLIFT = new BigDecimal("1.2");
    static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private PriceListChecks() {}

    /** {@code rows} maps each plan of one offer to its row. */
    public static List<ImportWarning> ratios(Map<Plan, PriceListRow> rows) {
        List<ImportWarning> warnings = new ArrayList<>();
        PriceListRow annual = rows.get(Plan.of(Term.P1Y, BillingFrequency.ANNUAL));
        PriceListRow triennial = rows.get(Plan.of(Term.P3Y, BillingFrequency.TRIENNIAL));
        if (annual != null) {
            BigDecimal a = monthly(annual);
            check(rows.get(Plan.of(Term.P1Y, BillingFrequency.MONTHLY)), a.multiply(MONTHLY_BILLING_UPLIFT),
                    ImportWarning.RATIO_P1Y_MONTHLY, "1.05 x the P1Y/ANNUAL monthly price " + scale2(a), warnings);
            PriceListRow p1m = rows.get(Plan.of(Term.P1M, BillingFrequency.MONTHLY));
            if (p1m != null && differs(monthly(p1m), a.multiply(P1M_UPLIFT))) {
                BigDecimal ratio = monthly(p1m).divide(a, 3, RoundingMode.HALF_UP);
                warnings.add(new ImportWarning(p1m.row(), ImportWarning.RATIO_P1M, "P1M " + p1m.unitPrice() + " is "
                        + ratio.toPlainString() + " x the annual monthly price " + scale2(a)
                        + ", not 1.2 (expected " + scale2(a.multiply(P1M_UPLIFT))
                        + "); kept as the plan's explicit price"));
            }
            check(rows.get(Plan.of(Term.P3Y, BillingFrequency.ANNUAL)), a, ImportWarning.RATIO_P3Y,
                    "3 x the P1Y/ANNUAL price " + annual.unitPrice(), warnings);
            check(triennial, a, ImportWarning.RATIO_P3Y, "3 x the P1Y/ANNUAL price " + annual.unitPrice(), warnings);
        }
        if (triennial != null) {
            check(rows.get(Plan.of(Term.P3Y, BillingFrequency.MONTHLY)),
                    monthly(triennial).multiply(MONTHLY_BILLING_UPLIFT), ImportWarning.RATIO_P3Y,
                    "1.05 x the P3Y/TRIENNIAL price " + triennial.unitPrice(), warnings);
        }
        return warnings;
    }

    /** Microsoft's cost never exceeds its estimated retail price; a trial costs nothing. */
    public static List<ImportWarning> row(PriceListRow row) {
        List<ImportWarning> warnings = new ArrayList<>();
        if (row.trial()) {
            if (row.unitPrice().signum() != 0 || row.erpPrice().signum() != 0) {
                warnings.add(new ImportWarning(row.row(), ImportWarning.TRIAL_NOT_FREE, "trial row priced "
                        + row.unitPrice() + " / ERP " + row.erpPrice() + "; trials are free (D15)"));
            }
        } else if (row.unitPrice().compareTo(row.erpPrice()) > 0) {
            warnings.add(new ImportWarning(row.row(), ImportWarning.UNIT_PRICE_ABOVE_ERP, "UnitPrice "
                    + row.unitPrice() + " is above the ERP price " + row.erpPrice()));
        }
        return warnings;
    }

    /** {@code expectedMonthly}: the per-seat monthly price the row's term price should divide into. */
    private static void check(PriceListRow row, BigDecimal expectedMonthly, String code, String rule,
                              List<ImportWarning> warnings) {
        if (row != null && differs(monthly(row), expectedMonthly)) {
            warnings.add(new ImportWarning(row.row(), code, row.termDuration() + "/" + row.billingPlan() + " "
                    + row.unitPrice() + " is not " + rule + " (a monthly " + scale2(monthly(row)) + ", expected "
                    + scale2(expectedMonthly) + ")"));
        }
    }

    /** A row's term price per month at scale 6 (D22). */
    static BigDecimal monthly(PriceListRow row) {
        int months = PlanMapping.plan(row.termDuration(), row.billingPlan()).map(p -> p.term().months()).orElse(1);
        return row.unitPrice().divide(BigDecimal.valueOf(months), 6, RoundingMode.HALF_UP);
    }

    private static boolean differs(BigDecimal actual, BigDecimal expected) {
        return actual.subtract(expected).abs().compareTo(TOLERANCE) > 0;
    }

    private static String scale2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
