package com.example.library;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class ShelfId implements Serializable {

    @Column(length = 20)
    private String room;

    private int number;

    protected ShelfId() {
    }

    public ShelfId(String room, int number) {
        this.room = room;
        this.number = number;
    }

    public String getRoom() {
        return room;
    }

    public int getNumber() {
        return number;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShelfId id && id.number == number && Objects.equals(id.room, room);
    }

    @Override
    public int hashCode() {
        return Objects.hash(room, number);
    }

    @Override
    public String toString() {
        return room + "-" + number;
    }
}
