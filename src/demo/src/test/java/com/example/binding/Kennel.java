package com.example.binding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A one-way parent: Dog has no kennel attribute; skills are a getter-only set through a join table. */
@Entity
@AdminEntity(inlines = "dogs")
public class Kennel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kennel_seq")
    @SequenceGenerator(name = "kennel_seq", sequenceName = "kennel_seq", allocationSize = 1)
    private Long id;

    @Version
    private Integer version;

    @NotBlank
    @Size(max = 40)
    @Column(unique = true, length = 40)
    private String name;

    @ManyToMany
    @JoinTable(name = "kennel_skill", joinColumns = @JoinColumn(name = "kennel_id"),
            inverseJoinColumns = @JoinColumn(name = "skill_id"))
    private final Set<Skill> skills = new HashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "kennel_id")
    private final List<Dog> dogs = new ArrayList<>();

    protected Kennel() {
    }

    public Kennel(String name) {
        this.name = name;
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

    public Set<Skill> getSkills() {
        return skills;
    }

    public List<Dog> getDogs() {
        return dogs;
    }
}
