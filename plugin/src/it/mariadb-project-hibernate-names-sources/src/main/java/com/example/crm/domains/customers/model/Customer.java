package com.example.crm.domains.customers.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cascade;
import org.hibernate.annotations.CascadeType;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 120)
    String name;

    @Column(length = 200)
    String email;

    // Hibernate 6 style, common in applications of its time; Hibernate 7 has no SAVE_UPDATE any more
    @OneToMany(mappedBy = "customer")
    @Cascade(CascadeType.SAVE_UPDATE)
    List<CustomerOrder> orders = new ArrayList<>();
}
