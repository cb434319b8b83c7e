package dev.nce.billing.service;

import dev.nce.billing.domain.LateEvents;
import dev.nce.billing.domain.LedgerChange;
import dev.nce.billing.domain.LedgerPlanner;
import dev.nce.billing.persistence.BillingCustomerEntity;
import dev.nce.billing.persistence.LedgerRepository;
import dev.nce.billing.persistence.RunRepository;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionEvent.CustomerCreated;
import dev.nce.contracts.events.SubscriptionEvent.CustomerUpdated;
import dev.nce.contracts.events.SubscriptionEvent.UnknownSubscriptionEvent;
import dev.nce.contracts.events.SubscriptionEvent.Watermark;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import dev.nce.kit.consumer.WatermarkTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies one record of nce.subscription.events.v1 to the charge ledger, idempotently on eventId, in one transaction:
 * customers are upserted, subscription events planned (domain) and applied, and a Watermark is recorded for its
 * partition (DESIGN.md section 3) so due work can follow.
 */
@ApplicationScoped
public class LedgerService {

    private static final Logger LOG = Logger.getLogger(LedgerService.class);

    @Inject
    ProcessedEvents processed;
    @Inject
    WatermarkTracker watermarks;
    @Inject
    LedgerRepository ledger;
    @Inject
    RunRepository runs;
    @Inject
    BillingMetrics metrics;
    @Inject
    dev.nce.billing.persistence.TaxStore taxStore;
    @Inject
    MicrosoftLinks links;

    /** Answers true when the record was a watermark (the caller refreshes the clock after commit). */
    @Transactional
    public boolean handle(InboundEvent inbound) {
        EventEnvelope envelope = inbound.envelope();
        if (!processed.claim(envelope.eventId(), inbound.topic())) {
            return false;
        }
        SubscriptionEvent event = SubscriptionEvent.decode(envelope);
        if (event instanceof Watermark watermark) {
            watermarks.record(inbound.partition(), watermark.upTo());
            return true;
        }
        if (event instanceof UnknownSubscriptionEvent unknown) {
            LOG.debugf("ignoring unknown event type %s", unknown.type());
            return false;
        }
        links.record(envelope, event); // D25: Microsoft links and tenants for reconciliation
        if (event instanceof CustomerCreated c) {
            upsertCustomer(c.customerId(), c.name(), c.billingCurrency());
            taxStore.saveCustomerDetails(c.customerId(), c.details()); // D23/D24 master data
            return false;
        }
        if (event instanceof CustomerUpdated c) {
            upsertCustomer(c.customerId(), c.name(), c.billingCurrency());
            taxStore.saveCustomerDetails(c.customerId(), c.details());
            return false;
        }
        applyToLedger(envelope, event);
        return false;
    }

    private void applyToLedger(EventEnvelope envelope, SubscriptionEvent event) {
        String customerId = envelope.customerId();
        List<LedgerChange> changes = new LedgerPlanner(ledger).plan(event, envelope.effectiveAt());
        if (changes.isEmpty()) {
            return;
        }
        // run creation takes this lock exclusively: a month is either still open here or its run exists (D18)
        runs.lockRunsShared();
        ledger.ensureCustomer(customerId);
        var firstOpen = runs.latestPeriod().map(p -> p.next());
        if (firstOpen.isPresent()) {
            LateEvents.Outcome outcome = LateEvents.rebook(changes, firstOpen.get(), ledger::segmentsOf);
            changes = outcome.changes();
            if (outcome.late()) {
                metrics.lateEvent();
                LOG.infof("late event %s %s for customer %s: difference booked on %s", envelope.type(),
                        envelope.eventId(), customerId, firstOpen.get());
            }
        }
        for (LedgerChange change : changes) {
            ledger.apply(customerId, change);
        }
    }

    private void upsertCustomer(String customerId, String name, String billingCurrency) {
        BillingCustomerEntity customer = BillingCustomerEntity.findById(customerId);
        if (customer == null) {
            customer = new BillingCustomerEntity();
            customer.customerId = customerId;
            customer.keyPartition = Topics.partitionFor(customerId, Topics.KEYED_PARTITIONS);
            customer.persist();
        }
        customer.name = name;
        // billingCurrency is immutable (API.md); the first one seen stays
        if (customer.billingCurrency == null && billingCurrency != null) {
            customer.billingCurrency = billingCurrency;
        }
    }
}
