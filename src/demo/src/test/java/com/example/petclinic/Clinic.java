package com.example.petclinic;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/**
 * A clinic with opening hours ({@code LocalTime}), directions as a {@code @Lob}, an enum, and rooms owned one way
 * through a join table with {@code CascadeType.REMOVE}.
 */
@Entity
@Table(name = "clinics")
@AdminEntity(listDisplay = {"name", "kind", "opensAt", "closesAt"}, searchFields = "name", listFilter = "kind")
public class Clinic extends NamedEntity {

    @NotNull
    private LocalTime opensAt;

    @NotNull
    private LocalTime closesAt;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ClinicKind kind = ClinicKind.SMALL_ANIMALS;

    // "text" as people write it for PostgreSQL, where a bare @Lob String would need an oid column.
    @Lob
    @Column(columnDefinition = "text")
    private String directions;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinTable(name = "clinic_rooms", joinColumns = @JoinColumn(name = "clinic_id"),
            inverseJoinColumns = @JoinColumn(name = "room_id"))
    private List<Room> rooms = new ArrayList<>();

    public LocalTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalTime closesAt) {
        this.closesAt = closesAt;
    }

    public ClinicKind getKind() {
        return kind;
    }

    public void setKind(ClinicKind kind) {
        this.kind = kind;
    }

    public String getDirections() {
        return directions;
    }

    public void setDirections(String directions) {
        this.directions = directions;
    }

    public List<Room> getRooms() {
        return rooms;
    }

    public void setRooms(List<Room> rooms) {
        this.rooms = rooms;
    }
}
