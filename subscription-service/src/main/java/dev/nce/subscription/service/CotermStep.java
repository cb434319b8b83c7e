package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** R-B5 coterm at purchase: NONE (or absent) buys the full term; the aligned kinds are not supported yet (issue 6). */
@ApplicationScoped
public class CotermStep implements PurchaseStep {

    @Override
    public int order() { return 10; }

    @Override
    public void afterQuote(PurchaseContext context) {
        PurchaseCommand.CotermType type = context.command.cotermType();
        if (type != null && type != PurchaseCommand.CotermType.NONE) {
            throw new RuleViolation(ErrorCode.COTERM_NOT_ALLOWED, "R-B5", "coterm " + type + " is not yet supported",
                    Map.of("field", "coterm.type"));
        }
    }
}
