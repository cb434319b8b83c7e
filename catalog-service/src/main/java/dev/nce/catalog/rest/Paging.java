package dev.nce.catalog.rest;

import dev.nce.contracts.RuleViolation;
import java.util.List;

/** API.md list paging: ?limit= (default 100, 1..1000) and &offset= (default 0); anything else is 400 naming it. */
public record Paging(int limit, int offset) {

    public static Paging of(String limit, String offset) {
        return new Paging(parse(limit, "limit", 100, 1, 1000), parse(offset, "offset", 0, 0, Integer.MAX_VALUE));
    }

    /** One page of an in-memory list. */
    public <T> List<T> slice(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
    }

    private static int parse(String text, String field, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
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
