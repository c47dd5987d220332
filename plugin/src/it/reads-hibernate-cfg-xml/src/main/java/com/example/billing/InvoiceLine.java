package com.example.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;

@Entity
public class InvoiceLine {

    @Id
    Long id;

    @ManyToOne(optional = false)
    Invoice invoice;

    @Column(nullable = false, precision = 12, scale = 2)
    BigDecimal unitPrice;
}
