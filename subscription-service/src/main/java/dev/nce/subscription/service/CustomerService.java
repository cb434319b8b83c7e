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

/** Customers: create and change, each with its event (CustomerCreated / CustomerUpdated, key customerId). */
@ApplicationScoped
public class CustomerService {

    /** A PATCH: a null field is absent; {@code externalSeatsGiven} tells an explicit null (merge-patch remove) apart. */
    public record CustomerPatch(String name, String contactEmail, boolean externalSeatsGiven,
                                Map<String, Integer> externalSeats, String billingCurrency) {}

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
        return uow.write(now -> {
            CustomerEntity c = new CustomerEntity();
            c.id = Ids.next();
            c.name = name;
            c.billingCurrency = billingCurrency;
            c.contactEmail = contactEmail;
            c.externalSeats = EventJson.write(externalSeats == null ? Map.of() : externalSeats);
            c.createdAt = now;
            em.persist(c);
            em.flush();
            CustomerView view = Views.customer(c);
            events.append(new CustomerCreated(c.id, c.name, c.billingCurrency, c.contactEmail, view.externalSeats()),
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
            if (changed) {
                em.flush();
                CustomerView view = Views.customer(c);
                events.append(new CustomerUpdated(c.id, c.name, c.billingCurrency, c.contactEmail, view.externalSeats()),
                        c.id, c.id, now, actor.subject());
                return view;
            }
            return Views.customer(c);
        });
    }
}
