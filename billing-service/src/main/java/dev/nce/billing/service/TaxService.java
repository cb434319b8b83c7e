package dev.nce.billing.service;

import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.tax.InvoiceParty;
import dev.nce.billing.domain.tax.InvoiceTaxing;
import dev.nce.billing.domain.tax.SellerProfile;
import dev.nce.billing.domain.tax.TaxCustomer;
import dev.nce.billing.domain.tax.TaxDetermination;
import dev.nce.billing.domain.tax.TaxLine;
import dev.nce.billing.domain.tax.TaxRate;
import dev.nce.billing.domain.tax.TaxRounding;
import dev.nce.billing.domain.tax.TaxTreatment;
import dev.nce.billing.domain.tax.TaxedInvoice;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.persistence.TaxStore;
import dev.nce.billing.persistence.TaxStore.InvoiceTaxRow;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Money;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * D23/D24 for the invoice run and the preview: reads the seller profile, the rates and the customers' master data
 * once per task and applies {@link InvoiceTaxing} (the same code for both).
 */
@ApplicationScoped
public class TaxService {

    /** What a task (or a preview) reads once. */
    public record TaxInputs(Optional<SellerProfile> seller, List<TaxRate> rates, Map<String, TaxCustomer> customers) {

        public TaxCustomer customer(String customerId) {
            return customers.getOrDefault(customerId, TaxCustomer.unknown(null));
        }
    }

    @Inject
    TaxStore store;
    @Inject
    PlatformClock clock;

    private final InvoiceTaxing taxing;

    public TaxService(@ConfigProperty(name = "billing.tax.rounding", defaultValue = "PER_INVOICE") String rounding) {
        this.taxing = new InvoiceTaxing(TaxRounding.parse(rounding));
    }

    public TaxInputs inputs(List<String> customerIds) {
        return new TaxInputs(store.seller(), store.rates(), store.customers(customerIds));
    }

    /** The run: the invoice as issued on {@code issueDate}, or the missing rate (the customer waits, like D13). */
    public InvoiceTaxing.Result apply(TaxInputs inputs, InvoiceDraft draft, LocalDate issueDate) {
        return taxing.apply(draft, issueDate, inputs.seller(), inputs.customer(draft.customerId()), inputs.rates(),
                credit -> store.reversedChargeTax(draft.customerId(), draft.period(), credit));
    }

    /**
     * The preview: taxed as if issued on the run's date (the 1st of the next month, D12) or today when that is past;
     * a rate that would be missing is 409 invalid-state (nothing is guessed).
     */
    @jakarta.transaction.Transactional
    public TaxedInvoice preview(InvoiceDraft draft) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        LocalDate runDate = draft.period().next().firstDay();
        LocalDate issueDate = today.isAfter(runDate) ? today : runDate;
        InvoiceTaxing.Result result = apply(inputs(List.of(draft.customerId())), draft, issueDate);
        if (result instanceof InvoiceTaxing.MissingRate missing) {
            throw new RuleViolation(ErrorCode.INVALID_STATE, "D23", "no tax rate for " + missing.missing().country()
                    + " is in force on " + missing.missing().on() + ": the run would issue no invoice for "
                    + draft.period());
        }
        return ((InvoiceTaxing.Taxed) result).invoice();
    }

    /** The tax facts of an issued invoice; one issued before tax existed is out of scope with tax 0.00. */
    public InvoiceTaxRow issued(InvoiceEntity invoice, String customerName) {
        return store.invoiceTax(invoice.invoiceId).orElseGet(() -> {
            BigDecimal zero = BigDecimal.ZERO.setScale(Money.minorUnits(invoice.currency));
            TaxLine line = new TaxLine(TaxDetermination.OUT_OF_SCOPE_CODE, null, TaxTreatment.OUT_OF_SCOPE,
                    BigDecimal.ZERO, invoice.subtotal, zero);
            return new InvoiceTaxRow(invoice.issueDate.plusDays(TaxCustomer.DEFAULT_PAYMENT_TERMS_DAYS),
                    InvoiceTaxing.TITLE, null, new InvoiceParty(null, customerName, null, null), List.of(line), zero,
                    List.of(), java.util.Collections.nCopies(invoice.lineCount, TaxDetermination.OUT_OF_SCOPE_CODE),
                    null, null);
        });
    }

}
