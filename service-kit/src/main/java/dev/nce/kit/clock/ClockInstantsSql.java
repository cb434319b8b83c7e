package dev.nce.kit.clock;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Converts what JDBC / Hibernate native queries return for TIMESTAMPTZ into an Instant. */
public final class ClockInstantsSql {
    private ClockInstantsSql() {}

    public static Instant toInstant(Object value) {
        if (value == null) return null;
        if (value instanceof Timestamp ts) return ts.toInstant();
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof Instant i) return i;
        if (value instanceof java.time.ZonedDateTime z) return z.toInstant();
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
