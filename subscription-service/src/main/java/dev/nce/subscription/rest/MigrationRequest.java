package dev.nce.subscription.rest;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.subscription.domain.MigrationPolicy.LegacyBilling;
import dev.nce.subscription.service.MigrationCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of POST /v1/customers/{customerId}/migrations (API.md, R-M2). Unknown fields, unknown enum values and a
 * legacyEndDate that is not a date are 400 validation-failed naming the field (kit JSON rules).
 */
public record MigrationRequest(@NotBlank @Size(max = 100) String legacySubscriptionId, @NotBlank @jakarta.validation.constraints.Pattern(
                                       regexp = dev.nce.contracts.OfferIdFormat.REGEX,
                                       message = dev.nce.contracts.OfferIdFormat.MESSAGE) String offerId,
                               @NotNull @Min(1) Integer quantity, @NotNull LocalDate legacyEndDate,
                               @NotNull LegacyBilling legacyBilling, @NotNull Boolean purchaseFullTerm,
                               Term term, BillingFrequency billing, @Valid Requests.Coterm coterm) {

    /** The checks across fields: term and billing come together; a coterm needs purchaseFullTerm true (R-M2). */
    MigrationCommand toCommand(String customerId) {
        if (term == null && billing != null) {
            throw RuleViolation.invalidField("term", "term and billing are given together or not at all");
        }
        if (term != null && billing == null) {
            throw RuleViolation.invalidField("billing", "term and billing are given together or not at all");
        }
        if (coterm != null && !purchaseFullTerm) {
            throw RuleViolation.invalidField("coterm", "with purchaseFullTerm false the term ends on legacyEndDate; "
                    + "a coterm needs purchaseFullTerm true");
        }
        return new MigrationCommand(customerId, legacySubscriptionId.trim(), offerId.trim(), quantity, legacyEndDate,
                legacyBilling, purchaseFullTerm, term, billing, coterm == null ? null : coterm.type(),
                coterm == null ? null : coterm.subscriptionId());
    }
}
