package dev.nce.billing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice header (read side; workers insert invoices in bulk through {@link InvoiceWriter}). */
@Entity
@Table(name = "invoice")
public class InvoiceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "invoice_seq")
    public Integer invoiceSeq;

    @Column(name = "customer_id")
    public String customerId;

    public String period;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    public String currency;

    public BigDecimal subtotal;

    public BigDecimal total;

    @Column(name = "line_count")
    public int lineCount;

    @Column(name = "run_id")
    public UUID runId;

    public int attempt;
}
