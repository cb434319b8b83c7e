package dev.nce.billing.domain.recon;

/** D25: how a Microsoft charge period compares with what the platform expects. */
public enum ReconClass {
    MATCHED, PRORATION_BASIS, ROUNDING, FX, PROMOTION, PRICE_TIER, QUANTITY, TIMING, CANCELLATION,
    CREDIT_ADJUSTMENT, UNLINKED
}
