package dev.nce.billing.service;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.Charge;
import dev.nce.billing.domain.InvoiceBuilder;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.persistence.BillingCustomerEntity;
import dev.nce.billing.persistence.CatalogRepository;
import dev.nce.billing.persistence.LedgerRepository;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** What the run would issue for a customer and period, from the same builder the workers use (API.md preview). */
@ApplicationScoped
public class PreviewService {

    @Inject
    LedgerRepository ledger;
    @Inject
    CatalogRepository catalog;
    @Inject
    BillingSettings settings;

    @Transactional
    public InvoiceDraft preview(String customerId, BillingPeriod period) {
        BillingCustomerEntity customer = BillingCustomerEntity.findById(customerId);
        if (customer == null) {
            throw RuleViolation.notFound("customer " + customerId);
        }
        List<Charge> charges = ledger.chargesFor(customerId, period);
        String currency = InvoiceBuilder.billingCurrency(customer.billingCurrency, charges);
        InvoiceBuilder.Result result = new InvoiceBuilder(settings.rounding())
                .build(customerId, period, currency, charges, catalog.fxTable());
        if (result instanceof InvoiceBuilder.MissingFxRate missing) {
            throw new RuleViolation(ErrorCode.INVALID_STATE, "D13", "no FX rate for " + missing.currency()
                    + " is in force on " + missing.on() + ": the run would issue no invoice for " + period);
        }
        return ((InvoiceBuilder.Built) result).draft();
    }
}
