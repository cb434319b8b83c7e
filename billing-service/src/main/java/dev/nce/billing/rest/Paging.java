package dev.nce.billing.rest;

import dev.nce.contracts.RuleViolation;

/** API.md lists: ?limit= (default 100, 1..1000, else 400 naming the field) and &offset= (>= 0). */
record Paging(int limit, int offset) {

    static Paging of(String limit, String offset) {
        return new Paging(parse(limit, "limit", 100, 1, 1000), parse(offset, "offset", 0, 0, Integer.MAX_VALUE));
    }

    private static int parse(String text, String field, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw RuleViolation.invalidField(field, field + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw RuleViolation.invalidField(field, field + " must be a whole number");
        }
    }
}
