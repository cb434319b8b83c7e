package dev.nce.billing.service;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.LineCost;
import dev.nce.billing.domain.TermPrice;
import dev.nce.billing.persistence.CatalogRepository;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.persistence.InvoiceStore;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Margin per customer and offer of a period's issued invoices (D25: our invoice amount before tax minus the cost):
 * each line's cost comes from the cost price (termCostPrice, D22) of the plan in force at the line's start, by the
 * line's own formula ({@link LineCost}). Lines whose plan has no cost price are counted, not guessed.
 */
@ApplicationScoped
public class MarginService {

    public record Row(String customerId, String offerId, String currency, BigDecimal sellAmount, BigDecimal costAmount,
                      BigDecimal margin, BigDecimal marginPercent, int lines, int linesWithoutCost) {}

    @Inject
    InvoiceStore invoices;
    @Inject
    CatalogRepository catalog;
    @Inject
    BillingSettings settings;
    @Inject
    EntityManager em;

    @Transactional
    public List<Row> margins(BillingPeriod period) {
        List<InvoiceEntity> issued = InvoiceEntity.<InvoiceEntity>find(
                "period = ?1 and invoiceNumber is not null order by customerId, invoiceNumber", period.toString()).list();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (InvoiceEntity invoice : issued) {
            for (InvoiceLine line : invoices.lines(invoice.invoiceId)) {
                String key = invoice.customerId + "|" + line.offerId() + "|" + invoice.currency;
                keys.putIfAbsent(key, new String[] {invoice.customerId, line.offerId(), invoice.currency});
                BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                sum[0] = sum[0].add(line.amount());
                count[0]++;
                Optional<TermPrice> price = costPrice(line);
                if (price.isPresent()) {
                    sum[1] = sum[1].add(LineCost.of(line, price.get(), invoice.currency, settings.rounding()));
                } else {
                    count[1]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : keys.entrySet()) {
            BigDecimal[] sum = sums.get(entry.getKey());
            int[] count = counts.get(entry.getKey());
            BigDecimal margin = sum[0].subtract(sum[1]);
            rows.add(new Row(entry.getValue()[0], entry.getValue()[1], entry.getValue()[2], sum[0], sum[1], margin,
                    sum[0].signum() == 0 ? null
                            : margin.multiply(BigDecimal.valueOf(100)).divide(sum[0], 2, RoundingMode.HALF_UP),
                    count[0], count[1]));
        }
        return rows;
    }

    /** The cost price of the line's plan (its subscription's term and billing) in force at the line's start. */
    private Optional<TermPrice> costPrice(InvoiceLine line) {
        @SuppressWarnings("unchecked")
        List<Object[]> plan = em.createNativeQuery("SELECT term, billing FROM subscription_link WHERE subscription_id = ?1")
                .setParameter(1, line.subscriptionId()).getResultList();
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        return catalog.termPrice(line.offerId(), line.pricingCurrency(), Term.valueOf((String) plan.get(0)[0]),
                        BillingFrequency.valueOf((String) plan.get(0)[1]), line.chargeStartDate())
                .filter(t -> t.termCostPrice() != null);
    }
}
