package com.example.library.domains.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

@Entity
@Table(name = "audit_entries")
public class AuditEntry {

    // the application logs through the Log4j API; its runtime (not its build) brings the implementation
    private static final Logger LOG = LogManager.getLogger(AuditEntry.class);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 500)
    String message;

    void record() {
        LOG.info("audit: {}", message);
    }
}
