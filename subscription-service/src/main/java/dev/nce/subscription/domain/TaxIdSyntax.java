package dev.nce.subscription.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax checks of a customer's tax ids (API.md "Customers"): an EU VAT number by its member state's pattern (the
 * country prefix decides, Greece is EL), an Australian ABN by its modulus-89 checksum, the others by their published
 * patterns. Values are normalised (upper case, spaces, dots and dashes removed; EIN and ABN keep digits only).
 * A syntax check says nothing about whether the number is registered.
 */
public final class TaxIdSyntax {

    public enum Type { EU_VAT, GB_VAT, AU_ABN, NZ_GST, CA_GST, US_EIN, OTHER }

    /** The accepted value, or why it is refused. */
    public record Result(String normalised, String problem) {
        public boolean valid() { return problem == null; }
    }

    /** VAT number patterns per EU member state (VIES formats), the prefix included. */
    static final Map<String, Pattern> EU_VAT = Map.ofEntries(
            Map.entry("AT", Pattern.compile("ATU\\d{8}")),
            Map.entry("BE", Pattern.compile("BE[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("BG\\d{9,10}")),
            Map.entry("CY", Pattern.compile("CY\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("CZ\\d{8,10}")),
            Map.entry("DE", Pattern.compile("DE\\d{9}")),
            Map.entry("DK", Pattern.compile("DK\\d{8}")),
            Map.entry("EE", Pattern.compile("EE\\d{9}")),
            Map.entry("EL", Pattern.compile("EL\\d{9}")),
            Map.entry("ES", Pattern.compile("ES[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("FI\\d{8}")),
            Map.entry("FR", Pattern.compile("FR[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("HR\\d{11}")),
            Map.entry("HU", Pattern.compile("HU\\d{8}")),
            Map.entry("IE", Pattern.compile("IE(\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W])")),
            Map.entry("IT", Pattern.compile("IT\\d{11}")),
            Map.entry("LT", Pattern.compile("LT(\\d{9}|\\d{12})")),
            Map.entry("LU", Pattern.compile("LU\\d{8}")),
            Map.entry("LV", Pattern.compile("LV\\d{11}")),
            Map.entry("MT", Pattern.compile("MT\\d{8}")),
            Map.entry("NL", Pattern.compile("NL\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("PL\\d{10}")),
            Map.entry("PT", Pattern.compile("PT\\d{9}")),
            Map.entry("RO", Pattern.compile("RO\\d{2,10}")),
            Map.entry("SE", Pattern.compile("SE\\d{10}01")),
            Map.entry("SI", Pattern.compile("SI\\d{8}")),
            Map.entry("SK", Pattern.compile("SK\\d{10}")));

    private static final Pattern GB_VAT = Pattern.compile("GB(\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2})");
    private static final Pattern NZ_GST = Pattern.compile("\\d{8,9}");
    private static final Pattern CA_GST = Pattern.compile("\\d{9}RT\\d{4}");
    private static final Pattern US_EIN = Pattern.compile("\\d{9}");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9]{2,64}");
    private static final Pattern ABN = Pattern.compile("\\d{11}");
    /** ABN checksum weights (Australian Business Register). */
    private static final int[] ABN_WEIGHTS = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};

    private TaxIdSyntax() {}

    public static Result check(Type type, String raw) {
        if (raw == null || raw.isBlank()) {
            return new Result(null, "a tax id value is required");
        }
        String value = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
        return switch (type) {
            case EU_VAT -> euVat(value);
            case GB_VAT -> matches(GB_VAT, value.startsWith("GB") ? value : "GB" + value, "a GB VAT number (GB + 9 or 12 digits)");
            case AU_ABN -> abn(value);
            case NZ_GST -> matches(NZ_GST, value, "an NZ GST number (8 or 9 digits)");
            case CA_GST -> matches(CA_GST, value, "a CA GST/HST number (9 digits, RT, 4 digits)");
            case US_EIN -> matches(US_EIN, value, "a US EIN (9 digits, NN-NNNNNNN)");
            case OTHER -> matches(OTHER, value, "2 to 64 letters or digits");
        };
    }

    /** The member state of an EU VAT number (its prefix; EL is Greece, GR), if it has a valid one. */
    public static Optional<String> euVatCountry(String normalised) {
        if (normalised == null || normalised.length() < 2) {
            return Optional.empty();
        }
        String prefix = normalised.substring(0, 2);
        return EU_VAT.containsKey(prefix) ? Optional.of("EL".equals(prefix) ? "GR" : prefix) : Optional.empty();
    }

    private static Result euVat(String value) {
        Pattern pattern = value.length() >= 2 ? EU_VAT.get(value.substring(0, 2)) : null;
        if (pattern == null) {
            return new Result(null, "an EU VAT number starts with a member state prefix (AT, BE, ..., EL for Greece)");
        }
        return matches(pattern, value, "a " + value.substring(0, 2) + " VAT number of the member state's format");
    }

    /** ABN: subtract 1 from the first digit, weight the 11 digits, the sum must divide by 89. */
    static Result abn(String value) {
        if (!ABN.matcher(value).matches()) {
            return new Result(null, "an ABN has 11 digits");
        }
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            int digit = value.charAt(i) - '0' - (i == 0 ? 1 : 0);
            sum += digit * ABN_WEIGHTS[i];
        }
        return sum % 89 == 0 ? new Result(value, null) : new Result(null, "ABN checksum does not match");
    }

    private static Result matches(Pattern pattern, String value, String expected) {
        return pattern.matcher(value).matches() ? new Result(value, null)
                : new Result(null, "not " + expected + ": " + value);
    }
}
