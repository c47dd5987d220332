package com.example.finance.domains.accounts.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bank or broker that holds accounts. */
@Entity
@Table(name = "institutions")
public class Institution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 150)
    private String name;

    @Column(length = 11)
    private String bic;

    protected Institution() {
    }

    public Institution(String name, String bic) {
        this.name = name;
        this.bic = bic;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getBic() { return bic; }
}
