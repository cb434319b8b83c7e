package dev.nce.catalog.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.contracts.catalog.UpliftTier.Basis;
import dev.nce.contracts.catalog.UpliftTier.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The uplift tiers the catalog ships with (API.md catalog-service; inserted by Flyway V3): P1M/MONTHLY +20 % over B
 * since the NCE launch (R-A4), P1Y/MONTHLY and P3Y/MONTHLY +5 % from 2025-04-01 (R-A4, over B3 for P3Y), and the
 * Extended Service Term from 2026-05-04: +3 % over the P1M rate, or +23 % over B without a P1M plan (R-F4, D17).
 */
public final class ShippedUpliftTiers {

    private ShippedUpliftTiers() {}

    public static final LocalDate NCE_LAUNCH = LocalDate.of(2022, 1, 10);
    public static final LocalDate MONTHLY_BILLING_UPLIFT = LocalDate.of(2025, 4, 1);
    public static final LocalDate EXTENDED_SERVICE_TERM = LocalDate.of(2026, 5, 4);

    public static final List<UpliftTier> DEFAULTS = List.of(
            new UpliftTier(Kind.STANDARD, Term.P1M, BillingFrequency.MONTHLY, Basis.BASE, new BigDecimal("20"), NCE_LAUNCH),
            new UpliftTier(Kind.STANDARD, Term.P1Y, BillingFrequency.MONTHLY, Basis.BASE, new BigDecimal("5"), MONTHLY_BILLING_UPLIFT),
            new UpliftTier(Kind.STANDARD, Term.P3Y, BillingFrequency.MONTHLY, Basis.BASE, new BigDecimal("5"), MONTHLY_BILLING_UPLIFT),
            new UpliftTier(Kind.EXTENDED_SERVICE_TERM, null, null, Basis.P1M_RATE, new BigDecimal("3"), EXTENDED_SERVICE_TERM),
            new UpliftTier(Kind.EXTENDED_SERVICE_TERM, null, null, Basis.BASE, new BigDecimal("23"), EXTENDED_SERVICE_TERM));
}
