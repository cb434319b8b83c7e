package dev.nce.subscription.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nce.contracts.Money;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import dev.nce.kit.validation.FieldLimits;
import dev.nce.subscription.persistence.SubscriptionRepository;
import dev.nce.subscription.service.CustomerService;
import dev.nce.subscription.service.CustomerView;
import dev.nce.subscription.service.Ids;
import dev.nce.subscription.service.PurchaseCommand;
import dev.nce.subscription.service.PurchaseService;
import dev.nce.subscription.service.SubscriptionView;
import dev.nce.subscription.service.UnitOfWork;
import dev.nce.subscription.service.Views;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.nce.contracts.events.CustomerDetails;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Customers and their purchases (API.md subscription-service). */
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class CustomerResource {

    @Inject
    dev.nce.subscription.service.TrialService trials;

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> PATCH_FIELDS = Set.of("name", "contactEmail", "externalSeats", "billingCurrency",
            "legalName", "address", "taxIds", "taxExempt", "paymentTermsDays", "microsoftTenantId",
            "billingContactEmails");

    @Inject
    Caller caller;
    @Inject
    CustomerService customers;
    @Inject
    PurchaseService purchases;
    @Inject
    SubscriptionRepository repo;
    @Inject
    UnitOfWork uow;
    @Inject
    Views views;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("partner-admin")
    public Response create(@Valid @NotNull Requests.CreateCustomer request) {
        String currency = request.billingCurrency().trim().toUpperCase();
        if (!Money.isCurrency(currency) || java.util.Currency.getInstance(currency).getDefaultFractionDigits() < 0) {
            throw RuleViolation.invalidField("billingCurrency", "not an ISO 4217 currency: " + request.billingCurrency());
        }
        String email = validEmail(request.contactEmail());
        CustomerDetails details = CustomerDetailsInput.checked(request.details());
        CustomerView view = customers.create(request.name().trim(), currency, email,
                request.externalSeats() == null ? Map.of() : request.externalSeats(), details, Access.of(caller));
        return Response.status(201).entity(view).build();
    }

    @GET
    @RolesAllowed("partner-admin")
    public Page<CustomerView> list(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                   @QueryParam("offset") String offset) {
        Page.Window window = Page.window(limit, offset);
        String query = q == null ? "" : q.trim();
        return uow.read(now -> new Page<>(repo.countCustomers(query),
                repo.customers(query, window.limit(), window.offset()).stream().map(Views::customer).toList()));
    }

    @GET
    @Path("/{customerId}")
    public CustomerView get(@PathParam("customerId") String customerId) {
        requireWellFormed(customerId);
        caller.requireAccessTo(customerId);
        return uow.read(now -> repo.customer(customerId).map(Views::customer)
                .orElseThrow(() -> RuleViolation.notFound("customer " + customerId)));
    }

    @PATCH
    @Path("/{customerId}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public CustomerView patch(@PathParam("customerId") String customerId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RuleViolation.invalidField("body", "a JSON object is required");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!PATCH_FIELDS.contains(name)) {
                throw RuleViolation.invalidField(name, "unknown field '" + name + "'");
            }
        }
        if (body.has("externalSeats") && !caller.isPartnerAdmin()) {
            // issue 15 item 7: D9 counts externalSeats, so a customer raising its own would lift its own seat cap
            throw new io.quarkus.security.ForbiddenException("only partner roles may set externalSeats");
        }
        String name = FieldLimits.require("name", text(body, "name"), FieldLimits.NAME);
        if (name != null && name.isBlank()) {
            throw RuleViolation.invalidField("name", "name must not be blank");
        }
        String email = body.hasNonNull("contactEmail") ? validEmail(text(body, "contactEmail")) : null;
        if (body.has("contactEmail") && body.get("contactEmail").isNull()) {
            throw RuleViolation.invalidField("contactEmail", "contactEmail cannot be removed");
        }
        String currency = FieldLimits.require("billingCurrency", text(body, "billingCurrency"), FieldLimits.ID);
        boolean seatsGiven = body.has("externalSeats");
        Map<String, Integer> seats = seatsGiven ? seats((ObjectNode) (body.get("externalSeats").isObject()
                ? body.get("externalSeats") : null), body.get("externalSeats")) : null;
        Set<String> detailsGiven = new java.util.HashSet<>();
        body.fieldNames().forEachRemaining(f -> {
            if (CustomerDetailsInput.FIELDS.contains(f)) {
                detailsGiven.add(f);
            }
        });
        CustomerDetails details = detailsGiven.isEmpty() ? CustomerDetails.NONE : patchedDetails((ObjectNode) body);
        requireWellFormed(customerId);
        caller.requireAccessTo(customerId);
        return customers.patch(customerId, new CustomerService.CustomerPatch(name == null ? null : name.trim(), email,
                seatsGiven, seats, currency == null ? null : currency.trim().toUpperCase(), details, detailsGiven),
                Access.of(caller));
    }

    @POST
    @Path("/{customerId}/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response purchase(@PathParam("customerId") String customerId, @Valid @NotNull Requests.Purchase request) {
        requireWellFormed(customerId);
        PurchaseCommand command = new PurchaseCommand(customerId, request.offerId().trim(), request.term(),
                request.billing(), request.quantity(), request.autoRenew(), request.endOfTermAction(),
                request.promotionId(), request.coterm() == null ? null : request.coterm().type(),
                request.coterm() == null ? null : request.coterm().subscriptionId());
        SubscriptionView view = purchases.purchase(command, Access.of(caller));
        return Response.status(201).entity(view).build();
    }

    /** R-J1 / D15: a 25-seat, 30-day free trial of an offer with trialAvailable. */
    @POST
    @Path("/{customerId}/trials")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response trial(@PathParam("customerId") String customerId, @Valid @NotNull Requests.Trial request) {
        requireWellFormed(customerId);
        return Response.status(201).entity(trials.start(customerId, request.offerId().trim(), Access.of(caller))).build();
    }

    @GET
    @Path("/{customerId}/subscriptions")
    public Page<SubscriptionView> subscriptions(@PathParam("customerId") String customerId,
                                                @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Page.Window window = Page.window(limit, offset);
        requireWellFormed(customerId);
        caller.requireAccessTo(customerId);
        return uow.read(now -> {
            if (repo.customer(customerId).isEmpty()) {
                throw RuleViolation.notFound("customer " + customerId);
            }
            return new Page<>(repo.countSubscriptionsOf(customerId), repo.subscriptionsOf(customerId, window.limit(),
                    window.offset()).stream().map(s -> views.subscription(s, now)).toList());
        });
    }

    /** The master-data fields of a PATCH body, typed, Bean-validated and checked like a POST's. */
    private CustomerDetails patchedDetails(ObjectNode body) {
        ObjectNode fields = mapper.createObjectNode();
        for (String f : CustomerDetailsInput.FIELDS) {
            if (body.has(f)) {
                fields.set(f, body.get(f));
            }
        }
        Requests.CustomerDetailsBody typed;
        try {
            typed = mapper.treeToValue(fields, Requests.CustomerDetailsBody.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "body";
            throw RuleViolation.invalidField(field == null ? "body" : field, "invalid value: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<Requests.CustomerDetailsBody>> violations = validator.validate(typed);
        if (!violations.isEmpty()) {
            ConstraintViolation<Requests.CustomerDetailsBody> v = violations.iterator().next();
            throw RuleViolation.invalidField(v.getPropertyPath().toString(), v.getMessage());
        }
        return CustomerDetailsInput.checked(typed);
    }

    static void requireWellFormed(String id) {
        if (!Ids.isWellFormed(id)) {
            throw RuleViolation.notFound("customer " + id);
        }
    }

    private static String validEmail(String email) {
        FieldLimits.require("contactEmail", email, FieldLimits.EMAIL);
        String trimmed = email == null ? "" : email.trim();
        if (!EMAIL.matcher(trimmed).matches()) {
            throw RuleViolation.invalidField("contactEmail", "not an e-mail address: " + email);
        }
        return trimmed;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw RuleViolation.invalidField(field, field + " must be a string");
        }
        return node.asText();
    }

    private static Map<String, Integer> seats(ObjectNode object, JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (object == null) {
            throw RuleViolation.invalidField("externalSeats", "externalSeats must be an object {capGroup: seats}");
        }
        if (object.size() > FieldLimits.LIST) {
            throw RuleViolation.invalidField("externalSeats", "externalSeats has more than " + FieldLimits.LIST + " entries");
        }
        Map<String, Integer> seats = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            FieldLimits.require("externalSeats", e.getKey(), FieldLimits.ID);
            if (!e.getValue().isInt() || e.getValue().asInt() < 0) {
                throw RuleViolation.invalidField("externalSeats." + e.getKey(), "seats must be a whole number >= 0");
            }
            seats.put(e.getKey(), e.getValue().asInt());
        }
        return seats;
    }
}
