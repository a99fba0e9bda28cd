package com.example.library;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A composite key: the admin lists it read-only and says so at start-up. */
@Entity
@AdminEntity(listDisplay = {"id", "label"}, searchFields = "label")
public class Shelf {

    @EmbeddedId
    private ShelfId id;

    private String label;

    protected Shelf() {
    }

    public Shelf(ShelfId id, String label) {
        this.id = id;
        this.label = label;
    }

    public ShelfId getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
