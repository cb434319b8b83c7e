package dev.nce.kit.problem;

import dev.nce.contracts.RuleViolation;
import java.util.Map;

/** A refusal raised outside domain code (REST, kit); same shape as RuleViolation. */
public class ProblemException extends RuleViolation {

    public ProblemException(String code, String message) {
        super(code, null, message);
    }

    public ProblemException(String code, String message, Map<String, Object> details) {
        super(code, null, message, details);
    }
}
