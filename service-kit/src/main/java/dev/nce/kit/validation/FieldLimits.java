package dev.nce.kit.validation;

import dev.nce.contracts.RuleViolation;

/**
 * Request field limits (issue 15 item 1): one oversized field must never reach a row or an event (a 1 MB name
 * wedged the outbox behind the broker's record limit). Names 200 characters, e-mails 254 (RFC 5321 path limit), ids
 * 64, lists 1000 entries; every other JSON string is capped at {@link #TEXT}. NUL and other C0 control characters
 * (except tab, CR, LF in free text) are refused: PostgreSQL cannot store NUL in text.
 */
public final class FieldLimits {

    public static final int NAME = 200;
    public static final int EMAIL = 254;
    public static final int ID = 64;
    public static final int URL = 2048;
    /** Any JSON string in a request body, whatever its field. */
    public static final int TEXT = 4096;
    /** Any JSON array in a request body. */
    public static final int LIST = 1000;

    private FieldLimits() {}

    /** 400 validation-failed naming {@code field} when the value is longer than {@code max} or carries a control character. */
    public static String require(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw RuleViolation.invalidField(field, field + " is longer than " + max + " characters");
        }
        if (hasControl(value)) {
            throw RuleViolation.invalidField(field, field + " contains a control character");
        }
        return value;
    }

    /** NUL and C0 controls other than tab, CR, LF, and DEL. */
    public static boolean hasControl(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
