package dev.nce.subscription.service;

import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.subscription.domain.TermSchedule;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import java.time.LocalDate;
import java.util.List;

/** After-state snapshots with every computed date (DESIGN.md section 1: consumers never recompute them). */
public final class Snapshots {

    private Snapshots() {}

    public static SubscriptionSnapshot of(SubscriptionEntity s) {
        TermSchedule schedule = s.schedule();
        List<LocalDate> yearStarts = s.inExtendedServiceTerm ? List.of()
                : TermSchedule.starting(s.startDate, s.term).termYearStarts(s.billing);
        return new SubscriptionSnapshot(s.id, s.customerId, s.offerId, s.offerName, s.capGroup, s.term, s.billing,
                s.quantity, s.status, s.autoRenew, s.endOfTermAction, s.inExtendedServiceTerm, s.unitPrice, s.currency,
                s.listUnitPrice, s.promotionId, s.discountUntil, s.promotionMaxSeats, s.termStartAt, s.startDate, s.endDate,
                s.chargePeriodEndDate, s.originalStartDate, schedule.renewalDate(), noticeDeadline(s), yearStarts,
                s.trial, s.trialEndsAt, s.parentSubscriptionId, s.version, s.microsoftSubscriptionId);
    }

    /** D7: renewalDate - 30 d (P1Y, P3Y) or - 7 d (P1M) while a renewal lies ahead; null for trials, EST and ended terms. */
    public static LocalDate noticeDeadline(SubscriptionEntity s) {
        if (s.trial || s.inExtendedServiceTerm
                || (s.status != SubscriptionStatus.ACTIVE && s.status != SubscriptionStatus.SUSPENDED)) {
            return null;
        }
        return TermSchedule.startingUntil(s.startDate, s.term, s.endDate).noticeDeadline();
    }

    public static SeatBatchInfo batch(SeatBatchEntity b) {
        return new SeatBatchInfo(b.id, b.sequence, b.originalQuantity, b.openedAt, b.windowEnd);
    }

    public static TermPeriod term(SubscriptionEntity s) {
        return new TermPeriod(s.startDate, s.endDate);
    }
}
