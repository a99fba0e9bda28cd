package com.example.petclinic;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Radiology, surgery, ...: used by vets through the join table vet_specialties, which the vet owns. */
@Entity
@Table(name = "specialties")
@AdminEntity(pluralLabel = "Specialties")
public class Specialty extends NamedEntity {
}
