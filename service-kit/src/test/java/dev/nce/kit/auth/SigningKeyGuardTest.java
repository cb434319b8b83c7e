package dev.nce.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 item 5: the production profile refuses development signing keys; other profiles and real keys pass. */
class SigningKeyGuardTest {

    static String testKey() throws Exception {
        try (InputStream in = SigningKeyGuardTest.class.getClassLoader()
                .getResourceAsStream("testsupport/test-publicKey.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void the_committed_test_key_is_refused_in_prod_only() throws Exception {
        assertThat(SigningKeyGuard.refusal(List.of("prod"), "classpath:keys/public.pem", testKey()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("test signing key"));
        assertThat(SigningKeyGuard.refusal(List.of("test"), "testsupport/test-publicKey.pem", testKey())).isEmpty();
        assertThat(SigningKeyGuard.refusal(List.of("dev"), "testsupport/test-publicKey.pem", testKey())).isEmpty();
    }

    @Test
    void the_local_stack_key_location_is_refused_in_prod() {
        assertThat(SigningKeyGuard.refusal(List.of("prod"), "file:.nce/jwt/publicKey.pem", null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("development signing key"));
        assertThat(SigningKeyGuard.refusal(List.of("worker"), "file:/home/x/.nce/jwt/publicKey.pem", null))
                .isPresent();
    }

    @Test
    void another_key_passes_in_prod() throws Exception {
        String other = testKey().replace('A', 'B');
        assertThat(SigningKeyGuard.refusal(List.of("prod"), "file:/etc/nce/jwt-public.pem", other)).isEmpty();
        assertThat(SigningKeyGuard.fingerprint(testKey())).isEqualTo(SigningKeyGuard.TEST_KEY_SHA256);
    }
}
