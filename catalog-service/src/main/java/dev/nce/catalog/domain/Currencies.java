package dev.nce.catalog.domain;

import dev.nce.contracts.Money;
import dev.nce.contracts.RuleViolation;

/** Currency codes in requests: upper-case ISO 4217 codes the JDK knows (D13 takes minor units from java.util.Currency). */
public final class Currencies {

    private Currencies() {}

    public static String requireCode(String code, String field) {
        if (!Money.isCurrency(code) || !code.equals(code.toUpperCase())) {
            throw RuleViolation.invalidField(field, "'" + code + "' is not an ISO 4217 currency code");
        }
        return code;
    }
}
