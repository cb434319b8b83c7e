package dev.nce.e2e;

import static org.awaitility.Awaitility.await;

import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures of the seed journeys: offers with chosen prices, customers in a currency, purchases, invoices. */
final class Journeys {

    static final Duration CATCH_UP = Duration.ofSeconds(60);

    private Journeys() {}

    /** PUT an offer sold on the given plans with one price list entry per (currency, base) pair from 2022-01-01. */
    static void offer(String offerId, String name, List<String> plans, Map<String, String> basePrices, String p3yBase) {
        offer(offerId, name, plans, basePrices, p3yBase, false, List.of(), null);
    }

    /** As above, with a trial (R-J), upgrade paths (R-I) and a D9 cap group (null for none). */
    static void offer(String offerId, String name, List<String> plans, Map<String, String> basePrices, String p3yBase,
                      boolean trialAvailable, List<String> upgradePaths, String capGroup) {
        List<Map<String, Object>> planList = new ArrayList<>();
        for (String p : plans) {
            String[] tb = p.split("/");
            planList.add(Map.of("term", tb[0], "billing", tb[1]));
        }
        List<Map<String, Object>> prices = new ArrayList<>();
        Map<String, String> lists = new LinkedHashMap<>(basePrices);
        // every offer needs a USD list (the pricing currency, D13); a native list beside it wins for its currency
        lists.putIfAbsent("USD", basePrices.values().iterator().next());
        lists.forEach((currency, base) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("effectiveFrom", "2022-01-01");
            entry.put("currency", currency);
            entry.put("basePrice", base);
            if (p3yBase != null) {
                entry.put("p3yBasePrice", p3yBase);
            }
            prices.add(entry);
        });
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("offerId", offerId);
        offer.put("name", name);
        offer.put("productFamily", "E2E");
        offer.put("plans", planList);
        offer.put("prices", prices);
        offer.put("capGroup", capGroup);
        offer.put("renewable", true);
        offer.put("midTermIncrease", true);
        offer.put("trialAvailable", trialAvailable);
        offer.put("upgradePaths", upgradePaths);
        int status = Api.admin(Service.CATALOG).contentType(ContentType.JSON).body(offer).when()
                .put("/v1/offers/" + offerId).then().extract().statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError("PUT /v1/offers/" + offerId + " answered " + status);
        }
    }

    static void fxRate(String currency, String rate, String effectiveFrom) {
        Api.admin(Service.CATALOG).contentType(ContentType.JSON)
                .body(Map.of("rate", rate, "effectiveFrom", effectiveFrom))
                .when().put("/v1/fx-rates/" + currency).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    static String customer(String name, String currency) {
        return Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON)
                .body(Map.of("name", name, "billingCurrency", currency,
                        "contactEmail", emailOf(name)))
                .when().post("/v1/customers").then().statusCode(201).extract().path("customerId");
    }

    static JsonPath purchase(String customerId, String offerId, String term, String billing, int quantity) {
        return Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON)
                .body(Map.of("offerId", offerId, "term", term, "billing", billing, "quantity", quantity))
                .when().post("/v1/customers/" + customerId + "/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    static io.restassured.response.Response patchQuantity(String subscriptionId, int quantity) {
        return Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("quantity", quantity))
                .when().patch("/v1/subscriptions/" + subscriptionId);
    }

    /** Advances the platform clock (a no-op when already there) and waits until billing and notification follow. */
    static void advance(Instant to) {
        if (Api.clockNow(Service.SUBSCRIPTION).isBefore(to)) {
            Api.advanceClock(to);
        }
        for (Service s : new Service[] {Service.BILLING, Service.NOTIFICATION, Service.CATALOG}) {
            await(s.moduleName() + " reaches " + to).atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                    .until(() -> !Api.clockNow(s).isBefore(to));
        }
    }

    /** The issued invoice of a customer for a period, waiting for the run to issue it. */
    static JsonPath invoice(String customerId, String period) {
        await("invoice " + period + " of " + customerId).atMost(CATCH_UP).pollInterval(Duration.ofMillis(250))
                .until(() -> Api.admin(Service.BILLING).when().get("/v1/customers/" + customerId + "/invoices?period=" + period)
                        .then().statusCode(200).extract().<Integer>path("totalCount") == 1);
        return Api.admin(Service.BILLING).when().get("/v1/customers/" + customerId + "/invoices?period=" + period)
                .then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
    }

    /** Every notification row of a customer (API.md: ordered by dueAt, kind, channel). */
    static List<Map<String, Object>> notifications(String customerId) {
        return Api.admin(Service.NOTIFICATION).when().get("/v1/customers/" + customerId + "/notifications?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Every issued invoice of a customer (API.md: ordered by period, then invoiceNumber). */
    static List<Map<String, Object>> invoices(String customerId) {
        return Api.admin(Service.BILLING).when().get("/v1/customers/" + customerId + "/invoices?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The invoice runs of a period. */
    static List<Map<String, Object>> runs(String period) {
        return Api.admin(Service.BILLING).when().get("/v1/invoice-runs?period=" + period)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Every customer of the platform (partner-admin list). */
    static List<String> allCustomers() {
        return Api.admin(Service.SUBSCRIPTION).when().get("/v1/customers?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items.customerId", String.class);
    }

    /**
     * Waits until no notification row of the customer that is due by {@code now} is still SCHEDULED: the rows are
     * processed in platform time, but the e-mails go out asynchronously in wall time (with retries, API.md).
     */
    static void awaitDeliveries(String customerId, Instant now) {
        await("deliveries of " + customerId + " due by " + now).atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> notifications(customerId).stream().noneMatch(r -> "SCHEDULED".equals(r.get("status"))
                        && !Instant.parse((String) r.get("dueAt")).isAfter(now)));
    }

    /** E-mails the SMTP sink received for one address. */
    static long mailsTo(String address) {
        return E2EStack.get().mail().messages().stream().filter(m -> m.recipient().equalsIgnoreCase(address)).count();
    }

    /** The contact address {@link #customer} gives a customer name. */
    static String emailOf(String name) {
        return name.toLowerCase().replaceAll("[^a-z]", "") + "@journey.example";
    }

    static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
