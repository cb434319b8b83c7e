package dev.nce.subscription.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.Term;
import dev.nce.subscription.service.PurchaseCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;

/** Request bodies of subscription-service (API.md); unknown fields are 400 (kit JSON rules). */
public final class Requests {

    private Requests() {}

    public record CreateCustomer(@NotBlank String name, @NotBlank String billingCurrency, @NotBlank String contactEmail,
                                 Map<String, @NotNull @Min(0) Integer> externalSeats) {}

    public record Coterm(@NotNull PurchaseCommand.CotermType type, String subscriptionId) {}

    public record Purchase(@NotBlank String offerId, @NotNull Term term, @NotNull BillingFrequency billing,
                           @NotNull @Min(1) Integer quantity, Boolean autoRenew, EndOfTermAction endOfTermAction,
                           String promotionId, @Valid Coterm coterm) {}

    /** PATCH quantity 0 is 400: use cancel (API.md). */
    /** {@code microsoftSubscriptionId}: D25 link to the Partner Center subscription (a GUID; "" unlinks). */
    public record PatchSubscription(@Min(value = 1, message = "must be at least 1 (use cancel to remove every seat)") Integer quantity,
                                    Boolean autoRenew, EndOfTermAction endOfTermAction,
                                    @jakarta.validation.constraints.Pattern(regexp = "^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                                            message = "must be a GUID") String microsoftSubscriptionId) {}

    public record ScheduledChangesBody(@Min(1) Integer quantity, Term term, BillingFrequency billing, String offerId,
                                       LocalDate customTermEndDate) {}

    public record Upgrade(@NotBlank String targetOfferId, @NotNull @Min(1) Integer quantity, String targetSubscriptionId) {}

    public record Trial(@NotBlank String offerId) {}

    public record TrialConversion(String targetSubscriptionId, String offerId, Term term, BillingFrequency billing,
                                  @Min(1) Integer quantity) {}

    public record TermChange(@NotNull Term term, @NotNull BillingFrequency billing) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Renew(Term term, BillingFrequency billing, @Min(1) Integer quantity) {}
}
