package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;

/**
 * The request's {@code If-Match} on a subscription (API.md Conventions, issue 15 item 5): checked against the version
 * read under the row locks, so of two read-modify-write clients holding the same ETag only the first applies; the
 * other gets 412 precondition-failed. Without If-Match (or with {@code *}) nothing is checked.
 */
@RequestScoped
public class Preconditions {

    private String subscriptionId;
    private String ifMatch;

    public void expect(String subscriptionId, String ifMatch) {
        this.subscriptionId = subscriptionId;
        this.ifMatch = ifMatch;
    }

    /** Strong ETag of a version: {@code "7"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match value names, or -1 when it names none (a weak or malformed tag never matches). */
    static long version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.length() < 3 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return -1;
        }
        try {
            return Long.parseLong(value.substring(1, value.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Throws 412 when this request's If-Match is about {@code id} and names another version than {@code current}. */
    static void check(String id, long current) {
        if (!Arc.container().requestContext().isActive()) {
            return; // due work: no request, no precondition
        }
        // through the client proxy's methods: a field read on the proxy would see the proxy's own empty fields
        Arc.container().instance(Preconditions.class).get().require(id, current);
    }

    void require(String id, long current) {
        if (ifMatch == null || !id.equals(subscriptionId)) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals("*") || version(tag) == current) {
                return;
            }
        }
        throw new RuleViolation(ErrorCode.PRECONDITION_FAILED, null, "subscription " + id + " is at version "
                + current + ", not the one If-Match names (" + ifMatch.trim() + "); read it again");
    }
}
