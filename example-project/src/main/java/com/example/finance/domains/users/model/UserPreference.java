package com.example.finance.domains.users.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "user_preferences")
public class UserPreference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, unique = true)
    private User user;

    /** ISO 4217 code of the currency amounts are shown in. */
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private boolean weeklyDigest;

    protected UserPreference() {
    }

    public UserPreference(User user, String currency) {
        this.user = user;
        this.currency = currency;
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public String getCurrency() { return currency; }
    public boolean isWeeklyDigest() { return weeklyDigest; }
    public void setWeeklyDigest(boolean weeklyDigest) { this.weeklyDigest = weeklyDigest; }
}
