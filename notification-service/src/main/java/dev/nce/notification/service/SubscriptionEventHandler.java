package dev.nce.notification.service;

import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionEvent.CustomerCreated;
import dev.nce.contracts.events.SubscriptionEvent.CustomerUpdated;
import dev.nce.contracts.events.SubscriptionEvent.EndOfTermActionChanged;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermMonthStarted;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermStarted;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesCleared;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesSet;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDeleted;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDisabled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionExpired;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionReactivated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionRenewed;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionResumed;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionSuspended;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionUpgraded;
import dev.nce.contracts.events.SubscriptionEvent.TermLengthened;
import dev.nce.contracts.events.SubscriptionEvent.TrialConverted;
import dev.nce.contracts.events.SubscriptionEvent.Watermark;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import dev.nce.kit.consumer.WatermarkTracker;
import dev.nce.notification.domain.MessageFacts;
import dev.nce.notification.domain.NotificationKey;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.persistence.CustomerRecords;
import dev.nce.notification.persistence.SubscriptionCopyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies one record of nce.subscription.events.v1 in one transaction (claim, effect, watermark): customers, the
 * subscription copy, its schedule, the event notifications, and due work (DESIGN.md section 3, event time first).
 */
@ApplicationScoped
public class SubscriptionEventHandler {

    private static final Logger LOG = Logger.getLogger(SubscriptionEventHandler.class);

    @Inject
    ProcessedEvents processed;
    @Inject
    WatermarkTracker watermarks;
    @Inject
    CustomerRecords customers;
    @Inject
    SubscriptionCopies copies;
    @Inject
    ScheduleService schedule;
    @Inject
    NotificationProcessor processor;

    /** What the record was, so the consumer knows to refresh the clock after commit. */
    public enum Outcome { WATERMARK, APPLIED, IGNORED }

