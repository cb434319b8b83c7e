package dev.nce.subscription.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * POST /v1/customers/{customerId}/commitment-advice: {@code {offerId, demand: [{month, seats}]}} (12 months,
 * {@code YYYY-MM} consecutive, or 1..12) or {@code {offerId, history: true}} (API.md, D26).
 */
public record CommitmentAdviceRequest(@NotBlank String offerId, List<@NotNull @Valid DemandMonth> demand,
                                      Boolean history) {

    public record DemandMonth(@NotNull String month, @NotNull @Min(0) @Max(1_000_000) Integer seats) {}
}
