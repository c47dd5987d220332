package com.example.a.domains.a.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Author {
    @Id
    private Long id;
    private String name;
}
