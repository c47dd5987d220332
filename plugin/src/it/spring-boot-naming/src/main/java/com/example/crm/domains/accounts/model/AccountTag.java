package com.example.crm.domains.accounts.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class AccountTag {

    @Id
    Long id;

    String tagLabel;
}
