package dev.nce.subscription.rest;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.subscription.domain.Deadlines;
import dev.nce.subscription.service.RenewalQuery;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** API.md "Renewals and deadlines": what renews at which price, and what falls due soon. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RenewalResource {

    static final Duration MAX_WITHIN = Duration.ofDays(366);

    @Inject
    Caller caller;
    @Inject
    RenewalQuery query;
    @Inject
    dev.nce.kit.clock.PlatformClock clock;

    @GET
    @Path("/renewals")
    @Operation(summary = "Subscriptions renewing in [from, to]",
            description = "By renewalDate, with the current unit price, the catalog price in force at the renewal date"
                    + " for the next term (uplift tiers, scheduled changes, EST when the term ends in one) and"
                    + " monthlyDelta = (renewal - current) x the next term's quantity. from defaults to today, to to"
                    + " from + 1 month. A customer token sees only its own rows.")
    @APIResponse(responseCode = "200", description = "{totalCount, items}")
    @APIResponse(responseCode = "400", description = "validation-failed: from, to, limit or offset malformed")
    @APIResponse(responseCode = "401", description = "unauthorized")
    @APIResponse(responseCode = "404", description = "not-found: another customer's id with a customer token")
    @APIResponse(responseCode = "503", description = "catalog-unavailable: the renewal prices cannot be quoted")
    public Page<RenewalQuery.RenewalRow> renewals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("customerId") String customerId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        Page.Window window = Page.window(limit, offset);
        LocalDate start = from == null || from.isBlank()
                ? dev.nce.contracts.TermDates.utcDate(clock.now()) : date("from", from);
        LocalDate end = to == null || to.isBlank() ? start.plusMonths(1) : date("to", to);
        RenewalQuery.Rows<RenewalQuery.RenewalRow> rows = query.renewals(start, end, scope(customerId),
                window.limit(), window.offset());
        return new Page<>(rows.totalCount(), rows.items());
    }

    @GET
    @Path("/deadlines")
    @Operation(summary = "What falls due from now to now + within",
            description = "By dueAt: WINDOW_CLOSING (window end, with refundableQuantity), NOTICE_DEADLINE (00:00Z the"
                    + " day after the D7 deadline), SCHEDULED_CHANGE_LOCK (24 h before the renewal instant), RENEWAL and"
                    + " EST_START (the renewal instant), TRIAL_ENDING (trialEndsAt). within is an ISO-8601 duration,"
                    + " default P7D, at most P366D. A customer token sees only its own rows.")
    @APIResponse(responseCode = "200", description = "{totalCount, items}")
    @APIResponse(responseCode = "400", description = "validation-failed: within malformed, not positive or too long")
    @APIResponse(responseCode = "401", description = "unauthorized")
    @APIResponse(responseCode = "404", description = "not-found: another customer's id with a customer token")
    public Page<Deadlines.Deadline> deadlines(@QueryParam("within") String within,
                                              @QueryParam("customerId") String customerId) {
        Duration span = within == null || within.isBlank() ? Duration.ofDays(7) : duration(within.trim());
        List<Deadlines.Deadline> rows = query.deadlines(span, scope(customerId));
        return new Page<>(rows.size(), rows);
    }

    /** A customer token is limited to its own customer; naming another is 404 (it does not exist for it). */
    private String scope(String customerId) {
        String requested = customerId == null || customerId.isBlank() ? null : customerId.trim();
        if (requested != null) {
            caller.requireAccessTo(requested);
        }
        return RenewalQuery.scope(requested, caller.customerId());
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalidField(field, field + " must be a date YYYY-MM-DD");
        }
    }

    private static Duration duration(String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_WITHIN) > 0) {
                throw RuleViolation.invalidField("within", "within must be a positive duration up to P366D");
            }
            return d;
        } catch (DateTimeException e) {
            throw RuleViolation.invalidField("within", "within must be an ISO-8601 duration such as P7D");
        }
    }
}
