package dev.nce.billing;

import dev.nce.testsupport.TestDatabase;

/** This service's test database (docs/CONVENTIONS.md). */
public class BillingTestDatabase extends TestDatabase {
    @Override
    protected String database() { return "billing_test"; }
}
