package dev.nce.subscription.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Small helpers for the REST tests: tokens, the clock, customers and purchases. */
public final class Api {

    public static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    private Api() {}

    public static RequestSpecification admin() {
        return given().header("Authorization", ADMIN);
    }

    public static RequestSpecification json() {
        return admin().contentType(ContentType.JSON);
    }

    public static Instant now() {
        return Instant.parse(admin().get("/admin/clock").then().statusCode(200).extract().path("now"));
    }

    /** Moves the clock to {@code to} when it is later than now (test classes share one forward-only clock). */
    public static Instant advanceTo(String to) {
        Instant target = to.length() == 10 ? Instant.parse(to + "T00:00:00Z") : Instant.parse(to);
        if (target.isAfter(now())) {
            json().body("{\"to\":\"" + to + "\"}").post("/admin/clock/advance").then().statusCode(200);
        }
        return now();
    }

    public static String customer(String name) {
        return customer(name, "USD");
    }

    public static String customer(String name, String currency) {
        return json().body("{\"name\":\"" + name + "\",\"billingCurrency\":\"" + currency + "\",\"contactEmail\":\""
                        + name.toLowerCase().replace(' ', '.') + "@example.com\"}")
                .post("/v1/customers").then().statusCode(201).extract().path("customerId");
    }

    public static Response purchase(String customerId, String body) {
        return json().body(body).post("/v1/customers/" + customerId + "/subscriptions");
    }

    public static String buy(String customerId, String offerId, String term, String billing, int quantity) {
        return purchase(customerId, "{\"offerId\":\"" + offerId + "\",\"term\":\"" + term + "\",\"billing\":\"" + billing
                + "\",\"quantity\":" + quantity + "}").then().statusCode(201).extract().path("subscriptionId");
    }

    public static Response patch(String subscriptionId, String body) {
        return json().body(body).patch("/v1/subscriptions/" + subscriptionId);
    }

    public static Response get(String subscriptionId) {
        return admin().get("/v1/subscriptions/" + subscriptionId);
    }

    /** How many subscriptions the customer has (a refused request must leave it unchanged). */
    public static int subscriptionCount(String customerId) {
        return admin().get("/v1/customers/" + customerId + "/subscriptions").then().statusCode(200).extract().path("totalCount");
    }

    /** The subscription's event log, whose first event is its SubscriptionCreated. */
    public static JsonPath created(String subscriptionId) {
        return admin().get("/v1/subscriptions/" + subscriptionId + "/events").then().statusCode(200)
                .body("items[0].type", equalTo("SubscriptionCreated")).extract().jsonPath();
    }

    /** Starts {@code parallel} copies of {@code request} at the same moment; their HTTP statuses (D9/R-M3 races). */
    public static List<Integer> race(int parallel, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
