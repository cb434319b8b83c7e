package dev.nce.notification.domain;

import java.time.LocalDate;

/**
 * D17 / R-F4: a term is in EST scope when its endDate is on or after 2026-05-04 and its startDate on or after
 * 2025-04-01. Outside the scope, EXTENDED_SERVICE_TERM means the old behaviour: EXPIRED with the free grace (D10),
 * which is what EXPIRY_UPCOMING has to say.
 */
public final class ExtendedServiceTermScope {
    public static final LocalDate TERMS_ENDING_FROM = LocalDate.of(2026, 5, 4);
    public static final LocalDate TERMS_STARTED_FROM = LocalDate.of(2025, 4, 1);

    private ExtendedServiceTermScope() {}

    public static boolean inScope(LocalDate startDate, LocalDate endDate) {
        return startDate != null && endDate != null && !endDate.isBefore(TERMS_ENDING_FROM)
                && !startDate.isBefore(TERMS_STARTED_FROM);
    }
}
