package dev.nce.billing.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A unit of invoice-run work on nce.billing.invoice-tasks.v1 (key = its first customerId): up to
 * {@code billing.task-size} customers of one key partition, in customerId order, for one attempt of a run.
 */
public record InvoiceTask(UUID runId, String period, int attempt, int taskNo, int partition, LocalDate issueDate,
                          List<String> customerIds) {}
