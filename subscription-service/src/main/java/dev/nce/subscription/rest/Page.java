package dev.nce.subscription.rest;

import dev.nce.contracts.RuleViolation;
import java.util.List;

/** API.md lists: {totalCount, items}; ?limit= 1..1000 (default 100) and &offset= >= 0, else 400 naming the field. */
public record Page<T>(long totalCount, List<T> items) {

    public record Window(int limit, int offset) {}

    public static Window window(String limit, String offset) {
        return new Window(parse("limit", limit, 100, 1, 1000), parse("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    private static int parse(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw RuleViolation.invalidField(field, field + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw RuleViolation.invalidField(field, field + " must be an integer");
        }
    }
}
