package com.example.b.domains.b.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Shelf {
    @Id
    private Long id;
    private int capacity;
}
