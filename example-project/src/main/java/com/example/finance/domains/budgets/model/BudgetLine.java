package com.example.finance.domains.budgets.model;

import com.example.finance.domains.transactions.model.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;

/** How much of a budget is planned for one category. */
@Entity
@Table(name = "budget_lines",
        uniqueConstraints = @UniqueConstraint(name = "uk_budget_lines_budget_category",
                columnNames = {"budget_id", "category_id"}))
public class BudgetLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "budget_id", nullable = false)
    private Budget budget;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private Category category;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal plannedAmount;

    protected BudgetLine() {
    }

    public BudgetLine(Budget budget, Category category, BigDecimal plannedAmount) {
        this.budget = budget;
        this.category = category;
        this.plannedAmount = plannedAmount;
    }

    public Long getId() { return id; }
    public Budget getBudget() { return budget; }
    public Category getCategory() { return category; }
    public BigDecimal getPlannedAmount() { return plannedAmount; }
}
