package dev.nce.notification.domain;

import dev.nce.contracts.RuleViolation;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a webhook may be delivered (issue 15 item 3, server-side request forgery): only https to public addresses.
 * Every address the host resolves to must be public: not loopback, unspecified, link-local (169.254.0.0/16,
 * fe80::/10), private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), unique-local (fc00::/7) or
 * multicast. Numeric hosts must be canonical dotted quads, so encoded forms ({@code 127.1}, {@code 2130706433},
 * {@code 0x7f.1}) never reach a resolver that would read them as loopback. Checked at registration and again before
 * each delivery (DNS can change). {@code allowPrivateTargets} (the local stack and tests) turns the policy off.
 */
public final class WebhookTargetPolicy {

    /** Resolves a host name to its addresses (the JDK resolver in production, a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$");

    private final boolean allowPrivateTargets;
    private final Resolver resolver;

    public WebhookTargetPolicy(boolean allowPrivateTargets, Resolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /** 400 validation-failed on {@code url} unless {@code uri} is an https URL whose host is public. */
    public void require(URI uri) {
        if (allowPrivateTargets) {
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw refused("url must be an https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw refused("url must name a host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (looksNumeric(bare) && !DOTTED_QUAD.matcher(bare).matches()) {
            throw refused("url host must be a DNS name or a canonical IPv4 address");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw refused("url host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused("url host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw refused("url must not point to a loopback, link-local, private, unique-local or multicast address");
            }
        }
    }

    /** A host made only of digits, dots and hex markers (0x7f.1, 2130706433, 127.1) is an IPv4 literal attempt. */
    private static boolean looksNumeric(String host) {
        String[] parts = host.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty() || !(part.matches("[0-9]+") || part.matches("0[xX][0-9a-fA-F]*"))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && first < 240; // 240.0.0.0/4 reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) { // fec0::/10 site-local (deprecated)
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static RuleViolation refused(String message) {
        return RuleViolation.invalidField("url", message);
    }
}
