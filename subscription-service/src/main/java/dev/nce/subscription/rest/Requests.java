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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import static dev.nce.contracts.OfferIdFormat.MESSAGE;
import static dev.nce.contracts.OfferIdFormat.REGEX;
import static dev.nce.kit.validation.FieldLimits.EMAIL;
import static dev.nce.kit.validation.FieldLimits.ID;
import static dev.nce.kit.validation.FieldLimits.LIST;
import static dev.nce.kit.validation.FieldLimits.NAME;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import dev.nce.subscription.domain.TaxIdSyntax;
import jakarta.validation.constraints.Max;

/**
 * Request bodies of subscription-service (API.md); unknown fields are 400 (kit JSON rules). Field limits (issue 15
 * item 1): names 200, e-mails 254, ids 64, lists 1000; offer ids in their one form before any catalog call (item 2).
 */
public final class Requests {

    private Requests() {}

    public record CreateCustomer(@NotBlank @Size(max = NAME) String name, @NotBlank @Size(max = 3) String billingCurrency,
                                 @NotBlank @Size(max = EMAIL) String contactEmail,
                                 @Size(max = LIST) Map<@Size(max = ID) String, @NotNull @Min(0) Integer> externalSeats,
                                 @Size(max = 200) String legalName, @Valid AddressBody address,
                                 @Size(max = 10) List<@NotNull @Valid TaxIdBody> taxIds, TaxExempt taxExempt,
                                 @Min(0) @Max(120) Integer paymentTermsDays, @Size(max = 64) String microsoftTenantId,
                                 @Size(max = 10) List<@NotBlank @Size(max = 254) String> billingContactEmails) {

        CustomerDetailsBody details() {
            return new CustomerDetailsBody(legalName, address, taxIds, taxExempt, paymentTermsDays, microsoftTenantId,
                    billingContactEmails);
        }
    }

    /** D23: NONE (taxed by the rules), EXEMPT (0 %, treatment EXEMPT), REVERSE (reverse charge). */
    public enum TaxExempt { NONE, EXEMPT, REVERSE }

    /** A postal address; country ISO 3166-1 alpha-2 (API.md "Customers"). */
    public record AddressBody(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
                              @NotBlank @Size(max = 200) String city, @Size(max = 200) String region,
                              @Size(max = 64) String postalCode, @NotBlank @Size(max = 2) String country) {}

    public record TaxIdBody(@NotNull TaxIdSyntax.Type type, @NotBlank @Size(max = 64) String value) {}

    /** The issue-18 master data fields of POST and PATCH /v1/customers, before their syntax checks. */
    public record CustomerDetailsBody(@Size(max = 200) String legalName, @Valid AddressBody address,
                                      @Size(max = 10) List<@NotNull @Valid TaxIdBody> taxIds, TaxExempt taxExempt,
                                      @Min(0) @Max(120) Integer paymentTermsDays,
                                      @Size(max = 64) String microsoftTenantId,
                                      @Size(max = 10) List<@NotBlank @Size(max = 254) String> billingContactEmails) {}

    public record Coterm(@NotNull PurchaseCommand.CotermType type, @Size(max = ID) String subscriptionId) {}

    public record Purchase(@NotBlank @Pattern(regexp = REGEX, message = MESSAGE) String offerId, @NotNull Term term, @NotNull BillingFrequency billing,
                           @NotNull @Min(1) Integer quantity, Boolean autoRenew, EndOfTermAction endOfTermAction,
                           @Size(max = 100) String promotionId, @Valid Coterm coterm) {}

    /** PATCH quantity 0 is 400: use cancel (API.md). */
    /** {@code microsoftSubscriptionId}: D25 link to the Partner Center subscription (a GUID; "" unlinks). */
    public record PatchSubscription(@Min(value = 1, message = "must be at least 1 (use cancel to remove every seat)") Integer quantity,
                                    Boolean autoRenew, EndOfTermAction endOfTermAction,
                                    @jakarta.validation.constraints.Pattern(regexp = "^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                                            message = "must be a GUID") String microsoftSubscriptionId) {}

    public record ScheduledChangesBody(@Min(1) Integer quantity, Term term, BillingFrequency billing,
                                       @Pattern(regexp = REGEX, message = MESSAGE) String offerId,
                                       LocalDate customTermEndDate) {}

    public record Upgrade(@NotBlank @Pattern(regexp = REGEX, message = MESSAGE) String targetOfferId,
                          @NotNull @Min(1) Integer quantity, @Size(max = ID) String targetSubscriptionId) {}

    public record Trial(@NotBlank @Pattern(regexp = REGEX, message = MESSAGE) String offerId) {}

    public record TrialConversion(@Size(max = ID) String targetSubscriptionId,
                                  @Pattern(regexp = REGEX, message = MESSAGE) String offerId, Term term, BillingFrequency billing,
                                  @Min(1) Integer quantity) {}

    public record TermChange(@NotNull Term term, @NotNull BillingFrequency billing) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Renew(Term term, BillingFrequency billing, @Min(1) Integer quantity) {}
}
