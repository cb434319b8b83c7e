package dev.nce.billing.domain.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spreads each tax line's amount over its invoice lines (accounting exports need a tax amount per line): each line
 * gets HALF_UP(tax x amount / taxable) and the last line of the rate the remainder, so the lines of an invoice add up
 * to its tax total exactly (D23 rounds per invoice and rate; this never changes that figure).
 */
public final class TaxAllocation {

    private TaxAllocation() {}

    /** The tax of each line, in line order. */
    public static List<BigDecimal> perLine(List<BigDecimal> lineAmounts, List<String> lineTaxCodes,
                                           List<TaxLine> taxLines, int scale) {
        BigDecimal[] out = new BigDecimal[lineAmounts.size()];
        Arrays.fill(out, BigDecimal.ZERO.setScale(scale));
        for (TaxLine tax : taxLines) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < lineAmounts.size(); i++) {
                if (tax.taxCode().equals(lineTaxCodes.get(i))) {
                    indexes.add(i);
                }
            }
            if (indexes.isEmpty()) {
                continue;
            }
            BigDecimal remaining = tax.taxAmount();
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                BigDecimal share;
                if (k == indexes.size() - 1) {
                    share = remaining;
                } else if (tax.taxableAmount().signum() == 0) {
                    share = BigDecimal.ZERO.setScale(scale);
                } else {
                    share = tax.taxAmount().multiply(lineAmounts.get(i))
                            .divide(tax.taxableAmount(), scale, RoundingMode.HALF_UP);
                }
                out[i] = share.setScale(scale, RoundingMode.UNNECESSARY);
                remaining = remaining.subtract(share);
            }
        }
        return List.of(out);
    }
}
