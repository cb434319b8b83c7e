package dev.nce.billing.domain.recon;

import java.math.BigDecimal;

/**
 * What the platform knows of a linked subscription for one Microsoft charge period: the partner's cost of one seat
 * for one charge of that plan in the pricing currency ({@code costPerCharge}, from termCostPrice, D22; null when the
 * catalog has no cost price), the seats the platform billed for the period (null when it billed none) and the sell
 * amount of the platform's invoice lines for those days (billing currency, before tax).
 */
public record OurSide(String subscriptionId, String customerId, BigDecimal costPerCharge, Integer quantity,
                      BigDecimal sellAmount) {}
