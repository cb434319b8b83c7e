package dev.nce.catalog.domain.pricelist;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * An import's options (API.md): the market (rows of other markets are skipped; null reads every market), the month the
 * list is for, the segments taken (default Commercial) and the sell-price rule (D22).
 */
public record PriceListOptions(String market, YearMonth month, List<String> segments, PriceRule priceRule) {

    public static final List<String> DEFAULT_SEGMENTS = List.of("Commercial");

    public PriceListOptions {
        segments = segments == null || segments.isEmpty() ? DEFAULT_SEGMENTS : List.copyOf(segments);
        priceRule = priceRule == null ? PriceRule.DEFAULT : priceRule;
    }

    public boolean takesSegment(String segment) {
        return segment != null && segments.stream().anyMatch(s -> s.equalsIgnoreCase(segment));
    }

    public boolean takesMarket(String rowMarket) {
        return market == null || rowMarket == null || market.equalsIgnoreCase(rowMarket.trim());
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    /** The same options written one way: upper-case market, sorted segments as written, percent without zeros. */
    public PriceListOptions normalized() {
        return new PriceListOptions(market == null ? null : market.trim().toUpperCase(Locale.ROOT), month,
                segments.stream().map(String::trim).sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                new PriceRule(priceRule.basis(), priceRule.percent().stripTrailingZeros().scale() < 0
                        ? priceRule.percent().setScale(0) : priceRule.percent().stripTrailingZeros()));
    }
}
