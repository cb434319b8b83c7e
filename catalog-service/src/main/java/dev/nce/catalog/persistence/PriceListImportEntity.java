package dev.nce.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One price-list upload (D22) with its report; the file is kept so that apply re-reads it. */
@Entity
@Table(name = "price_list_import")
public class PriceListImportEntity extends PanacheEntityBase {

    @Id
    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(name = "options_json", nullable = false)
    public String optionsJson;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content", nullable = false)
    public byte[] content;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "report_json")
    public String reportJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "applied_at")
    public Instant appliedAt;

    @Column(name = "applied_by")
    public String appliedBy;
}
