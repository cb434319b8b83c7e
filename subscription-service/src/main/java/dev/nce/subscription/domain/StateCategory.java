package dev.nce.subscription.domain;

import dev.nce.contracts.SubscriptionStatus;

/** The columns of API.md's state table (EST = ACTIVE with inExtendedServiceTerm; a trial is ACTIVE with trial true). */
public enum StateCategory {
    ACTIVE, EXTENDED_SERVICE_TERM, SUSPENDED, EXPIRED, EXPIRED_TRIAL, DISABLED_OR_DELETED, TRIAL;

    public static StateCategory of(SubscriptionStatus status, boolean inExtendedServiceTerm, boolean trial) {
        switch (status) {
            case ACTIVE:
                return trial ? TRIAL : inExtendedServiceTerm ? EXTENDED_SERVICE_TERM : ACTIVE;
            case SUSPENDED:
                return SUSPENDED;
            case EXPIRED:
                return trial ? EXPIRED_TRIAL : EXPIRED;
            default:
                return DISABLED_OR_DELETED;
        }
    }
}
