package com.example.petclinic;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;

/** Owns its pets through a one-way {@code @OneToMany @JoinColumn}: a pet does not know its owner. */
@Entity
@Table(name = "owners")
@AdminEntity(listDisplay = {"lastName", "firstName", "address.city", "telephone"},
        searchFields = {"lastName", "firstName"})
public class Owner extends Person {

    @Embedded
    private Address address = new Address();

    @Pattern(regexp = "\\d{0,10}")
    private String telephone;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_id")
    @OrderBy("name")
    private final List<Pet> pets = new ArrayList<>();

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public String getTelephone() {
        return telephone;
    }

    public void setTelephone(String telephone) {
        this.telephone = telephone;
    }

    public List<Pet> getPets() {
        return pets;
    }

    public void addPet(Pet pet) {
        pets.add(pet);
    }
}
