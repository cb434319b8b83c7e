package dev.nce.subscription.domain;

/** The rows of API.md's state table. */
public enum SubscriptionAction {
    INCREASE_QUANTITY, DECREASE_QUANTITY, CHANGE_RENEWAL_SETTINGS, CANCEL, SUSPEND, RESUME, RENEW,
    SET_SCHEDULED_CHANGES, TERM_CHANGE, UPGRADE, TRIAL_CONVERSION
}
