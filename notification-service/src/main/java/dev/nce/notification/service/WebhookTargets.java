package dev.nce.notification.service;

import dev.nce.notification.domain.WebhookTargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook target policy with this deployment's setting (issue 15 item 3): {@code nce.webhooks.allow-private-targets}
 * (env NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS) is false by default and true only for the local stack and tests, whose
 * receivers listen on localhost over http.
 */
@ApplicationScoped
public class WebhookTargets {

    @ConfigProperty(name = "nce.webhooks.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    /** 400 on field url unless the target is allowed now (registration and each delivery). */
    public void require(URI uri) {
        policy().require(uri);
    }

    WebhookTargetPolicy policy() {
        return new WebhookTargetPolicy(allowPrivateTargets, InetAddress::getAllByName);
    }
}
