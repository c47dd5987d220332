package com.example.finance.domains.users.model;

public enum UserStatus { ACTIVE, SUSPENDED, CLOSED }
