package dev.nce.billing.service;

import dev.nce.billing.domain.RoundingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Billing configuration: D1 rounding ({@code billing.rounding}) and the invoice task size (DESIGN.md section 4). */
@ApplicationScoped
public class BillingSettings {

    private final RoundingPolicy rounding;
    private final int taskSize;

    public BillingSettings(@ConfigProperty(name = "billing.rounding", defaultValue = "UP") String rounding,
                           @ConfigProperty(name = "billing.task-size", defaultValue = "500") int taskSize) {
        this.rounding = RoundingPolicy.parse(rounding);
        if (taskSize < 1) {
            throw new IllegalArgumentException("billing.task-size must be at least 1");
        }
        this.taskSize = taskSize;
    }

    public RoundingPolicy rounding() { return rounding; }

    public int taskSize() { return taskSize; }
}
