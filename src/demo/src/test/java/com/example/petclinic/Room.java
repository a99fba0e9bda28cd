package com.example.petclinic;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A treatment room of a clinic (linked through clinic_rooms), with its equipment as an element collection. */
@Entity
@Table(name = "rooms")
@AdminEntity
public class Room extends NamedEntity {

    @ElementCollection
    @CollectionTable(name = "room_equipment", joinColumns = @JoinColumn(name = "room_id"))
    @Column(name = "item")
    private Set<String> equipment = new LinkedHashSet<>();

    public Set<String> getEquipment() {
        return equipment;
    }

    public void setEquipment(Set<String> equipment) {
        this.equipment = equipment;
    }
}
