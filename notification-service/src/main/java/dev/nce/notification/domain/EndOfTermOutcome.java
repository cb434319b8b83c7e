package dev.nce.notification.domain;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.EndOfTermAction;
import java.time.LocalDate;

/** What will happen at the renewal instant if nothing is done (D17), as a reminder has to say it (R-F4). */
public enum EndOfTermOutcome {
    RENEWS, EXTENDED_SERVICE_TERM, DISABLED, EXPIRES;

    public static EndOfTermOutcome of(EndOfTermAction action, LocalDate startDate, LocalDate endDate) {
        if (action == null) {
            return EXPIRES;
        }
        switch (action) {
            case RENEW:
                return RENEWS;
            case CANCEL:
                return DISABLED;
            case EXTENDED_SERVICE_TERM:
                // outside EST scope the old behaviour applies: expired with the free grace (D17)
                return ExtendedServiceTermScope.covers(startDate, endDate) ? EXTENDED_SERVICE_TERM : EXPIRES;
            default:
                return EXPIRES;
        }
    }
}
