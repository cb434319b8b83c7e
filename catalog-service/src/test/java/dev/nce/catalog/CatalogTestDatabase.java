package dev.nce.catalog;

import dev.nce.testsupport.TestDatabase;

/** This service's test database (docs/CONVENTIONS.md). */
public class CatalogTestDatabase extends TestDatabase {
    @Override
    protected String database() { return "catalog_test"; }
}
