package dev.nce.catalog.rest;

import dev.nce.catalog.domain.Currencies;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.kit.clock.ClockInstants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters and string fields into values, each refusal a 400 naming the field. */
final class Params {

    private Params() {}

    static Term term(String text, String field) {
        return text == null || text.isBlank() ? null : parseEnum(Term.class, text, field);
    }

    static BillingFrequency billing(String text, String field) {
        return text == null || text.isBlank() ? null : parseEnum(BillingFrequency.class, text, field);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField(field, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** API.md: at= accepts a date (00:00Z of it) or an ISO-8601 instant; absent means the catalog's now. */
    static Instant at(String text, String field, Instant now) {
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            return ClockInstants.parse(text);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField(field, "'" + text + "' is not a date (YYYY-MM-DD) or an ISO-8601 UTC instant");
        }
    }

    /** An upper-case ISO 4217 code; absent means {@code fallback}. */
    static String currency(String text, String field, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return Currencies.requireCode(text, field);
    }

    static boolean flag(String text, String field) {
        if (text == null || text.isBlank() || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw RuleViolation.invalidField(field, field + " is true or false");
    }

    /** A required date YYYY-MM-DD (strict: no time part). */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw RuleViolation.invalidField(field, field + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalidField(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
