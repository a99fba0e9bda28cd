package com.example.library;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;

/** An embedded address, a many-to-many relation and a UUID card number. */
@Entity
@AdminEntity(listDisplay = {"name", "address.city", "joinedOn"}, searchFields = {"name", "address.city"},
        listFilter = "joinedOn", autocompleteFields = "favouriteCategories")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotBlank
    private String name;

    private UUID cardNumber = UUID.randomUUID();

    private LocalDate joinedOn;

    @Embedded
    private Address address = new Address();

    @ManyToMany
    @JoinTable(name = "member_category")
    private Set<Category> favouriteCategories = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getCardNumber() {
        return cardNumber;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public void setJoinedOn(LocalDate joinedOn) {
        this.joinedOn = joinedOn;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public Set<Category> getFavouriteCategories() {
        return favouriteCategories;
    }

    public void setFavouriteCategories(Set<Category> favouriteCategories) {
        this.favouriteCategories = favouriteCategories;
    }

    @Override
    public String toString() {
        return name;
    }
}
