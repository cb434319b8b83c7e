package dev.nce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import dev.nce.stack.StackConfig;
import dev.nce.stack.demo.PlatformApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./nce bench api-latency [--requests N]}: a small sequential load against the running stack of {@code ./nce up}
 * measuring the latency of a purchase ({@code POST /v1/customers/{id}/subscriptions}, which includes the catalog price
 * quote) and of a seat increase ({@code PATCH /v1/subscriptions/{id}}), client side, after a warm-up. Prints p50/p99.
 */
public final class ApiLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        int requests = 300;
        int at = list.indexOf("--requests");
        if (at >= 0 && at + 1 < list.size()) {
            requests = Integer.parseInt(list.get(at + 1));
        }
        Stack stack = new Stack(StackConfig.local(StackConfig.findRoot(), null, false), System.out::println);
        PlatformApi api = new PlatformApi(stack);
        String offerId = "BENCHLAT:" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        ObjectNode offer = JSON.createObjectNode().put("offerId", offerId).put("name", "Latency Bench Suite")
                .put("productFamily", "Bench").put("renewable", true).put("midTermIncrease", true).put("trialAvailable", false)
                .putNull("capGroup");
        offer.putArray("plans").addObject().put("term", "P1Y").put("billing", "MONTHLY");
        offer.putArray("prices").addObject().put("effectiveFrom", "2020-01-01").put("currency", "USD").put("basePrice", "10.00");
        offer.putArray("upgradePaths");
        api.put(Service.CATALOG, "/v1/offers/" + offerId, offer).orThrow("PUT offer");
        String customerId = api.post(Service.SUBSCRIPTION, "/v1/customers", JSON.createObjectNode().put("name", "Latency Bench")
                .put("billingCurrency", "USD").put("contactEmail", "bench@latency.example")).orThrow("customer")
                .path("customerId").asText();

        int warmup = Math.min(30, requests / 5);
        List<String> subscriptions = new ArrayList<>();
        long[] purchase = new long[requests];
        for (int i = 0; i < warmup + requests; i++) {
            ObjectNode body = JSON.createObjectNode().put("offerId", offerId).put("term", "P1Y").put("billing", "MONTHLY").put("quantity", 1);
            long t0 = System.nanoTime();
            JsonNode sub = api.post(Service.SUBSCRIPTION, "/v1/customers/" + customerId + "/subscriptions", body).orThrow("purchase");
            long took = System.nanoTime() - t0;
            if (i >= warmup) {
                purchase[i - warmup] = took;
            }
            subscriptions.add(sub.path("subscriptionId").asText());
        }
        long[] patch = new long[requests];
        for (int i = 0; i < warmup + requests; i++) {
            String id = subscriptions.get(i % subscriptions.size());
            JsonNode current = api.get(Service.SUBSCRIPTION, "/v1/subscriptions/" + id).orThrow("get");
            ObjectNode body = JSON.createObjectNode().put("quantity", current.path("quantity").asInt() + 1);
            long t0 = System.nanoTime();
            api.patch(Service.SUBSCRIPTION, "/v1/subscriptions/" + id, body).orThrow("patch");
            long took = System.nanoTime() - t0;
            if (i >= warmup) {
                patch[i - warmup] = took;
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "api-latency: purchase p50 %.1f ms p99 %.1f ms max %.1f ms; PATCH quantity p50 %.1f ms p99 %.1f ms max %.1f ms (%d each, sequential, after %d warm-up)",
                ms(percentile(purchase, 50)), ms(percentile(purchase, 99)), ms(percentile(purchase, 100)),
                ms(percentile(patch, 50)), ms(percentile(patch, 99)), ms(percentile(patch, 100)), requests, warmup));
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) { return nanos / 1e6; }
}
