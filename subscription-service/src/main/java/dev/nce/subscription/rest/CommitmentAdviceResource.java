package dev.nce.subscription.rest;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import dev.nce.subscription.domain.SeatDemand;
import dev.nce.subscription.service.CommitmentAdviceService;
import dev.nce.subscription.service.CommitmentAdviceView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** D26 commitment advice (API.md "Commitment advice and what-if"): prices a year of seats four ways; changes nothing. */
@Path("/v1/customers/{customerId}/commitment-advice")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class CommitmentAdviceResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Caller caller;
    @Inject
    CommitmentAdviceService advice;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Commitment advice for one offer (D26)",
            description = "Prices 12 months of seat demand (given, or the customer's last 12 months of that offer from "
                    + "its subscription history) as all P1M, P1Y/ANNUAL and P1Y/MONTHLY at the peak, D26's optimal "
                    + "annual base with a P1M top-up (ties to the fewest annual seats) on either annual plan, and P1Y "
                    + "grown mid-term; with the catalog prices in force at the next renewal (pricesUsed), the "
                    + "break-even months, the saving against the current subscriptions and the recommendation. "
                    + "Changes nothing. A customer token sees only its own customer.")
    @APIResponse(responseCode = "200", description = "the advice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommitmentAdviceView.class)))
    @APIResponse(responseCode = "400", description = "validation-failed: missing offerId, neither or both of demand and "
            + "history, not 12 months, a month not YYYY-MM consecutive (or 1..12), seats < 0",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "not-found: the customer (or another customer's, for a customer "
            + "token) or the offer", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "plan-not-available: the offer sells none of P1Y/ANNUAL, "
            + "P1Y/MONTHLY, P1M/MONTHLY", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "catalog-unavailable: no price quote could be had",
            content = @Content(mediaType = PROBLEM))
    public Response advise(@PathParam("customerId") String customerId,
                           @Valid @NotNull CommitmentAdviceRequest request) {
        CustomerResource.requireWellFormed(customerId);
        caller.requireAccessTo(customerId);
        boolean history = Boolean.TRUE.equals(request.history());
        if (history && request.demand() != null) {
            throw RuleViolation.invalidField("history", "give either demand or history: true, not both");
        }
        if (!history && request.demand() == null) {
            throw RuleViolation.invalidField("demand", "give 12 months of demand, or history: true");
        }
        List<CommitmentAdviceView.MonthSeats> demand = history ? null : demand(request.demand());
        return Response.ok(advice.advise(customerId, request.offerId().trim(), demand, Access.of(caller))).build();
    }

    /** 12 months, either 1..12 each once or 12 consecutive YYYY-MM periods; answered in month order. */
    static List<CommitmentAdviceView.MonthSeats> demand(List<CommitmentAdviceRequest.DemandMonth> months) {
        if (months.size() != SeatDemand.MONTHS) {
            throw RuleViolation.invalidField("demand", "exactly " + SeatDemand.MONTHS + " months are needed, got "
                    + months.size());
        }
        boolean numbered = months.get(0).month().trim().matches("\\d{1,2}");
        List<CommitmentAdviceView.MonthSeats> parsed = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            String label = months.get(i).month().trim();
            int key;
            if (numbered) {
                key = label.matches("\\d{1,2}") ? Integer.parseInt(label) : -1;
                if (key < 1 || key > 12) {
                    throw RuleViolation.invalidField("demand[" + i + "].month", "a month number is 1..12: " + label);
                }
            } else {
                try {
                    YearMonth ym = YearMonth.parse(label);
                    key = ym.getYear() * 12 + ym.getMonthValue() - 1;
                } catch (DateTimeParseException e) {
                    throw RuleViolation.invalidField("demand[" + i + "].month", "a month is YYYY-MM (or 1..12): " + label);
                }
            }
            if (order.contains(key)) {
                throw RuleViolation.invalidField("demand[" + i + "].month", "month " + label + " appears twice");
            }
            order.add(key);
            parsed.add(new CommitmentAdviceView.MonthSeats(label, months.get(i).seats()));
        }
        List<Integer> sorted = order.stream().sorted().toList();
        if (sorted.get(sorted.size() - 1) - sorted.get(0) != SeatDemand.MONTHS - 1) {
            throw RuleViolation.invalidField("demand", "the 12 months must be consecutive");
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            indexes.add(i);
        }
        indexes.sort(Comparator.comparing(order::get));
        return indexes.stream().map(parsed::get).toList();
    }
}
