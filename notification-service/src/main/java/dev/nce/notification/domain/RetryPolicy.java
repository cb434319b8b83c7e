package dev.nce.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff on the wall clock (DESIGN.md section 3: transport time): after the n-th failed attempt wait
 * {@code initialDelay x 2^(n-1)}, at most {@code maxDelay}; the last attempt is made at {@code firstAttempt + giveUpAfter}
 * (72 h for webhooks, 24 h for e-mail), after which the delivery is FAILED.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {

    public RetryPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("backoff delays must be positive and maxDelay >= initialDelay");
        }
    }

    /** When to try again after {@code failedAttempts} failures, or empty when the delivery has FAILED for good. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant firstAttemptAt, Instant now) {
        Instant giveUpAt = firstAttemptAt.plus(giveUpAfter);
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Duration delay = initialDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Instant next = now.plus(delay);
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }
}
