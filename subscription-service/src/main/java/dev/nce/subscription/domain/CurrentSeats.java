package dev.nce.subscription.domain;

import java.math.BigDecimal;

/**
 * One current subscription of the advised offer as it will continue after its next renewal (D26's "current plan"):
 * {@code committed} seats (a renewing P1Y or P3Y term) are paid every month of the year; the seats of a month-to-month
 * subscription (P1M, an extended service term, one that will not renew) follow the demand down and are paid only
 * while needed. {@code monthlyUnitPrice} is the per-seat monthly price that subscription pays after that renewal.
 */
public record CurrentSeats(String subscriptionId, String term, String billing, int quantity,
                           BigDecimal monthlyUnitPrice, boolean committed) {}
