package com.example.library.domains.catalog.model;

/** A value class, not an entity: the model packages hold no @Entity. */
public record Isbn(String value) {
}
