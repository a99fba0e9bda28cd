package com.example.petclinic;

import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;

/** Owners and vets. No {@code toString()}: the admin has to find a label itself. */
@MappedSuperclass
public class Person extends BaseEntity {

    @NotBlank
    private String firstName;

    @NotBlank
    private String lastName;

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }
}
