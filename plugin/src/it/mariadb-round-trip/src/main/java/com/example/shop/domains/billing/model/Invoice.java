package com.example.shop.domains.billing.model;

import com.example.shop.domains.orders.model.PurchaseOrder;
import jakarta.persistence.*;

import java.math.BigDecimal;

/** Left out of steps 1 to 4 (profile first-release); step 5 generates its migration on the MariaDB server. */
@Entity
@Table(name = "invoices")
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_numbers")
    @SequenceGenerator(name = "invoice_numbers", sequenceName = "invoice_numbers", allocationSize = 20)
    Long id;
    @OneToOne(optional = false) @JoinColumn(name = "order_id", unique = true) PurchaseOrder order;
    @Column(nullable = false, precision = 12, scale = 2) BigDecimal total;
}
