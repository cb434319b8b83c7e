package dev.nce.kit.testapp;

import dev.nce.testsupport.TestDatabase;

public class KitTestDatabase extends TestDatabase {
    @Override
    protected String database() { return "kit_test"; }
}
