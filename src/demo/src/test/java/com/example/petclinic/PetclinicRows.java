package com.example.petclinic;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.persistence.EntityManager;

/** What the petclinic tests count and create: every table of the model, and an owner with pets and visits. */
public final class PetclinicRows {

    /** Every table of the petclinic model, join and element-collection tables included. */
    public static final List<String> TABLES = List.of("owners", "pets", "visits", "types", "vets", "specialties",
            "vet_specialties", "vet_languages", "clinics", "rooms", "clinic_rooms", "room_equipment", "shifts",
            "appointments");

    private PetclinicRows() {
    }

    /** The number of rows in each of these tables, in their order. */
    public static Map<String, Long> counts(JdbcTemplate jdbc, List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }

    /** Persists an owner "Jean {lastName}" with {@code pets} pets of {@code visitsEach} visits each. */
    static Owner owner(EntityManager em, String lastName, int pets, int visitsEach) {
        Owner owner = new Owner();
        owner.setFirstName("Jean");
        owner.setLastName(lastName);
        owner.getAddress().setCity("Madison");
        for (int p = 1; p <= pets; p++) {
            Pet pet = new Pet();
            pet.setName("Pet " + lastName + " " + p);
            pet.setBirthDate(LocalDate.of(2020, 1, p));
            for (int v = 1; v <= visitsEach; v++) {
                Visit visit = new Visit();
                visit.setDate(LocalDate.of(2024, p, v));
                visit.setDescription("check-up " + v);
                pet.addVisit(visit);
            }
            owner.addPet(pet);
        }
        em.persist(owner);
        return owner;
    }
}
