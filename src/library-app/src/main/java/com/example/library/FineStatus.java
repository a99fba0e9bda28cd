package com.example.library;

public enum FineStatus {
    OPEN, PAID, WAIVED
}
