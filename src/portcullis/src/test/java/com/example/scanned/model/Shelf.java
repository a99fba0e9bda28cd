package com.example.scanned.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The scanning host's own entity. */
@Entity
public class Shelf {

    @Id
    @GeneratedValue
    private Long id;

    private String label;

    protected Shelf() {
    }

    public Shelf(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
