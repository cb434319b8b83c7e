package dev.nce.contracts;

/** Lifecycle states (R-H1). Microsoft's "Canceled" is DELETED here. */
public enum SubscriptionStatus { ACTIVE, SUSPENDED, EXPIRED, DISABLED, DELETED }
