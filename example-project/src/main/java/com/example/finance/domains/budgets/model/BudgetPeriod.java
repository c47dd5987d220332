package com.example.finance.domains.budgets.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

@Embeddable
public class BudgetPeriod {

    @Column(nullable = false)
    private LocalDate startsOn;

    @Column(nullable = false)
    private LocalDate endsOn;

    protected BudgetPeriod() {
    }

    public BudgetPeriod(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("A budget period ends after it starts");
        }
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
}
