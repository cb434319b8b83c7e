package dev.nce.contracts;

import java.time.LocalDate;

/**
 * D17 / R-F4, written once for every service: a term is in Extended Service Term scope when its endDate is on or after
 * 2026-05-04 and its startDate on or after 2025-04-01. Outside that scope EXTENDED_SERVICE_TERM keeps the old behaviour
 * (EXPIRED with the free grace of D10).
 */
public final class ExtendedServiceTermScope {

    public static final LocalDate TERMS_ENDING_FROM = LocalDate.of(2026, 5, 4);
    public static final LocalDate TERMS_STARTED_FROM = LocalDate.of(2025, 4, 1);

    private ExtendedServiceTermScope() {}

    public static boolean covers(LocalDate termStartDate, LocalDate termEndDate) {
        return termStartDate != null && termEndDate != null && !termEndDate.isBefore(TERMS_ENDING_FROM)
                && !termStartDate.isBefore(TERMS_STARTED_FROM);
    }
}
