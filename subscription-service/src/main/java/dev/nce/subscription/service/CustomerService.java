package dev.nce.subscription.service;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent.CustomerCreated;
import dev.nce.contracts.events.SubscriptionEvent.CustomerUpdated;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.nce.contracts.events.CustomerDetails;

/** Customers: create and change, each with its event (CustomerCreated / CustomerUpdated, key customerId). */
@ApplicationScoped
public class CustomerService {

    /** A PATCH: a null field is absent; {@code externalSeatsGiven} tells an explicit null (merge-patch remove) apart. */
    public record CustomerPatch(String name, String contactEmail, boolean externalSeatsGiven,
                                Map<String, Integer> externalSeats, String billingCurrency,
                                CustomerDetails details, Set<String> detailsGiven) {

        public CustomerPatch(String name, String contactEmail, boolean externalSeatsGiven,
                             Map<String, Integer> externalSeats, String billingCurrency) {
            this(name, contactEmail, externalSeatsGiven, externalSeats, billingCurrency, CustomerDetails.NONE, Set.of());
        }
    }

    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionRepository repo;
    @Inject
    EventLog events;
    @Inject
    EntityManager em;

    public CustomerView create(String name, String billingCurrency, String contactEmail,
                               Map<String, Integer> externalSeats, Actor actor) {
        return create(name, billingCurrency, contactEmail, externalSeats, CustomerDetails.NONE, actor);
    }

    /** A new customer with its invoicing master data (validated and normalised by the caller). */
    public CustomerView create(String name, String billingCurrency, String contactEmail,
                               Map<String, Integer> externalSeats, CustomerDetails details, Actor actor) {
        return uow.write(now -> {
            CustomerEntity c = new CustomerEntity();
            c.id = Ids.next();
            c.name = name;
            c.billingCurrency = billingCurrency;
            c.contactEmail = contactEmail;
            c.externalSeats = EventJson.write(externalSeats == null ? Map.of() : externalSeats);
            c.createdAt = now;
            CustomerDetailsColumns.write(c, details);
            em.persist(c);
            em.flush();
            CustomerView view = Views.customer(c);
            events.append(new CustomerCreated(c.id, c.name, c.billingCurrency, c.contactEmail, view.externalSeats(),
                    view.details()),
                    c.id, c.id, now, actor.subject());
            return view;
        });
    }

    public CustomerView patch(String customerId, CustomerPatch patch, Actor actor) {
        return uow.write(now -> {
            actor.requireAccessTo(customerId);
            CustomerEntity c = repo.lockCustomer(customerId).orElseThrow(() -> RuleViolation.notFound("customer " + customerId));
            if (patch.billingCurrency() != null && !patch.billingCurrency().equals(c.billingCurrency)) {
                throw RuleViolation.invalidState(null, "billingCurrency is immutable (it is " + c.billingCurrency + ")");
            }
            boolean changed = false;
            if (patch.name() != null && !patch.name().equals(c.name)) {
                c.name = patch.name();
                changed = true;
            }
            if (patch.contactEmail() != null && !patch.contactEmail().equals(c.contactEmail)) {
                c.contactEmail = patch.contactEmail();
                changed = true;
            }
            if (patch.externalSeatsGiven()) {
                Map<String, Integer> seats = patch.externalSeats() == null ? Map.of() : patch.externalSeats();
                if (!Objects.equals(seats, Views.externalSeats(c))) {
                    c.externalSeats = EventJson.write(seats);
                    changed = true;
                }
            }
            if (!patch.detailsGiven().isEmpty()) {
                CustomerDetails before = CustomerDetailsColumns.read(c);
                CustomerDetails after = merged(before, patch.details(), patch.detailsGiven());
                if (!after.equals(before)) {
                    CustomerDetailsColumns.write(c, after);
                    changed = true;
                }
            }
            if (changed) {
                em.flush();
                CustomerView view = Views.customer(c);
                events.append(new CustomerUpdated(c.id, c.name, c.billingCurrency, c.contactEmail, view.externalSeats(),
                        view.details()),
                        c.id, c.id, now, actor.subject());
                return view;
            }
            return Views.customer(c);
        });
    }

    /** Merge-patch of the master data: a given field replaces the old value (null clears it or restores the default). */
    static CustomerDetails merged(CustomerDetails before, CustomerDetails patch, Set<String> given) {
        return new CustomerDetails(
                given.contains("legalName") ? patch.legalName() : before.legalName(),
                given.contains("address") ? patch.address() : before.address(),
                given.contains("taxIds") ? patch.taxIds() : before.taxIds(),
                given.contains("taxExempt") ? (patch.taxExempt() == null ? "NONE" : patch.taxExempt()) : before.taxExempt(),
                given.contains("paymentTermsDays") ? (patch.paymentTermsDays() == null ? Integer.valueOf(30)
                        : patch.paymentTermsDays()) : before.paymentTermsDays(),
                given.contains("microsoftTenantId") ? patch.microsoftTenantId() : before.microsoftTenantId(),
                given.contains("billingContactEmails") ? patch.billingContactEmails() : before.billingContactEmails());
    }
}
