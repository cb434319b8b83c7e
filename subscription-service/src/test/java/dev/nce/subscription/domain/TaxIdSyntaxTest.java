package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.subscription.domain.TaxIdSyntax.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 18, API.md "Customers": tax id syntax checks (EU VAT per member state, ABN checksum, the others by pattern). */
class TaxIdSyntaxTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "EU_VAT, DE123456789, DE123456789",
            "EU_VAT, de 123 456 789, DE123456789",
            "EU_VAT, FR40303265045, FR40303265045",
            "EU_VAT, ATU12345678, ATU12345678",
            "EU_VAT, NL123456789B01, NL123456789B01",
            "EU_VAT, EL123456789, EL123456789",
            "EU_VAT, ESX1234567X, ESX1234567X",
            "EU_VAT, IE1234567T, IE1234567T",
            "EU_VAT, SE123456789001, SE123456789001",
            "GB_VAT, GB123456789, GB123456789",
            "GB_VAT, 123456789, GB123456789",
            "AU_ABN, 51 824 753 556, 51824753556",
            "NZ_GST, 123-456-789, 123456789",
            "CA_GST, 123456789RT0001, 123456789RT0001",
            "US_EIN, 12-3456789, 123456789",
            "OTHER, CHE-123.456.788, CHE123456788"})
    void accepts_and_normalises(Type type, String raw, String normalised) {
        TaxIdSyntax.Result result = TaxIdSyntax.check(type, raw);
        assertThat(result.problem()).isNull();
        assertThat(result.normalised()).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} {1} refused")
    @CsvSource({
            "EU_VAT, DE12345678",      // DE has 9 digits
            "EU_VAT, DE1234567890",
            "EU_VAT, FRI0303265045",   // FR key excludes I and O
            "EU_VAT, ATX12345678",     // AT needs the U
            "EU_VAT, NL123456789C01",
            "EU_VAT, GR123456789",     // Greece's VAT prefix is EL
            "EU_VAT, US123456789",     // not a member state
            "EU_VAT, SE123456789002",
            "GB_VAT, GB12345",
            "AU_ABN, 51 824 753 557",  // checksum off by one
            "AU_ABN, 5182475355",      // 10 digits
            "NZ_GST, 1234567",
            "CA_GST, 123456789RC0001",
            "US_EIN, 12-345678",
            "OTHER, X"})
    void refuses(Type type, String raw) {
        TaxIdSyntax.Result result = TaxIdSyntax.check(type, raw);
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isNotBlank();
    }

    @Test
    void abn_checksum_is_modulus_89_after_subtracting_one_from_the_first_digit() {
        // ABR worked example 51 824 753 556: (5-1)x10 + 1x1 + 8x3 + 2x5 + 4x7 + 7x9 + 5x11 + 3x13 + 5x15 + 5x17 + 6x19 = 534 = 6 x 89
        assertThat(TaxIdSyntax.abn("51824753556").valid()).isTrue();
        assertThat(TaxIdSyntax.abn("61824753556").valid()).isFalse();
    }

    @Test
    void the_member_state_of_an_eu_vat_number_is_its_prefix_with_EL_for_greece() {
        assertThat(TaxIdSyntax.euVatCountry("FR40303265045")).contains("FR");
        assertThat(TaxIdSyntax.euVatCountry("EL123456789")).contains("GR");
        assertThat(TaxIdSyntax.euVatCountry("GB123456789")).isEmpty();
    }
}
