package dev.nce.notification.rest;

import dev.nce.contracts.RuleViolation;
import java.util.List;

/** API.md lists: {"totalCount", "items"}, ?limit= 1..1000 (default 100) and &offset= >= 0. */
public record Page<T>(long totalCount, List<T> items) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public record Window(int limit, int offset) {}

    public static Window window(Integer limit, Integer offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw RuleViolation.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0) {
            throw RuleViolation.invalidField("offset", "offset must not be negative");
        }
        return new Window(l, o);
    }

    /** A query parameter that must be an integer: a malformed one is 400 naming it (not a 404 from JAX-RS). */
    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw RuleViolation.invalidField(name, name + " must be an integer");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField(name, "unknown " + name + " '" + value + "'");
        }
    }
}
