package com.example.library.domains.lending.model;

import com.example.library.domains.catalog.model.Book;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "loans")
public class Loan {

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    Book book;

    @Column(nullable = false)
    LocalDate dueOn;
}
