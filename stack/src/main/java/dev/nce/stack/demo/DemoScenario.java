package dev.nce.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The main job of the platform in one run (issue 10): a believable mix of customers and subscriptions bought from
 * 2022-01 on, then the clock advanced month by month to 2026-07-05, printing what the platform did: purchases, windows,
 * reminders (with the SMTP sink's count), renewals with their prices (the 2025-04-01 uplift at each renewal), invoices
 * with totals, Extended Service Terms, and a summary per customer. Everything goes through the public REST API.
 */
public final class DemoScenario {

    public static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("2026-07-05T00:00:00Z");

    /** One scripted action at an instant. */
    record Step(Instant at, String title, Consumer<DemoScenario> action) {}

    private final PlatformApi api;
    private final Stack stack;
    private final PrintStream out;
    private final boolean fast;
    private final Map<String, String> customers = new LinkedHashMap<>();          // name -> customerId
    private final Map<String, String> customerCurrency = new HashMap<>();
    private final Map<String, String> subscriptions = new LinkedHashMap<>();      // label -> subscriptionId
    private final Map<String, String> subscriptionCustomer = new HashMap<>();     // subscriptionId -> customer name
    private final Map<String, Integer> eventsSeen = new HashMap<>();
    private final Set<String> invoicesSeen = new HashSet<>();
    private final Set<String> notificationsSeen = new HashSet<>();
    private final Map<String, JsonNode> offersByName = new HashMap<>();
    private int refused;

    public DemoScenario(Stack stack, PrintStream out, boolean fast) {
        this.stack = stack;
        this.api = new PlatformApi(stack);
        this.out = out;
        this.fast = fast;
    }

    /** Runs the whole scenario; answers the number of steps the platform refused (0 on a clean run). */
    public int run() {
        long started = System.nanoTime();
        loadOffers();
        TreeMap<Instant, List<Step>> plan = new TreeMap<>();
        for (Step step : steps()) {
            plan.computeIfAbsent(step.at(), k -> new ArrayList<>()).add(step);
        }
        for (Instant tick : ticks()) {
            plan.computeIfAbsent(tick, k -> new ArrayList<>());
        }
        String month = "";
        for (Map.Entry<Instant, List<Step>> entry : plan.entrySet()) {
            Instant at = entry.getKey();
            if (at.isAfter(END)) {
                break;
            }
            api.advanceTo(at, Duration.ofSeconds(90));
            String thisMonth = at.toString().substring(0, 7);
            if (!thisMonth.equals(month)) {
                month = thisMonth;
                out.println();
                out.println("── " + thisMonth + " " + "─".repeat(60));
            }
            reportWhatHappened();
            for (Step step : entry.getValue()) {
                out.println(date(at) + "  " + step.title());
                try {
                    step.action().accept(this);
                } catch (PlatformApi.ApiException e) {
                    refused++;
                    out.println("            refused: " + e.answer().status() + " " + e.answer().code() + " - "
                            + e.answer().body().path("detail").asText(""));
                }
            }
        }
        reportWhatHappened();
        printSummary(Duration.ofNanos(System.nanoTime() - started));
        return refused;
    }

    // ------------------------------------------------------------------ the script

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(at("2022-01-03T09:00:00Z"), "the partner sets up its seller profile and GST; customers sign up", s -> {
            s.sellerAndTax();
            // issue 18: three tax jurisdictions (D23): AU GST, an EU reverse charge, US customers out of scope
            s.customer("Contoso Ltd", "USD", "it@contoso.example", s.details("Contoso Ltd", "1 Microsoft Way",
                    "Redmond", "WA", "98052", "US", "US_EIN", "91-1144442", "NONE"));
            s.customer("Fabrikam Pty", "AUD", "licensing@fabrikam.example", s.details("Fabrikam Pty Ltd",
                    "1 Martin Place", "Sydney", "NSW", "2000", "AU", "AU_ABN", "53 004 085 616", "NONE"));
            s.customer("Northwind GmbH", "EUR", "admin@northwind.example", s.details("Northwind Traders GmbH",
                    "Unter den Linden 10", "Berlin", null, "10117", "DE", "EU_VAT", "DE123456789", "REVERSE"));
            s.customer("Tailspin Toys", "USD", "ops@tailspin.example", s.details("Tailspin Toys Inc.",
                    "500 Congress Ave", "Austin", "TX", "78701", "US", null, null, "NONE"));
        }));
        steps.add(new Step(at("2022-01-14T09:30:00Z"), "Contoso buys Microsoft 365 E3: 100 seats annual/annual + 25 seats monthly for seasonal staff", s -> {
            s.purchase("contoso-e3-annual", "Contoso Ltd", "Microsoft 365 E3", "P1Y", "ANNUAL", 100, null);
            s.purchase("contoso-e3-monthly", "Contoso Ltd", "Microsoft 365 E3", "P1M", "MONTHLY", 25, null);
        }));
        steps.add(new Step(at("2022-01-17T10:00:00Z"), "Contoso adds 10 annual seats, then removes 4 inside their 72-h window", s -> {
            s.patchQuantity("contoso-e3-annual", 110);
            s.patchQuantity("contoso-e3-annual", 106);
        }));
        steps.add(new Step(at("2022-01-20T08:00:00Z"), "Northwind buys Dynamics 365 on a three-year term, billed annually", s ->
                s.purchase("northwind-d365", "Northwind GmbH", "Dynamics 365", "P3Y", "ANNUAL", 10, null)));
        steps.add(new Step(at("2022-02-01T12:00:00Z"), "Fabrikam buys Microsoft 365 Business Standard, annual term billed monthly (USD list, invoiced in AUD)", s ->
                s.purchase("fabrikam-standard", "Fabrikam Pty", "Microsoft 365 Business Standard", "P1Y", "MONTHLY", 20, null)));
        steps.add(new Step(at("2022-02-14T09:00:00Z"), "Fabrikam buys 10 monthly-term Business Standard seats: BEMO's February promotion gives the annual price until 2022-06-30 (S003, R-K7)", s ->
                s.purchase("fabrikam-monthly", "Fabrikam Pty", "Microsoft 365 Business Standard", "P1M", "MONTHLY", 10, null)));
        steps.add(new Step(at("2022-02-17T09:00:00Z"), "Fabrikam adds 4 seats mid-term (a new 168-h window for those seats)", s ->
                s.patchQuantity("fabrikam-standard", 24)));
        steps.add(new Step(at("2022-03-16T15:00:00Z"), "Tailspin starts a 30-day trial of Microsoft 365 Business Basic", s ->
                s.trial("tailspin-trial", "Tailspin Toys", "Microsoft 365 Business Basic")));
        steps.add(new Step(at("2022-06-10T10:00:00Z"), "Fabrikam upgrades 5 of its Standard seats to Business Premium (partial upgrade)", s ->
                s.upgrade("fabrikam-standard", "fabrikam-premium", "Microsoft 365 Business Premium", 5)));
        steps.add(new Step(at("2022-07-01T09:00:00Z"), "Contoso buys Visio Plan 2 co-termed with its E3 annual subscription (prorated first term)", s ->
                s.purchase("contoso-visio", "Contoso Ltd", "Visio Plan 2", "P1Y", "ANNUAL", 5, "contoso-e3-annual")));
        steps.add(new Step(at("2022-09-05T09:00:00Z"), "Contoso gives notice on its monthly seats before the 7-day deadline (D7): auto-renew off", s ->
                s.patch("contoso-e3-monthly", s.json().put("autoRenew", false))));
        steps.add(new Step(at("2023-02-01T09:00:00Z"), "Tailspin buys Office 365 E1 for a year, auto-renew off: left to expire (before EST)", s ->
                s.purchase("tailspin-e1", "Tailspin Toys", "Office 365 E1", "P1Y", "MONTHLY", 10, null, false)));
        steps.add(new Step(at("2023-06-05T09:00:00Z"), "Fabrikam stops paying: its Premium subscription is suspended (billing continues)", s ->
                s.action("fabrikam-premium", "suspend")));
        steps.add(new Step(at("2025-06-16T09:00:00Z"), "Tailspin buys Teams Phone for a year, auto-renew off: it will run into an Extended Service Term", s ->
                s.purchase("tailspin-teams", "Tailspin Toys", "Teams Phone", "P1Y", "MONTHLY", 8, null, false)));
        return steps;
    }

    private List<Instant> ticks() {
        List<Instant> ticks = new ArrayList<>();
        LocalDate d = LocalDate.parse("2022-01-05");
        while (!d.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(END)) {
            ticks.add(d.atStartOfDay(ZoneOffset.UTC).toInstant());
            d = d.plusMonths(fast ? 3 : 1);
        }
        ticks.add(END);
        return ticks;
    }

    // ------------------------------------------------------------------ actions

    ObjectNode json() { return PlatformApi.JSON.createObjectNode(); }

    /** Issue 18: an invoice's tax, e.g. "2.10 (AU-GST 10 %)" or "0.00 (REVERSE_CHARGE)". */
    static String taxOf(JsonNode invoice) {
        List<String> parts = new ArrayList<>();
        for (JsonNode t : invoice.path("taxLines")) {
            parts.add(t.path("taxCode").asText() + (t.path("treatment").asText().equals("STANDARD")
                    ? " " + t.path("percent").asText() + " %" : ""));
        }
        return invoice.path("taxTotal").asText() + " (" + String.join(", ", parts) + ")";
    }

    /** Issue 18: the partner invoices as an Australian company registered for GST (D23: "Tax invoice", ABN). */
    void sellerAndTax() {
        ObjectNode seller = json().put("legalName", "NCE Demo Partner Pty Ltd").put("email", "billing@partner.example")
                .put("phone", "+61 2 9000 0000").put("paymentInstructions", "BSB 062-000, account 1234 5678")
                .put("invoiceFooter", "NCE Demo Partner Pty Ltd, ABN 51 824 753 556");
        seller.putObject("address").put("line1", "1 George St").put("city", "Sydney").put("region", "NSW")
                .put("postalCode", "2000").put("country", "AU");
        seller.putArray("taxRegistrations").addObject().put("country", "AU").put("taxId", "51824753556");
        api.put(Service.BILLING, "/admin/seller-profile", seller).orThrow("seller profile");
        api.put(Service.BILLING, "/v1/tax-rates/AU-GST", json().put("country", "AU").put("taxType", "GST")
                .put("name", "GST").put("percent", "10").put("effectiveFrom", "2000-07-01")).orThrow("AU GST rate");
        out.println("            seller NCE Demo Partner Pty Ltd (AU, ABN 51824753556); tax rate AU-GST 10 %");
    }

    ObjectNode details(String legalName, String line1, String city, String region, String postalCode, String country,
                       String taxIdType, String taxId, String taxExempt) {
        ObjectNode d = json().put("legalName", legalName).put("taxExempt", taxExempt);
        d.putObject("address").put("line1", line1).put("city", city).put("region", region)
                .put("postalCode", postalCode).put("country", country);
        if (taxIdType != null) {
            d.putArray("taxIds").addObject().put("type", taxIdType).put("value", taxId);
        }
        return d;
    }

    void customer(String name, String currency, String email, ObjectNode details) {
        JsonNode c = api.post(Service.SUBSCRIPTION, "/v1/customers", details.put("name", name)
                .put("billingCurrency", currency).put("contactEmail", email)).orThrow("create customer");
        customers.put(name, c.path("customerId").asText());
        customerCurrency.put(name, currency);
        out.println("            " + name + " (" + currency + ", " + email + ") -> " + c.path("customerId").asText());
    }

    void purchase(String label, String customer, String offerName, String term, String billing, int quantity, String cotermLabel) {
        purchase(label, customer, offerName, term, billing, quantity, cotermLabel, true);
    }

    void purchase(String label, String customer, String offerName, String term, String billing, int quantity,
                  String cotermLabel, boolean autoRenew) {
        ObjectNode body = json().put("offerId", offer(offerName).path("offerId").asText()).put("term", term)
                .put("billing", billing).put("quantity", quantity);
        if (!autoRenew) {
            body.put("autoRenew", false);
        }
        if (cotermLabel != null) {
            body.putObject("coterm").put("type", "SUBSCRIPTION").put("subscriptionId", subscriptions.get(cotermLabel));
        }
        JsonNode sub = api.post(Service.SUBSCRIPTION, "/v1/customers/" + customers.get(customer) + "/subscriptions", body)
                .orThrow("purchase " + offerName);
        track(label, customer, sub);
        out.println("            " + describe(sub) + ", cancellable until " + sub.path("cancellationAllowedUntil").asText()
                + ", notice deadline " + sub.path("noticeDeadline").asText());
    }

    void trial(String label, String customer, String offerName) {
        JsonNode sub = api.post(Service.SUBSCRIPTION, "/v1/customers/" + customers.get(customer) + "/trials",
                json().put("offerId", offer(offerName).path("offerId").asText())).orThrow("trial " + offerName);
        track(label, customer, sub);
        out.println("            " + describe(sub) + ", trial ends " + sub.path("trialEndsAt").asText());
    }

    void upgrade(String sourceLabel, String targetLabel, String targetOffer, int quantity) {
        JsonNode result = api.post(Service.SUBSCRIPTION, "/v1/subscriptions/" + subscriptions.get(sourceLabel) + "/upgrades",
                json().put("targetOfferId", offer(targetOffer).path("offerId").asText()).put("quantity", quantity))
                .orThrow("upgrade");
        String customer = subscriptionCustomer.get(subscriptions.get(sourceLabel));
        track(targetLabel, customer, result.path("target"));
        out.println("            source now " + result.path("source").path("quantity").asInt() + " seats; target "
                + describe(result.path("target")) + " ending " + result.path("target").path("endDate").asText());
    }

    void patchQuantity(String label, int quantity) {
        JsonNode sub = api.patch(Service.SUBSCRIPTION, "/v1/subscriptions/" + subscriptions.get(label),
                json().put("quantity", quantity)).orThrow("quantity change");
        out.println("            " + label + ": " + sub.path("quantity").asInt() + " seats, refundable now "
                + sub.path("refundableQuantity").asInt());
    }

    void patch(String label, ObjectNode body) {
        JsonNode sub = api.patch(Service.SUBSCRIPTION, "/v1/subscriptions/" + subscriptions.get(label), body).orThrow("update");
        out.println("            " + label + ": autoRenew " + sub.path("autoRenew").asBoolean() + ", end of term "
                + sub.path("endOfTermAction").asText());
    }

    void action(String label, String action) {
        JsonNode sub = api.post(Service.SUBSCRIPTION, "/v1/subscriptions/" + subscriptions.get(label) + "/" + action, null)
                .orThrow(action);
        out.println("            " + label + ": " + sub.path("status").asText() + ", autoRenew " + sub.path("autoRenew").asBoolean()
                + ", end of term " + sub.path("endOfTermAction").asText());
    }

    // ------------------------------------------------------------------ reporting

    private void reportWhatHappened() {
        for (Map.Entry<String, String> sub : subscriptions.entrySet()) {
            PlatformApi.Answer events = api.get(Service.SUBSCRIPTION, "/v1/subscriptions/" + sub.getValue() + "/events?limit=1000");
            if (!events.ok()) {
                continue;
            }
            JsonNode items = events.body().path("items");
            int seen = eventsSeen.getOrDefault(sub.getValue(), 0);
            for (int i = seen; i < items.size(); i++) {
                JsonNode e = items.get(i);
                if (!"system".equals(e.path("actor").asText())) {
                    continue;
                }
                String line = systemEvent(sub.getKey(), e);
                if (line != null) {
                    out.println(date(Instant.parse(e.path("effectiveAt").asText())) + "  " + line);
                }
            }
            eventsSeen.put(sub.getValue(), items.size());
        }
        int sentNow = 0;
        List<String> reminderLines = new ArrayList<>();
        for (Map.Entry<String, String> c : customers.entrySet()) {
            PlatformApi.Answer invoices = api.get(Service.BILLING, "/v1/customers/" + c.getValue() + "/invoices?limit=1000");
            if (invoices.ok()) {
                for (JsonNode inv : invoices.body().path("items")) {
                    if (invoicesSeen.add(inv.path("invoiceId").asText())) {
                        out.println(inv.path("issueDate").asText() + "  invoice " + inv.path("invoiceNumber").asText() + "  "
                                + pad(c.getKey(), 15) + " " + inv.path("period").asText() + "  " + inv.path("lines").size()
                                + " lines  subtotal " + inv.path("subtotal").asText() + " + tax " + taxOf(inv)
                                + " = total " + inv.path("total").asText() + " " + inv.path("currency").asText()
                                + "  due " + inv.path("dueDate").asText());
                    }
                }
            }
            PlatformApi.Answer notes = api.get(Service.NOTIFICATION, "/v1/customers/" + c.getValue() + "/notifications?limit=1000");
            if (notes.ok()) {
                for (JsonNode n : notes.body().path("items")) {
                    String key = n.path("notificationId").asText() + "/" + n.path("channel").asText() + "/" + n.path("endpointId").asText("");
                    if ("SENT".equals(n.path("status").asText()) && notificationsSeen.add(key)) {
                        sentNow++;
                        if (!"INVOICE_ISSUED".equals(n.path("kind").asText())) {
                            reminderLines.add(n.path("sentAt").asText().substring(0, 10) + "  reminder " + pad(n.path("kind").asText(), 16)
                                    + " " + pad(c.getKey(), 15) + " " + labelOf(n.path("subscriptionId").asText()));
                        }
                    }
                }
            }
        }
        reminderLines.stream().sorted().forEach(out::println);
        if (sentNow > 0) {
            out.println("            (" + sentNow + " notifications sent; the SMTP sink holds " + stack.mail().messages().size() + " e-mails)");
        }
    }

    private String systemEvent(String label, JsonNode e) {
        JsonNode p = e.path("payload");
        JsonNode s = p.path("subscription");
        return switch (e.path("type").asText()) {
            case "SubscriptionRenewed" -> "renewal   " + pad(label, 20) + " new term " + s.path("startDate").asText() + ".."
                    + s.path("endDate").asText() + " at " + s.path("unitPrice").asText() + " " + s.path("currency").asText()
                    + "/seat/month x " + s.path("quantity").asInt();
            case "SubscriptionExpired" -> "expired   " + pad(label, 20) + " (grace until it is disabled)";
            case "SubscriptionDisabled" -> "disabled  " + pad(label, 20);
            case "SubscriptionDeleted" -> "deleted   " + pad(label, 20);
            case "ExtendedTermStarted" -> "EST       " + pad(label, 20) + " month-to-month at " + p.path("unitPrice").asText()
                    + " " + s.path("currency").asText() + "/seat/month";
            case "TrialConverted" -> "converted " + pad(label, 20) + " to a paid " + p.path("target").path("term").asText() + "/"
                    + p.path("target").path("billing").asText() + " subscription";
            default -> null;
        };
    }

    private void printSummary(Duration took) {
        out.println();
        out.println("══ summary at " + END + " " + "═".repeat(50));
        for (Map.Entry<String, String> c : customers.entrySet()) {
            out.println(c.getKey() + " (" + customerCurrency.get(c.getKey()) + ")");
            PlatformApi.Answer subs = api.get(Service.SUBSCRIPTION, "/v1/customers/" + c.getValue() + "/subscriptions?limit=1000");
            if (subs.ok()) {
                for (JsonNode s : subs.body().path("items")) {
                    out.println("    " + pad(labelOf(s.path("subscriptionId").asText()), 20) + " " + describe(s) + "  "
                            + s.path("status").asText() + (s.path("inExtendedServiceTerm").asBoolean() ? " (EST)" : ""));
                }
            }
            PlatformApi.Answer invoices = api.get(Service.BILLING, "/v1/customers/" + c.getValue() + "/invoices?limit=1000");
            if (invoices.ok()) {
                BigDecimal total = BigDecimal.ZERO;
                for (JsonNode inv : invoices.body().path("items")) {
                    total = total.add(new BigDecimal(inv.path("total").asText("0")));
                }
                out.println("    invoices: " + invoices.body().path("totalCount").asInt() + ", billed in all " + total.toPlainString()
                        + " " + customerCurrency.get(c.getKey()));
            }
        }
        out.println();
        out.println("e-mails in the SMTP sink: " + stack.mail().messages().size() + "; steps refused: " + refused
                + "; wall time " + took.toSeconds() + " s");
    }

    // ------------------------------------------------------------------ helpers

    private void loadOffers() {
        JsonNode offers = api.get(Service.CATALOG, "/v1/offers?limit=1000").orThrow("list offers");
        for (JsonNode o : offers.path("items")) {
            offersByName.put(o.path("name").asText(), o);
        }
        out.println("catalog: " + offersByName.size() + " offers");
    }

    private JsonNode offer(String name) {
        JsonNode exact = offersByName.get(name);
        if (exact != null) {
            return exact;
        }
        String wanted = name.toLowerCase(java.util.Locale.ROOT);
        return offersByName.entrySet().stream().filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .min(Comparator.comparing(e -> e.getKey().length())).map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("the demo catalog has no offer named " + name));
    }

    private void track(String label, String customer, JsonNode sub) {
        String id = sub.path("subscriptionId").asText();
        subscriptions.put(label, id);
        subscriptionCustomer.put(id, customer);
    }

    private String labelOf(String subscriptionId) {
        return subscriptions.entrySet().stream().filter(e -> e.getValue().equals(subscriptionId)).map(Map.Entry::getKey)
                .findFirst().orElse(subscriptionId);
    }

    private static String describe(JsonNode s) {
        String promotion = s.path("promotionId").isTextual() ? " (promotion " + s.path("promotionId").asText()
                + ", list " + s.path("listUnitPrice").asText() + ")" : "";
        return s.path("quantity").asInt() + " x " + s.path("offerId").asText() + " " + s.path("term").asText() + "/"
                + s.path("billing").asText() + " at " + s.path("unitPrice").asText() + " " + s.path("currency").asText()
                + promotion;
    }

    private static Instant at(String instant) { return Instant.parse(instant); }

    private static String date(Instant instant) { return instant.toString().substring(0, 10); }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
