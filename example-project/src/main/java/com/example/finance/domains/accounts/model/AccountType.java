package com.example.finance.domains.accounts.model;

public enum AccountType { CHECKING, SAVINGS, CREDIT_CARD, CASH, INVESTMENT }
