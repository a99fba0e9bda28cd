package com.example.petclinic;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

/** An owner's address, embedded in the owner's row. */
@Embeddable
public class Address {

    @Size(max = 255)
    private String street;

    @Size(max = 80)
    private String city;

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }
}
