package dev.nce.subscription.service;

import java.time.Instant;
import java.util.Map;

/** A customer as the API answers it. */
public record CustomerView(String customerId, String name, String billingCurrency, String contactEmail,
                           Map<String, Integer> externalSeats, Instant createdAt, long version) {}
