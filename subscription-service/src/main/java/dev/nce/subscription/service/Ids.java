package dev.nce.subscription.service;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7 layout: wall-clock milliseconds, then a per-JVM counter, then random bits), so ids
 * created at one simulated instant still list in creation order ("by createdAt, then id").
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private Ids() {}

    public static synchronized String next() {
        long millis = System.currentTimeMillis();
        if (millis <= lastMillis) {
            counter++;
            if (counter > 0xFFF) {
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
        } else {
            lastMillis = millis;
            counter = 0;
        }
        long high = (millis << 16) | 0x7000L | counter;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** API.md: a path id that is not a well-formed id is 404. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
