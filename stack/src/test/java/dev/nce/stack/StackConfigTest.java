package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    private final Path root = Path.of("/repo");

    @Test
    void localStackUsesTheConventionsPortsAndDatabases() {
        StackConfig c = StackConfig.local(root, null, false);
        assertEquals(Path.of("/repo/.nce"), c.base());
        assertEquals(8081, c.port(Service.CATALOG));
        assertEquals(8082, c.port(Service.SUBSCRIPTION));
        assertEquals(8083, c.port(Service.BILLING));
        assertEquals(8084, c.port(Service.NOTIFICATION));
        assertEquals("127.0.0.1:9092", c.bootstrapServers());
        assertEquals(9093, c.controllerPort());
        assertEquals(3025, c.smtpPort());
        assertEquals(new DbSpec("billing", "billing", "billing"), c.db(Service.BILLING));
        assertNull(c.clockStart());
        assertTrue(c.loadDemoCatalog());
    }

    @Test
    void e2eStackIsSeparateAndFresh() {
        StackConfig c = StackConfig.e2e(root);
        assertEquals(Path.of("/repo/e2e-tests/target/stack"), c.base());
        assertEquals(18081, c.port(Service.CATALOG));
        assertEquals(18084, c.port(Service.NOTIFICATION));
        assertEquals(19092, c.brokerPort());
        assertEquals(13025, c.smtpPort());
        assertEquals(new DbSpec("nce_e2e_subscription", "nce_e2e", "nce_e2e"), c.db(Service.SUBSCRIPTION));
        assertEquals("2022-01-01T00:00:00Z", c.clockStart());
        assertTrue(c.fresh());
        assertTrue(c.stopOnExit());
    }

    @Test
    void clockAcceptsADateOrAnInstant() {
        assertEquals("2023-03-01T00:00:00Z", StackConfig.normalizeClock("2023-03-01"));
        assertEquals("2023-03-01T10:15:00Z", StackConfig.normalizeClock("2023-03-01T10:15:00Z"));
        assertThrows(StackException.class, () -> StackConfig.normalizeClock("March"));
        assertTrue(StackConfig.todayUtc().endsWith("T00:00:00Z"));
    }

    @Test
    void serviceNamesParse() {
        assertEquals(Service.BILLING, Service.parse("billing").orElseThrow());
        assertEquals(Service.BILLING, Service.parse("billing-service").orElseThrow());
        assertTrue(Service.parse("broker").isEmpty());
    }
}
