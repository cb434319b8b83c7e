package dev.nce.billing.domain.tax;

import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.tax.TaxDetermination.AppliedTax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an invoice draft into the document a finance team can send (D23 tax, D24 due date and snapshots): the one
 * code path of the invoice run and the preview. The draft's lines and subtotal are unchanged (D1); the total becomes
 * subtotal + tax.
 */
public final class InvoiceTaxing {

    public static final String TITLE = "Invoice";
    /** D23: an Australian seller's invoice. */
    public static final String AU_TITLE = "Tax invoice";
    public static final String REVERSE_CHARGE_LEGEND = "Reverse charge";
    /** D23: the buyer's ABN is shown from this total (AUD) on. */
    public static final BigDecimal AU_BUYER_ABN_THRESHOLD = new BigDecimal("1000");

    public sealed interface Result permits Taxed, MissingRate {}

    public record Taxed(TaxedInvoice invoice) implements Result {}

    public record MissingRate(TaxDetermination.MissingRate missing) implements Result {}

    private final TaxRounding rounding;

    public InvoiceTaxing(TaxRounding rounding) {
        this.rounding = rounding;
    }

    /**
     * @param reversedChargeTax for a credit line, the tax its reversed charge was issued with (empty when unknown:
     *                          the credit then carries the invoice's tax)
     */
    public Result apply(InvoiceDraft draft, LocalDate issueDate, Optional<SellerProfile> seller, TaxCustomer customer,
                        List<TaxRate> rates, Function<InvoiceLine, Optional<AppliedTax>> reversedChargeTax) {
        TaxDetermination.Result determined = TaxDetermination.determine(seller, customer, rates, issueDate);
        if (determined instanceof TaxDetermination.MissingRate missing) {
            return new MissingRate(missing);
        }
        AppliedTax invoiceTax = ((TaxDetermination.Determined) determined).tax();
        List<TaxCalculation.TaxableLine> taxable = new ArrayList<>();
        for (InvoiceLine line : draft.lines()) {
            taxable.add(new TaxCalculation.TaxableLine(line.amount(),
                    line.amount().signum() < 0 ? reversedChargeTax.apply(line) : Optional.empty()));
        }
        TaxCalculation.Outcome outcome = TaxCalculation.compute(taxable, invoiceTax, draft.currency(), rounding);
        BigDecimal total = draft.subtotal().add(outcome.taxTotal());
        InvoiceDraft taxedDraft = new InvoiceDraft(draft.customerId(), draft.period(), draft.currency(), draft.lines(),
                draft.subtotal(), total);
        boolean australianSeller = seller.isPresent() && "AU".equalsIgnoreCase(seller.get().country());
        String customerCountry = customer.country();
        String customerRegion = customer.address() == null ? null : customer.address().region();
        InvoiceParty sellerBlock = seller.map(s -> new InvoiceParty(s.legalName(), s.legalName(), s.address(),
                s.taxIdFor(customerCountry, customerRegion))).orElse(null);
        InvoiceParty customerBlock = new InvoiceParty(customer.legalName(), customer.name(), customer.address(),
                customerTaxId(customer, invoiceTax, australianSeller, total, draft.currency()));
        return new Taxed(new TaxedInvoice(taxedDraft, issueDate.plusDays(customer.paymentTerms()),
                australianSeller ? AU_TITLE : TITLE, sellerBlock, customerBlock, outcome.taxLines(),
                outcome.taxTotal(), legalNotes(invoiceTax, seller, customer), outcome.lineTaxCodes(),
                seller.map(SellerProfile::invoiceFooter).orElse(null),
                seller.map(SellerProfile::paymentInstructions).orElse(null)));
    }

    /** D23: both VAT ids on a reverse charge; an AU seller shows the buyer's ABN from A$1,000; else the id on file. */
    static String customerTaxId(TaxCustomer customer, AppliedTax tax, boolean australianSeller, BigDecimal total,
                                String currency) {
        if (tax.treatment() == TaxTreatment.REVERSE_CHARGE) {
            return customer.taxIdOfType("EU_VAT").orElse(customer.printedTaxId());
        }
        if (australianSeller && customer.taxIdOfType("AU_ABN").isPresent()) {
            boolean shown = !"AUD".equals(currency) || total.compareTo(AU_BUYER_ABN_THRESHOLD) >= 0;
            return shown ? customer.taxIdOfType("AU_ABN").get() : null;
        }
        return customer.printedTaxId();
    }

    static List<String> legalNotes(AppliedTax tax, Optional<SellerProfile> seller, TaxCustomer customer) {
        return switch (tax.treatment()) {
            case REVERSE_CHARGE -> List.of(REVERSE_CHARGE_LEGEND,
                    "VAT to be accounted for by the recipient (Council Directive 2006/112/EC, Article 196).");
            case EXEMPT -> List.of("Exempt: the customer is exempt from tax.");
            case OUT_OF_SCOPE -> seller.isPresent() && customer.country() != null
                    ? List.of("Out of scope: the seller is not registered for tax in " + customer.country() + ".")
                    : List.of();
            case STANDARD -> List.of();
        };
    }
}
