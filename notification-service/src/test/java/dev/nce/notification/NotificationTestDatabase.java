package dev.nce.notification;

import dev.nce.testsupport.TestDatabase;

/** This service's test database (docs/CONVENTIONS.md). */
public class NotificationTestDatabase extends TestDatabase {
    @Override
    protected String database() { return "notification_test"; }
}
