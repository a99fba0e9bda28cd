package com.example.petclinic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Set;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A vet: specialties through a join table it owns, with only a getter for the set (as Spring's petclinic has it);
 * spoken languages as an element collection; shifts mapped by the shift, removed with the vet.
 */
@Entity
@Table(name = "vets")
@AdminEntity(listDisplay = {"lastName", "firstName"}, searchFields = {"lastName", "firstName"})
public class Vet extends Person {

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
            inverseJoinColumns = @JoinColumn(name = "specialty_id"))
    private Set<Specialty> specialties;

    @ElementCollection
    @CollectionTable(name = "vet_languages", joinColumns = @JoinColumn(name = "vet_id"))
    @Column(name = "language")
    private Set<String> languages = new LinkedHashSet<>();

    @OneToMany(mappedBy = "vet", cascade = {CascadeType.PERSIST, CascadeType.REMOVE})
    private List<Shift> shifts = new ArrayList<>();

    public Set<Specialty> getSpecialties() {
        if (specialties == null) {
            specialties = new LinkedHashSet<>();
        }
        return specialties;
    }

    public void addSpecialty(Specialty specialty) {
        getSpecialties().add(specialty);
    }

    public Set<String> getLanguages() {
        return languages;
    }

    public void setLanguages(Set<String> languages) {
        this.languages = languages;
    }

    public List<Shift> getShifts() {
        return shifts;
    }

    public void setShifts(List<Shift> shifts) {
        this.shifts = shifts;
    }
}
