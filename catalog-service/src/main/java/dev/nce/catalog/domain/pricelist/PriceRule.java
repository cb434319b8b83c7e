package dev.nce.catalog.domain.pricelist;

import dev.nce.contracts.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * D22: the partner's sell price of an imported plan, per seat for the whole term: ERP x (1 - percent/100) (a discount
 * off Microsoft's estimated retail price) or cost x (1 + percent/100) (a markup on the partner's cost), rounded
 * HALF_UP to the minor unit (API.md "Settled details"). The cost price is kept as Microsoft lists it.
 */
public record PriceRule(Basis basis, BigDecimal percent) {

    public enum Basis { ERP, COST }

    public static final RoundingMode SELL_ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Sell at ERP: the rule when an import names none. */
    public static final PriceRule DEFAULT = new PriceRule(Basis.ERP, BigDecimal.ZERO);

    public PriceRule {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(percent, "percent");
    }

    public BigDecimal termSellPrice(BigDecimal erp, BigDecimal cost, String currency) {
        BigDecimal fraction = percent.divide(HUNDRED);
        BigDecimal exact = basis == Basis.ERP
                ? erp.multiply(BigDecimal.ONE.subtract(fraction))
                : cost.multiply(BigDecimal.ONE.add(fraction));
        return Money.roundTo(exact, currency, SELL_ROUNDING);
    }
}
