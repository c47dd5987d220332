package com.example.b.extra;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Outside the model's packages: part of the model only where the build names it. */
@Entity
public class Note {
    @Id
    private Long id;
    private String text;
}
