package dev.nce.catalog.service;

import dev.nce.catalog.domain.PriceQuery;
import dev.nce.catalog.domain.PriceResolver;
import dev.nce.catalog.domain.ResolvedPrice;
import dev.nce.catalog.persistence.UpliftTierRepository;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.UpliftTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Price quotes: one offer, or many in one read (renewals due at one instant), through the one domain resolver. */
@ApplicationScoped
public class PriceService {

    /** A resolved price with the offer it was resolved for (the answer carries the offer's attributes). */
    public record Quote(OfferData offer, PriceQuery query, ResolvedPrice price) {}

    @Inject
    OfferService offers;
    @Inject
    UpliftTierRepository tiers;

    private final PriceResolver resolver;

    @Inject
    public PriceService(@ConfigProperty(name = "catalog.price-rounding", defaultValue = "HALF_UP") RoundingMode rounding) {
        this.resolver = new PriceResolver(rounding);
    }

    @Transactional
    public Quote quote(String offerId, PriceQuery query) {
        OfferData offer = offers.data(offerId);
        return new Quote(offer, query, resolver.resolve(offer, tiers.all(), query));
    }

    /** Every item priced against one read of tiers and each offer; the first refusal names its item. */
    @Transactional
    public List<Quote> quoteAll(List<Entry<String, PriceQuery>> items) {
        List<UpliftTier> allTiers = tiers.all();
        Map<String, OfferData> seen = new HashMap<>();
        List<Quote> quotes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Entry<String, PriceQuery> item = items.get(i);
            try {
                OfferData offer = seen.computeIfAbsent(item.getKey(), offers::data);
                quotes.add(new Quote(offer, item.getValue(), resolver.resolve(offer, allTiers, item.getValue())));
            } catch (RuleViolation e) {
                throw itemRefused(i, e);
            }
        }
        return quotes;
    }

    /** The item's refusal, with its field made relative to the batch: items[i] (or items[i].field). */
    static RuleViolation itemRefused(int index, RuleViolation e) {
        Map<String, Object> details = new HashMap<>(e.details());
        Object field = details.get("field");
        String relative = field != null ? "." + field : ErrorCode.NOT_FOUND.equals(e.code()) ? ".offerId" : "";
        details.put("field", "items[" + index + "]" + relative);
        return new RuleViolation(e.code(), e.rule(), "items[" + index + "]: " + e.getMessage(), details);
    }
}
