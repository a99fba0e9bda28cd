package com.example.petclinic;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Cat, dog, ...: referenced by pets without any cascade. */
@Entity
@Table(name = "types")
@AdminEntity
public class PetType extends NamedEntity {
}
