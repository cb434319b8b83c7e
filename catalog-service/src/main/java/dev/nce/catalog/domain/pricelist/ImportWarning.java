package dev.nce.catalog.domain.pricelist;

/** One finding of a price-list import (API.md "Price-list imports"): the data row, a stable code and the detail. */
public record ImportWarning(int row, String code, String detail) {

    public static final String UNREADABLE_ROW = "unreadable-row";
    public static final String UNKNOWN_PLAN = "unknown-plan";
    public static final String RATIO_P1Y_MONTHLY = "ratio-p1y-monthly";
    public static final String RATIO_P1M = "ratio-p1m";
    public static final String RATIO_P3Y = "ratio-p3y";
    public static final String UNIT_PRICE_ABOVE_ERP = "unit-price-above-erp";
    public static final String TRIAL_NOT_FREE = "trial-not-free";
    public static final String SEGMENT_EXCLUDED = "segment-excluded";
    public static final String MARKET_EXCLUDED = "market-excluded";
    public static final String PRICE_IN_FORCE = "price-in-force";
    public static final String END_OF_SALE = "end-of-sale";
    public static final String DUPLICATE_ROW = "duplicate-row";
}
