package dev.portcullis.demo.shop;

public enum OrderStatus {
    NEW, PAID, SHIPPED, CANCELLED
}
