package dev.nce.subscription;

import dev.nce.testsupport.TestDatabase;

/** This service's test database (docs/CONVENTIONS.md). */
public class SubscriptionTestDatabase extends TestDatabase {
    @Override
    protected String database() { return "subscription_test"; }
}
