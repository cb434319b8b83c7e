package dev.nce.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 part 6: the signing key is a file mounted from a Secret ({@code file:/etc/...}) or the local stack's
 * {@code file:.nce/jwt/privateKey.pem}; smallrye's reader alone took classpath resources only, so every catalog call
 * of the local stack failed (503 catalog-unavailable) before this.
 */
class ServiceTokenKeyFileTest {

    @Test
    void a_file_location_a_plain_path_and_a_classpath_resource_all_give_the_rsa_key(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("privateKey.pem");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("testsupport/test-privateKey.pem")) {
            Files.write(pem, in.readAllBytes());
        }
        PrivateKey fromFileUrl = ServiceTokens.readKey("file:" + pem);
        PrivateKey fromPath = ServiceTokens.readKey(pem.toString());
        PrivateKey fromClasspath = ServiceTokens.readKey("testsupport/test-privateKey.pem");
        assertThat(fromFileUrl.getAlgorithm()).isEqualTo("RSA");
        assertThat(fromFileUrl.getEncoded()).isEqualTo(fromClasspath.getEncoded()).isEqualTo(fromPath.getEncoded());
    }
}
