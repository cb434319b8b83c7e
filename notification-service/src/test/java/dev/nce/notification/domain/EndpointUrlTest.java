package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/nce", "http://127.0.0.1:8099/hook?x=1", "HTTPS://EXAMPLE.COM"})
    void absolute_http_and_https_urls_are_accepted(String url) {
        assertThat(EndpointUrl.validate(url).getHost()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/x", "/relative/path", "example.com/hook", "https://", "https://user:pw@example.com/x",
            "https://example.com/x#frag", "https://exa mple.com/", "javascript:alert(1)", "mailto:a@b.c"})
    void other_urls_are_400_validation_failed_on_field_url(String url) {
        assertThatThrownBy(() -> EndpointUrl.validate(url)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo("validation-failed");
            assertThat(v.details()).containsEntry("field", "url");
        });
    }
}
