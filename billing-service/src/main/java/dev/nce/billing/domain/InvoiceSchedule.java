package dev.nce.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * D12 cadence and D19 issue dates. The run for month M is due on the 1st of M+1 at 01:00 UTC, retries for customers
 * not yet invoiced on the 2nd and 3rd at 01:00, and the alert for any still missing on the 4th at 01:00. An invoice's
 * issue date is the date of the scheduled instant that issued it, also when the clock jumped past it; a manual run
 * after the 3rd issues with the platform date of the request.
 */
public final class InvoiceSchedule {

    public static final LocalTime RUN_TIME = LocalTime.of(1, 0);

    private InvoiceSchedule() {}

    public enum Kind { RUN, RETRY, ALERT }

    /** One due instant of a period's schedule. */
    public record DueItem(BillingPeriod period, Kind kind, int attempt, Instant at) {
        /** D19: the issue date of invoices issued by this item. */
        public LocalDate issueDate() { return at.atZone(ZoneOffset.UTC).toLocalDate(); }
    }

    public static Instant runInstant(BillingPeriod period) { return onDay(period, 1); }

    public static Instant alertInstant(BillingPeriod period) { return onDay(period, 4); }

    /** The period's schedule: run (attempt 1), retries (attempts 2 and 3), alert. */
    public static List<DueItem> itemsOf(BillingPeriod period) {
        return List.of(new DueItem(period, Kind.RUN, 1, onDay(period, 1)),
                new DueItem(period, Kind.RETRY, 2, onDay(period, 2)),
                new DueItem(period, Kind.RETRY, 3, onDay(period, 3)),
                new DueItem(period, Kind.ALERT, 0, onDay(period, 4)));
    }

    /** Everything due in (after, upTo], in chronological order (catch-up work, DESIGN.md section 3). */
    public static List<DueItem> dueBetween(Instant after, Instant upTo) {
        List<DueItem> due = new ArrayList<>();
        if (!upTo.isAfter(after)) {
            return due;
        }
        BillingPeriod period = BillingPeriod.containing(after.atZone(ZoneOffset.UTC).toLocalDate()).previous();
        BillingPeriod last = BillingPeriod.containing(upTo.atZone(ZoneOffset.UTC).toLocalDate());
        while (!period.isAfter(last)) {
            for (DueItem item : itemsOf(period)) {
                if (item.at().isAfter(after) && !item.at().isAfter(upTo)) {
                    due.add(item);
                }
            }
            period = period.next();
        }
        due.sort(Comparator.comparing(DueItem::at));
        return due;
    }

    /**
     * D19 for a run started or re-attempted by request at {@code now}: up to the 3rd it issues as the scheduled instant
     * that would have (the latest one at or before now, the 1st if none); after the 3rd with the platform date.
     */
    public static LocalDate manualIssueDate(BillingPeriod period, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate fourth = period.next().firstDay().plusDays(3);
        if (!today.isBefore(fourth)) {
            return today;
        }
        LocalDate issue = period.next().firstDay();
        for (DueItem item : itemsOf(period)) {
            if (item.kind() != Kind.ALERT && !item.at().isAfter(now)) {
                issue = item.issueDate();
            }
        }
        return issue;
    }

    /** DESIGN.md section 3: a month is invoiceable once the watermark has reached its end (every event of it seen). */
    public static boolean isClosed(BillingPeriod period, Instant watermark) {
        return watermark != null && !watermark.isBefore(period.endInstant());
    }

    private static Instant onDay(BillingPeriod period, int day) {
        return period.next().firstDay().plusDays(day - 1L).atTime(RUN_TIME).toInstant(ZoneOffset.UTC);
    }
}
