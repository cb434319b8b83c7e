package dev.nce.notification.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Webhook signing secrets at rest (issue 15 item 3): AES-256-GCM under {@code nce.webhooks.secret-key} (env
 * NCE_WEBHOOKS_SECRET_KEY, any passphrase; its SHA-256 is the key), stored as {@code enc:v1:<base64 iv+ciphertext>}.
 * Rows written before encryption (plain text) are still read. Without a configured key a built-in development key is
 * used and a warning logged: production sets the key from a Kubernetes secret.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "nce.webhooks.secret-key")
    Optional<String> configuredKey;

    private SecretKey key;

    @PostConstruct
    void init() {
        String passphrase = configuredKey.filter(k -> !k.isBlank()).orElseGet(() -> {
            LOG.warn("nce.webhooks.secret-key is not set: webhook secrets are encrypted with the development key");
            return "nce-development-webhook-secret-key";
        });
        key = keyOf(passphrase);
    }

    static SecretKey keyOf(String passphrase) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    public String reveal(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored; // written before secrets were encrypted
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (was nce.webhooks.secret-key changed?)", e);
        }
    }
}
