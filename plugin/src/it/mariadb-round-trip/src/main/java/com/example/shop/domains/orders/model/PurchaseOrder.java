package com.example.shop.domains.orders.model;

import com.example.shop.domains.catalog.model.Product;
import jakarta.persistence.*;

import java.time.Instant;
import java.time.LocalDate;

/** new since V1: the migration must create its table, foreign key, index and enum check */
@Entity
@Table(name = "purchase_orders", indexes = @Index(name = "idx_purchase_orders_placed", columnList = "placedAt"))
public class PurchaseOrder {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @ManyToOne(optional = false) @JoinColumn(name = "product_id") Product product;
    @Column(nullable = false) int quantity;
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 10) OrderStatus status;
    @Column(nullable = false) Instant placedAt;
    LocalDate deliveryDate;
    @Version long version;
}
