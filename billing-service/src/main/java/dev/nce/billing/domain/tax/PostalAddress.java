package dev.nce.billing.domain.tax;

import java.util.ArrayList;
import java.util.List;

/** A postal address as printed on an invoice; {@code country} is ISO 3166-1 alpha-2. */
public record PostalAddress(String line1, String line2, String city, String region, String postalCode,
                            String country) {

    /** The printed lines (empty parts left out). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        add(out, line1);
        add(out, line2);
        String place = String.join(" ", nonBlank(postalCode), nonBlank(city), nonBlank(region)).trim()
                .replaceAll("\\s+", " ");
        add(out, place);
        add(out, country);
        return out;
    }

    private static void add(List<String> out, String value) {
        if (value != null && !value.isBlank()) {
            out.add(value);
        }
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value;
    }
}
