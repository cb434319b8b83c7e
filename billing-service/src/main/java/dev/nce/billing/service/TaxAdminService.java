package dev.nce.billing.service;

import dev.nce.billing.domain.tax.SellerProfile;
import dev.nce.billing.domain.tax.TaxRate;
import dev.nce.billing.persistence.TaxStore;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Tax rates (D23: immutable once created except effectiveTo) and the seller profile. */
@ApplicationScoped
public class TaxAdminService {

    /** What a PUT of a rate did. */
    public record RatePut(TaxRate rate, boolean created) {}

    @Inject
    TaxStore store;
    @Inject
    PlatformClock clock;

    @Transactional
    public RatePut putRate(TaxRate wanted) {
        Optional<TaxRate> existing = store.lockRate(wanted.code());
        if (existing.isEmpty()) {
            store.insertRate(wanted, clock.now());
            return new RatePut(wanted, true);
        }
        TaxRate current = existing.get();
        if (!current.sameExceptEffectiveTo(wanted)) {
            throw RuleViolation.invalidState("D23", "tax rate " + wanted.code()
                    + " is immutable except its effectiveTo: create a new code for a new rate");
        }
        if (!java.util.Objects.equals(current.effectiveTo(), wanted.effectiveTo())) {
            store.updateEffectiveTo(wanted.code(), wanted.effectiveTo(), clock.now());
        }
        return new RatePut(wanted, false);
    }

    @Transactional
    public List<TaxRate> rates(String country, LocalDate at) {
        return store.rates().stream()
                .filter(r -> country == null || r.country().equalsIgnoreCase(country))
                .filter(r -> at == null || r.inForceOn(at)).toList();
    }

    @Transactional
    public Optional<SellerProfile> seller() {
        return store.seller();
    }

    @Transactional
    public SellerProfile putSeller(SellerProfile profile) {
        store.saveSeller(profile, clock.now());
        return profile;
    }
}
