package com.example.shop.domains.orders.model;

public enum OrderStatus { OPEN, PAID, SHIPPED }
