package dev.nce.billing.domain.tax;

import dev.nce.billing.domain.tax.TaxDetermination.AppliedTax;
import dev.nce.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * D23 amounts: each line carries the invoice's tax, except a credit whose reversed charge was taxed otherwise (it
 * keeps that charge's rate); the tax of each rate is HALF_UP to the currency's minor unit, on the sum of that rate's
 * lines (PER_INVOICE) or line by line (PER_LINE). Every invoice has at least one tax line, also at 0 %.
 */
public final class TaxCalculation {

    /** One invoice line as tax sees it: its amount and, for a credit, the tax of the charge it reverses if known. */
    public record TaxableLine(BigDecimal amount, Optional<AppliedTax> reversedChargeTax) {}

    /** The per-line tax codes (in line order), the tax lines (in order of first use) and their total. */
    public record Outcome(List<String> lineTaxCodes, List<TaxLine> taxLines, BigDecimal taxTotal) {}

    private TaxCalculation() {}

    public static Outcome compute(List<TaxableLine> lines, AppliedTax invoiceTax, String currency, TaxRounding rounding) {
        int scale = Money.minorUnits(currency);
        Map<String, AppliedTax> taxes = new LinkedHashMap<>();
        Map<String, BigDecimal> taxable = new LinkedHashMap<>();
        Map<String, BigDecimal> perLineTax = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>(lines.size());
        for (TaxableLine line : lines) {
            AppliedTax tax = line.amount().signum() < 0 ? line.reversedChargeTax().orElse(invoiceTax) : invoiceTax;
            taxes.putIfAbsent(tax.taxCode(), tax);
            taxable.merge(tax.taxCode(), line.amount(), BigDecimal::add);
            perLineTax.merge(tax.taxCode(), taxOf(line.amount(), tax.percent(), scale), BigDecimal::add);
            codes.add(tax.taxCode());
        }
        if (taxes.isEmpty()) { // no lines: still one tax line (settled details)
            taxes.put(invoiceTax.taxCode(), invoiceTax);
            taxable.put(invoiceTax.taxCode(), BigDecimal.ZERO.setScale(scale));
            perLineTax.put(invoiceTax.taxCode(), BigDecimal.ZERO.setScale(scale));
        }
        List<TaxLine> taxLines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(scale);
        for (Map.Entry<String, AppliedTax> e : taxes.entrySet()) {
            AppliedTax tax = e.getValue();
            BigDecimal base = taxable.get(e.getKey()).setScale(scale, RoundingMode.UNNECESSARY);
            BigDecimal amount = rounding == TaxRounding.PER_LINE ? perLineTax.get(e.getKey())
                    : taxOf(base, tax.percent(), scale);
            taxLines.add(new TaxLine(tax.taxCode(), tax.taxType(), tax.treatment(), tax.percent(), base, amount));
            total = total.add(amount);
        }
        return new Outcome(List.copyOf(codes), List.copyOf(taxLines), total);
    }

    /** amount x percent / 100, HALF_UP to the minor unit (symmetric for credits). */
    static BigDecimal taxOf(BigDecimal amount, BigDecimal percent, int scale) {
        return amount.multiply(percent).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP);
    }
}
