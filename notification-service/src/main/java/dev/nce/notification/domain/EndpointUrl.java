package dev.nce.notification.domain;

import dev.nce.contracts.RuleViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A webhook endpoint URL must be an absolute http(s) URL with a host, without credentials or a fragment. */
public final class EndpointUrl {

    public static final int MAX_LENGTH = 2048;

    private EndpointUrl() {}

    public static URI validate(String url) {
        if (url == null || url.isBlank()) {
            throw RuleViolation.invalidField("url", "url is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw RuleViolation.invalidField("url", "url is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw RuleViolation.invalidField("url", "url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw RuleViolation.invalidField("url", "url must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw RuleViolation.invalidField("url", "url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw RuleViolation.invalidField("url", "url must not carry credentials; the signature authenticates");
        }
        if (uri.getRawFragment() != null) {
            throw RuleViolation.invalidField("url", "url must not have a fragment");
        }
        return uri;
    }
}
