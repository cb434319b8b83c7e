package dev.nce.notification.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered webhook endpoint; a removed one is kept (deletedAt) so its delivery rows still name it. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpointEntity extends PanacheEntityBase {
    @Id
    @Column(name = "endpoint_id")
    public UUID endpointId;
    @Column(name = "customer_id")
    public String customerId;
    public String url;
    public String secret;
    public String kinds;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_seq", insertable = false, updatable = false)
    public Long createdSeq;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
