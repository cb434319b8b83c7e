package dev.nce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanAndMoneyTest {

    @ParameterizedTest(name = "R-A2 {0}/{1} valid={2}")
    @CsvSource({
            "P1M, MONTHLY, true", "P1M, ANNUAL, false", "P1M, TRIENNIAL, false",
            "P1Y, MONTHLY, true", "P1Y, ANNUAL, true", "P1Y, TRIENNIAL, false",
            "P3Y, MONTHLY, true", "P3Y, ANNUAL, true", "P3Y, TRIENNIAL, true"
    })
    void r_a2_plan_matrix(Term term, BillingFrequency billing, boolean valid) {
        assertThat(Plan.of(term, billing).isEverValid()).isEqualTo(valid);
    }

    @Test
    void r_a2_upfront_means_annual_or_triennial_billing() {
        assertThat(Plan.of(Term.P1M, BillingFrequency.MONTHLY).isUpfront()).isFalse();
        assertThat(Plan.of(Term.P3Y, BillingFrequency.ANNUAL).isUpfront()).isTrue();
    }

    /** D13: minor units from java.util.Currency; JPY and KRW have none. */
    @Test
    void d13_minor_units() {
        assertThat(Money.minorUnits("USD")).isEqualTo(2);
        assertThat(Money.minorUnits("AUD")).isEqualTo(2);
        assertThat(Money.minorUnits("JPY")).isZero();
        assertThat(Money.minorUnits("KRW")).isZero();
        assertThat(Money.roundTo(new BigDecimal("4321.5"), "JPY", RoundingMode.HALF_UP)).isEqualByComparingTo("4322");
        assertThat(Money.roundTo(new BigDecimal("5.161290"), "AUD", RoundingMode.UP)).isEqualTo(new BigDecimal("5.17"));
        assertThat(Money.isCurrency("EUR")).isTrue();
        assertThat(Money.isCurrency("XYZ1")).isFalse();
    }

    @Test
    void error_codes_map_to_api_statuses() {
        assertThat(ErrorCode.status(ErrorCode.CANCELLATION_WINDOW_CLOSED)).isEqualTo(409);
        assertThat(ErrorCode.status(ErrorCode.PLAN_NOT_AVAILABLE)).isEqualTo(422);
        assertThat(ErrorCode.status(ErrorCode.CATALOG_UNAVAILABLE)).isEqualTo(503);
        assertThat(ErrorCode.status(ErrorCode.VALIDATION_FAILED)).isEqualTo(400);
    }

    /** Known murmur2 vectors of Kafka's default partitioner (Utils.murmur2 on the UTF-8 bytes). */
    @Test
    void partitioner_matches_kafka_murmur2() {
        assertThat(Topics.murmur2("21".getBytes())).isEqualTo(-973932308);
        assertThat(Topics.murmur2("foobar".getBytes())).isEqualTo(-790332482);
        assertThat(Topics.murmur2("a-little-bit-long-string".getBytes())).isEqualTo(-985981536);
        assertThat(Topics.partitionFor("21", 12)).isBetween(0, 11);
    }
}
