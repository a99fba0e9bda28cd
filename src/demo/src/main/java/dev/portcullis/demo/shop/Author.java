package dev.portcullis.demo.shop;

import jakarta.persistence.Column;
import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@AdminEntity(listDisplay = {"name", "email", "country"}, searchFields = {"name", "email"},
        ordering = "name", icon = "vaadin:user", menuOrder = 20)
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotBlank
    @Size(max = 150)
    @Column(nullable = false, length = 150)
    private String name;

    @Email
    @Size(max = 254)
    private String email;

    /** ISO 3166-1 alpha-2 code, e.g. "GB". */
    @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as GB")
    @Column(length = 2)
    private String country;

    protected Author() {
    }

    public Author(String name, String email, String country) {
        this.name = name;
        this.email = email;
        this.country = country;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    @Override
    public String toString() {
        return name;
    }
}
