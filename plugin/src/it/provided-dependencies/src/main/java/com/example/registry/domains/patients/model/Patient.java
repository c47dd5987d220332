package com.example.registry.domains.patients.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

@Entity
public class Patient {

    // runs when Hibernate loads the class: commons-logging must be on the classpath the model is built with
    private static final Log LOG = LogFactory.getLog(Patient.class);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 120)
    String name;

    String ward;
}
