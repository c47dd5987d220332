package com.example.finance.domains.budgets.model;

import com.example.finance.domains.shared.model.Auditable;
import com.example.finance.domains.users.model.User;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "budgets")
public class Budget extends Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @Column(nullable = false, length = 100)
    private String name;

    @Embedded
    private BudgetPeriod period;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal limitAmount;

    @OneToMany(mappedBy = "budget", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<BudgetLine> lines = new ArrayList<>();

    protected Budget() {
    }

    public Budget(User user, String name, BudgetPeriod period, BigDecimal limitAmount) {
        this.user = user;
        this.name = name;
        this.period = period;
        this.limitAmount = limitAmount;
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public String getName() { return name; }
    public BudgetPeriod getPeriod() { return period; }
    public BigDecimal getLimitAmount() { return limitAmount; }
    public List<BudgetLine> getLines() { return lines; }
}
