package dev.nce.notification.service;

import dev.nce.notification.domain.ReminderPolicy;
import dev.nce.notification.domain.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the named D8 constants and the wall-clock delivery retries (DESIGN.md section 3). */
@ApplicationScoped
public class NotificationSettings {

    @ConfigProperty(name = "nce.reminders.send-time", defaultValue = "09:00")
    String sendTime;
    @ConfigProperty(name = "nce.reminders.upcoming-lead-days", defaultValue = "7")
    int upcomingLeadDays;
    @ConfigProperty(name = "nce.reminders.upcoming-lead-days-monthly", defaultValue = "3")
    int upcomingLeadDaysMonthly;
    @ConfigProperty(name = "nce.reminders.window-alert-lead", defaultValue = "PT24H")
    Duration windowAlertLead;

    @ConfigProperty(name = "nce.email.retry.initial-delay", defaultValue = "PT30S")
    Duration emailInitialDelay;
    @ConfigProperty(name = "nce.email.retry.max-delay", defaultValue = "PT1H")
    Duration emailMaxDelay;
    @ConfigProperty(name = "nce.email.retry.give-up-after", defaultValue = "PT24H")
    Duration emailGiveUpAfter;

    @ConfigProperty(name = "nce.webhook.retry.initial-delay", defaultValue = "PT30S")
    Duration webhookInitialDelay;
    @ConfigProperty(name = "nce.webhook.retry.max-delay", defaultValue = "PT1H")
    Duration webhookMaxDelay;
    @ConfigProperty(name = "nce.webhook.retry.give-up-after", defaultValue = "PT72H")
    Duration webhookGiveUpAfter;

    @ConfigProperty(name = "nce.webhook.timeout", defaultValue = "PT10S")
    Duration webhookTimeout;
    @ConfigProperty(name = "nce.email.timeout", defaultValue = "PT30S")
    Duration emailTimeout;
    @ConfigProperty(name = "nce.delivery.max-in-flight", defaultValue = "64")
    int maxInFlight;
    /** A claimed delivery is not claimed again for this long (longer than any send timeout). */
    @ConfigProperty(name = "nce.delivery.lease", defaultValue = "PT2M")
    Duration lease;

    public ReminderPolicy reminderPolicy() {
        return new ReminderPolicy(LocalTime.parse(sendTime), upcomingLeadDays, upcomingLeadDaysMonthly, windowAlertLead);
    }

    public RetryPolicy emailRetry() {
        return new RetryPolicy(emailInitialDelay, emailMaxDelay, emailGiveUpAfter);
    }

    public RetryPolicy webhookRetry() {
        return new RetryPolicy(webhookInitialDelay, webhookMaxDelay, webhookGiveUpAfter);
    }

    public Duration webhookTimeout() { return webhookTimeout; }

    public Duration emailTimeout() { return emailTimeout; }

    public int maxInFlight() { return maxInFlight; }

    public Duration lease() { return lease; }
}
