package com.example.petclinic;

import java.time.LocalTime;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/**
 * A booked slot in a shift for a pet. Removed with its shift; the pet reference has no cascade, so a pet with an
 * appointment (and its owner, who would take the pet along) cannot be deleted until the appointment is.
 */
@Entity
@Table(name = "appointments")
@AdminEntity(listDisplay = {"shift", "startsAt", "pet"})
public class Appointment extends BaseEntity {

    @NotNull
    @ManyToOne(optional = false)
    private Shift shift;

    @ManyToOne
    private Pet pet;

    @NotNull
    private LocalTime startsAt;

    public Shift getShift() {
        return shift;
    }

    public void setShift(Shift shift) {
        this.shift = shift;
    }

    public Pet getPet() {
        return pet;
    }

    public void setPet(Pet pet) {
        this.pet = pet;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalTime startsAt) {
        this.startsAt = startsAt;
    }
}
