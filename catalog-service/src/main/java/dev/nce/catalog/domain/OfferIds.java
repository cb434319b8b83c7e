package dev.nce.catalog.domain;

import java.util.regex.Pattern;

/** Offer ids are Partner Center style {@code PRODUCT:SKU}, e.g. {@code CFQ7TTC0LF8Q:0001} (API.md catalog-service). */
public final class OfferIds {

    private static final Pattern OFFER_ID = Pattern.compile("[A-Za-z0-9]{1,40}:[A-Za-z0-9]{1,20}");

    private OfferIds() {}

    public static boolean isWellFormed(String id) {
        return id != null && OFFER_ID.matcher(id).matches();
    }
}
