package com.example.finance.domains.transactions.model;

public enum TransactionKind { DEBIT, CREDIT, TRANSFER }