    @Transactional
    public Outcome handle(InboundEvent in) {
        EventEnvelope envelope = in.envelope();
        if (!processed.claim(envelope.eventId(), in.topic())) {
            return Outcome.IGNORED;
        }
        SubscriptionEvent event;
        try {
            event = SubscriptionEvent.decode(envelope);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping undecodable %s %s at %s/%d@%d: %s", envelope.type(), envelope.eventId(), in.topic(),
                    in.partition(), in.offset(), e.getMessage());
            return Outcome.IGNORED;
        }
        Instant at = envelope.effectiveAt() != null ? envelope.effectiveAt() : envelope.occurredAt();
        if (event instanceof Watermark w) {
            Instant upTo = w.upTo();
            watermarks.record(in.partition(), upTo);
            processor.processDueInPartition(in.partition(), upTo);
            return Outcome.WATERMARK;
        }
        if (event instanceof CustomerCreated c) {
            customers.created(c.customerId(), c.name(), c.contactEmail(), c.billingCurrency(), in.partition(), at);
            customers.billingContacts(c.customerId(), c.details());
            return Outcome.APPLIED;
        }
        if (event instanceof CustomerUpdated c) {
            boolean known = customers.updated(c.customerId(), c.name(), c.contactEmail(), c.billingCurrency(), at);
            customers.billingContacts(c.customerId(), c.details());
            return known ? Outcome.APPLIED : Outcome.IGNORED;
        }
        List<SubscriptionSnapshot> snapshots = snapshotsOf(event);
        if (snapshots.isEmpty()) {
            return Outcome.IGNORED; // UnknownSubscriptionEvent and anything without a subscription
        }
        String customerId = envelope.customerId() != null ? envelope.customerId() : snapshots.get(0).customerId();
        if (!customers.exists(customerId)) {
            return Outcome.IGNORED; // DESIGN.md section 5: no CustomerCreated seen, nothing is sent
        }
        // event time first: what fell due at or before this event is sent with the state before it
        for (SubscriptionSnapshot s : snapshots) {
            processor.processDueForSubscription(s.subscriptionId(), at);
        }
        List<SubscriptionCopyEntity> updated = new ArrayList<>();
        for (SubscriptionSnapshot s : snapshots) {
            updated.add(copies.upsert(s, at));
        }
        applyDetails(event, updated.get(updated.size() - 1), at);
        for (SubscriptionCopyEntity copy : updated) {
            schedule.reconcile(copy, at);
            // catch-up rows (D8: past instant, deadline not passed) and event notifications go out at once
            processor.processDueForSubscription(copy.subscriptionId, at);
        }
        return Outcome.APPLIED;
    }

    /** The after-states an event carries; for upgrades and conversions the source first, then the target. */
    static List<SubscriptionSnapshot> snapshotsOf(SubscriptionEvent event) {
        List<SubscriptionSnapshot> list = new ArrayList<>();
        if (event instanceof SubscriptionUpgraded u) {
            addIfPresent(list, u.source());
            addIfPresent(list, u.target());
        } else if (event instanceof TrialConverted t) {
            addIfPresent(list, t.source());
            if (t.target() != null && (t.source() == null
                    || !t.target().subscriptionId().equals(t.source().subscriptionId()))) {
                list.add(t.target());
            } else if (t.target() != null) {
                list.set(0, t.target()); // converted into itself: the target is the after-state
            }
        } else {
            addIfPresent(list, single(event));
        }
        return list;
    }

    private static void addIfPresent(List<SubscriptionSnapshot> list, SubscriptionSnapshot s) {
        if (s != null && s.subscriptionId() != null) {
            list.add(s);
        }
    }

    private static SubscriptionSnapshot single(SubscriptionEvent e) {
        if (e instanceof SubscriptionCreated x) return x.subscription();
        if (e instanceof QuantityChanged x) return x.subscription();
        if (e instanceof SubscriptionSuspended x) return x.subscription();
        if (e instanceof SubscriptionResumed x) return x.subscription();
        if (e instanceof EndOfTermActionChanged x) return x.subscription();
        if (e instanceof ScheduledChangesSet x) return x.subscription();
        if (e instanceof ScheduledChangesCleared x) return x.subscription();
        if (e instanceof SubscriptionRenewed x) return x.subscription();
        if (e instanceof TermLengthened x) return x.subscription();
        if (e instanceof SubscriptionCancelled x) return x.subscription();
        if (e instanceof SubscriptionExpired x) return x.subscription();
        if (e instanceof SubscriptionDisabled x) return x.subscription();
        if (e instanceof SubscriptionDeleted x) return x.subscription();
        if (e instanceof ExtendedTermStarted x) return x.subscription();
        if (e instanceof ExtendedTermMonthStarted x) return x.subscription();
        if (e instanceof SubscriptionReactivated x) return x.subscription();
        return null;
    }

    /** Batches, seats, the EST quote and the event notifications (EXPIRED, DISABLED, EST_STARTED). */
    private void applyDetails(SubscriptionEvent event, SubscriptionCopyEntity copy, Instant at) {
        String id = copy.subscriptionId;
        if (event instanceof SubscriptionCreated x) {
            copies.addBatch(id, x.batch());
        } else if (event instanceof QuantityChanged x) {
            if (x.batchesAdded() != null) {
                x.batchesAdded().forEach(b -> copies.addBatch(id, b, at));
            }
            copies.removeSeats(id, x.batchesReduced());
        } else if (event instanceof SubscriptionCancelled x) {
            copies.removeSeats(id, x.batchesRemoved());
        } else if (event instanceof SubscriptionRenewed x) {
            copies.addBatch(id, x.batch());
        } else if (event instanceof TermLengthened x) {
            copies.addBatch(id, x.batch());
        } else if (event instanceof SubscriptionReactivated x) {
            copies.addBatch(id, x.batch());
        } else if (event instanceof TrialConverted x) {
            copies.addBatch(id, x.batch());
        } else if (event instanceof SubscriptionUpgraded x) {
            if (x.targetBatches() != null) {
                x.targetBatches().forEach(b -> copies.addBatch(id, b));
            }
            if (x.source() != null && !id.equals(x.source().subscriptionId())) {
                // D8: moved seats leave the source's batches; a batch left empty gets no WINDOW_CLOSING
                copies.removeSeats(x.source().subscriptionId(), x.sourceBatchesReduced());
            }
        } else if (event instanceof EndOfTermActionChanged x) {
            copies.quoteEstPrice(copy, x.estUnitPrice(), x.estCurrency());
        } else if (event instanceof SubscriptionExpired x) {
            stateChange(NotificationKind.EXPIRED, copy, x.endedTerm(), at, null, null, null);
        } else if (event instanceof SubscriptionDisabled x) {
            stateChange(NotificationKind.DISABLED, copy, x.endedTerm(), at, null, null, null);
        } else if (event instanceof ExtendedTermStarted x) {
            stateChange(NotificationKind.EST_STARTED, copy, x.endedTerm(), at, x.monthStart(), x.monthEnd(), x.unitPrice());
        }
    }

    private void stateChange(NotificationKind kind, SubscriptionCopyEntity copy, TermPeriod endedTerm, Instant at,
                             LocalDate monthStart, LocalDate monthEnd, BigDecimal price) {
        LocalDate termStart = endedTerm != null && endedTerm.startDate() != null ? endedTerm.startDate() : copy.startDate;
        LocalDate termEnd = endedTerm != null && endedTerm.endDate() != null ? endedTerm.endDate() : copy.endDate;
        if (termStart == null) {
            return;
        }
        MessageFacts.StateChange facts = new MessageFacts.StateChange(at, termStart, termEnd, monthStart, monthEnd, price);
        schedule.createForEvent(NotificationKey.forTerm(kind, copy.subscriptionId, termStart), copy.customerId, at,
                EventJson.write(facts));
    }
}
