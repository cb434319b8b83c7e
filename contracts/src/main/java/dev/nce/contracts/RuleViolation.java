package dev.nce.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request in domain terms: a stable kebab-case {@code code} from the API.md error table, the NCE-RULES rule id
 * that refused it (may be null) and details that the problem+json body carries (allowedUntil, refundableQuantity, field,
 * ...). Domain code throws it; the service kit maps the code to its HTTP status.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final String rule;
    private final Map<String, Object> details;

    public RuleViolation(String code, String rule, String message) {
        this(code, rule, message, Map.of());
    }

    public RuleViolation(String code, String rule, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.rule = rule;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public String code() { return code; }

    public String rule() { return rule; }

    public Map<String, Object> details() { return details; }

    /** 400 validation-failed for one request field (dotted path). */
    public static RuleViolation invalidField(String field, String message) {
        return new RuleViolation(ErrorCode.VALIDATION_FAILED, null, message, Map.of("field", field));
    }

    public static RuleViolation notFound(String what) {
        return new RuleViolation(ErrorCode.NOT_FOUND, null, what + " not found");
    }

    public static RuleViolation invalidState(String rule, String message) {
        return new RuleViolation(ErrorCode.INVALID_STATE, rule, message);
    }
}
