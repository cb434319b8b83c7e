package dev.nce.billing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nce.billing.service.TaxAdminService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The seller profile of a first start (issue 18, D23): {@code nce.seller-profile.initial} (env
 * NCE_SELLER_PROFILE_INITIAL, rendered by the chart from {@code billing.sellerProfile}) is the body of
 * {@code PUT /admin/seller-profile}. It is stored only while no profile exists, so a profile changed later through the
 * API is never overwritten by a restart. A body that does not validate stops the start: it is a deployment error.
 */
@ApplicationScoped
public class InitialSellerProfile {

    private static final Logger LOG = Logger.getLogger(InitialSellerProfile.class);

    private final Optional<String> json;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final TaxAdminService admin;

    InitialSellerProfile(@ConfigProperty(name = "nce.seller-profile.initial") Optional<String> json, ObjectMapper mapper,
                         Validator validator, TaxAdminService admin) {
        this.json = json;
        this.mapper = mapper;
        this.validator = validator;
        this.admin = admin;
    }

    void onStart(@Observes StartupEvent start) {
        if (json.isEmpty() || json.get().isBlank() || admin.seller().isPresent()) {
            return;
        }
        TaxRequests.SellerProfileBody body;
        try {
            body = mapper.readValue(json.get(), TaxRequests.SellerProfileBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("nce.seller-profile.initial is not a seller profile: " + e.getOriginalMessage(), e);
        }
        Set<ConstraintViolation<TaxRequests.SellerProfileBody>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ConstraintViolation<?> v = violations.iterator().next();
            throw new IllegalStateException("nce.seller-profile.initial: " + v.getPropertyPath() + " " + v.getMessage());
        }
        admin.putSeller(body.toProfile());
        LOG.infof("seller profile of the first start stored: %s", body.legalName());
    }
}
