package com.example.petclinic;

import java.time.DayOfWeek;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/**
 * A vet's weekly shift at a clinic: a UUID id, an enum, the owning side of the vet's shifts, and appointments that
 * go with it ({@code CascadeType.REMOVE}, so deleting a vet removes two levels). The clinic reference has no cascade.
 */
@Entity
@Table(name = "shifts")
@AdminEntity(listDisplay = {"vet", "day", "clinic"}, listFilter = "day")
public class Shift {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @ManyToOne(optional = false)
    private Vet vet;

    @ManyToOne
    private Clinic clinic;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    private DayOfWeek day;

    @OneToMany(mappedBy = "shift", cascade = CascadeType.REMOVE)
    private Set<Appointment> appointments = new LinkedHashSet<>();

    public UUID getId() {
        return id;
    }

    public Vet getVet() {
        return vet;
    }

    public void setVet(Vet vet) {
        this.vet = vet;
    }

    public Clinic getClinic() {
        return clinic;
    }

    public void setClinic(Clinic clinic) {
        this.clinic = clinic;
    }

    public DayOfWeek getDay() {
        return day;
    }

    public void setDay(DayOfWeek day) {
        this.day = day;
    }

    public Set<Appointment> getAppointments() {
        return appointments;
    }

    public void setAppointments(Set<Appointment> appointments) {
        this.appointments = appointments;
    }
}
