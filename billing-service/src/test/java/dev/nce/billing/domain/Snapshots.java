package dev.nce.billing.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test builder of subscription after-states (the producer computes these dates; tests use D3). */
final class Snapshots {

    String subscriptionId = "sub-1";
    String customerId = "cust-1";
    String offerId = "CFQ7TTC0LF8Q:0001";
    String offerName = "Microsoft 365 E3";
    Term term = Term.P1M;
    BillingFrequency billing = BillingFrequency.MONTHLY;
    int quantity = 1;
    SubscriptionStatus status = SubscriptionStatus.ACTIVE;
    boolean est;
    BigDecimal unitPrice = new BigDecimal("10.00");
    String currency = "USD";
    LocalDate startDate = LocalDate.of(2022, 3, 1);
    LocalDate endDate;
    LocalDate chargePeriodEndDate;
    List<LocalDate> termYearStarts = List.of();
    boolean trial;
    BigDecimal listUnitPrice;
    String promotionId;
    LocalDate discountUntil;
    Integer promotionMaxSeats;

    static Snapshots of(Term term, BillingFrequency billing) {
        Snapshots s = new Snapshots();
        s.term = term;
        s.billing = billing;
        return s;
    }

    Snapshots id(String id) { subscriptionId = id; return this; }
    Snapshots offer(String id, String name) { offerId = id; offerName = name; return this; }
    Snapshots quantity(int q) { quantity = q; return this; }
    Snapshots price(String p) { unitPrice = new BigDecimal(p); return this; }
    Snapshots currency(String c) { currency = c; return this; }
    Snapshots start(String d) { startDate = LocalDate.parse(d); return this; }
    Snapshots end(String d) { endDate = LocalDate.parse(d); return this; }
    Snapshots chargePeriodEnd(String d) { chargePeriodEndDate = LocalDate.parse(d); return this; }
    Snapshots status(SubscriptionStatus s) { status = s; return this; }
    Snapshots trial() { trial = true; return this; }
    /** R-K: price is the discounted price, {@code list} the regular one; until and max may be null. */
    Snapshots promotion(String id, String list, String until, Integer max) {
        promotionId = id;
        listUnitPrice = new BigDecimal(list);
        discountUntil = until == null ? null : LocalDate.parse(until);
        promotionMaxSeats = max;
        return this;
    }
    Snapshots est() { est = true; return this; }
    Snapshots yearStarts(String... d) { termYearStarts = java.util.Arrays.stream(d).map(LocalDate::parse).toList(); return this; }

    SubscriptionSnapshot build() {
        LocalDate end = endDate != null ? endDate : TermDates.endDate(startDate, term);
        LocalDate chargeEnd = chargePeriodEndDate != null ? chargePeriodEndDate : TermDates.endDate(startDate, term);
        return new SubscriptionSnapshot(subscriptionId, customerId, offerId, offerName, null, term, billing, quantity,
                status, true, EndOfTermAction.RENEW, est, unitPrice, currency, listUnitPrice, promotionId, discountUntil,
                promotionMaxSeats,
                TermDates.startOfDay(startDate), startDate, end, chargeEnd, startDate, end.plusDays(1),
                end.plusDays(1).minusDays(30), termYearStarts, trial, null, null, 1L);
    }

    static SeatBatchInfo batch(String id, int quantity, String openedAt) {
        Instant at = Instant.parse(openedAt);
        return new SeatBatchInfo(id, 1, quantity, at, at.plusSeconds(168 * 3600));
    }

    static Instant at(String date) { return TermDates.startOfDay(LocalDate.parse(date)); }
}
