package io.atrium.hub.audit;

import io.atrium.hub.persistence.EnumColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of a customer's personal data unmasked: who, which customer, through which interface, when. */
@Entity
@Table(name = "personal_data_read", indexes = @Index(name = "ix_personal_data_read_at", columnList = "read_at"))
public class PersonalDataRead {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 128)
    private String reader;

    @Column(name = "customer_id", nullable = false, length = 40)
    private String customerId;

    @Convert(converter = EnumColumns.ReadChannels.class)
    @Column(nullable = false, length = 8)
    private ReadChannel channel;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected PersonalDataRead() {
    }

    public PersonalDataRead(String reader, String customerId, ReadChannel channel, Instant readAt) {
        this.reader = reader;
        this.customerId = customerId;
        this.channel = channel;
        this.readAt = readAt;
    }

    public Long getId() { return id; }
    public String getReader() { return reader; }
    public String getCustomerId() { return customerId; }
    public ReadChannel getChannel() { return channel; }
    public Instant getReadAt() { return readAt; }
}
