package dev.nce.kit.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** API.md: an instant parameter accepts a date (00:00Z of it) or an ISO-8601 instant. */
public final class ClockInstants {
    private ClockInstants() {}

    public static Instant parse(String text) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date or instant: " + text, e);
        }
    }
}
