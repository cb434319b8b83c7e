package dev.nce.contracts;

import java.util.regex.Pattern;

/**
 * The one form of an offer id, Partner Center style {@code PRODUCT:SKU} (e.g. {@code CFQ7TTC0LF8Q:0001}). The catalog
 * refuses other ids; subscription-service checks it before any catalog call so a malformed id is the client's 400
 * and never reaches the catalog's circuit breaker (issue 15 item 2).
 */
public final class OfferIdFormat {

    /** For Bean Validation {@code @Pattern}. */
    public static final String REGEX = "[A-Za-z0-9]{1,40}:[A-Za-z0-9]{1,20}";
    public static final String MESSAGE = "must be an offer id PRODUCT:SKU (letters and digits, e.g. CFQ7TTC0LF8Q:0001)";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private OfferIdFormat() {}

    public static boolean isWellFormed(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
