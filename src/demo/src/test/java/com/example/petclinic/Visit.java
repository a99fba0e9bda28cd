package com.example.petclinic;

import java.time.LocalDate;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/** A visit of a pet. Neither a name nor a {@code toString()}: labelled "Visit #id" by the admin. */
@Entity
@Table(name = "visits")
@AdminEntity(listDisplay = {"date", "description"}, searchFields = "description")
public class Visit extends BaseEntity {

    @Column(name = "visit_date")
    private LocalDate date;

    @NotBlank
    private String description;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
