package com.example.finance.domains.transactions.model;

import com.example.finance.domains.accounts.model.Account;
import com.example.finance.domains.shared.model.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "transactions",
        indexes = @Index(name = "idx_transactions_account_booked", columnList = "account_id, booked_on"))
public class Transaction extends Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @ManyToOne
    private Category category;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private LocalDate bookedOn;

    @Column(length = 500)
    private String description;

    @Enumerated(EnumType.ORDINAL)
    @Column(nullable = false)
    private TransactionKind kind;

    @ManyToMany
    @JoinTable(name = "transaction_tags",
            joinColumns = @JoinColumn(name = "transaction_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    protected Transaction() {
    }

    public Transaction(Account account, BigDecimal amount, LocalDate bookedOn, TransactionKind kind) {
        this.account = account;
        this.amount = amount;
        this.bookedOn = bookedOn;
        this.kind = kind;
    }

    public Long getId() { return id; }
    public Account getAccount() { return account; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public BigDecimal getAmount() { return amount; }
    public LocalDate getBookedOn() { return bookedOn; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public TransactionKind getKind() { return kind; }
    public Set<Tag> getTags() { return tags; }
}
