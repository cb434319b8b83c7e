package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 3: a customer token registered http://127.0.0.1:5432/, http://localhost:8083/v1/invoice-runs, link-local,
 * private and encoded addresses (127.1, 2130706433) as webhook endpoints. Only https to public addresses is allowed
 * unless nce.webhooks.allow-private-targets is set (local stack, tests).
 */
class WebhookTargetPolicyDefectTest {

    /** A DNS table: names resolve as listed, literals as themselves, anything else is unknown. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        Map<String, String> dns = Map.of("hooks.example.com", "93.184.216.34", "localhost", "127.0.0.1",
                "rebind.example.com", "10.0.0.7", "metadata.example.com", "169.254.169.254");
        if (dns.containsKey(host)) {
            return new InetAddress[] {InetAddress.getByName(dns.get(host))};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    static final WebhookTargetPolicy STRICT = new WebhookTargetPolicy(false, WebhookTargetPolicyDefectTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5432/", "https://127.0.0.1:5432/", "https://localhost:8083/v1/invoice-runs",
            "https://127.0.0.1:8082/admin/clock/advance", "https://127.1/", "https://2130706433/", "https://0x7f.1/",
            "https://017700000001/", "https://169.254.169.254/latest/meta-data", "https://metadata.example.com/",
            "https://10.0.0.5/", "https://172.16.1.1/", "https://192.168.1.1/", "https://100.64.0.1/",
            "https://0.0.0.0/", "https://[::1]/", "https://[fe80::1]/", "https://[fd12:3456::1]/", "https://224.0.0.1/",
            "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://rebind.example.com/hook",
            "http://hooks.example.com/nce", "https://no-such-host.invalid/"})
    void internal_encoded_or_non_https_targets_are_refused_naming_url(String url) {
        assertThatThrownBy(() -> STRICT.require(URI.create(url))).isInstanceOf(RuleViolation.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RuleViolation) e).details())
                        .containsEntry("field", "url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/nce", "https://93.184.216.34/hook", "https://8.8.8.8:8443/x"})
    void public_https_targets_are_allowed(String url) {
        assertThatCode(() -> STRICT.require(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18080/hook", "http://localhost:8084/x"})
    void the_local_stack_setting_allows_private_http_targets(String url) {
        assertThatCode(() -> new WebhookTargetPolicy(true, WebhookTargetPolicyDefectTest::resolve).require(URI.create(url)))
                .doesNotThrowAnyException();
    }
}
