package com.example.shop.domains.catalog.model;

import jakarta.persistence.*;

import java.math.BigDecimal;

@Entity
@Table(name = "products", uniqueConstraints = @UniqueConstraint(name = "uk_products_sku", columnNames = "sku"))
public class Product {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @Column(nullable = false, length = 40) String sku;
    @Column(nullable = false, length = 200) String name;
    @Column(nullable = false, precision = 10, scale = 2) BigDecimal price;
    @Column(nullable = false) boolean active;
    /** new since V1: the migration must add it */
    @Column(length = 2000) String description;
}
