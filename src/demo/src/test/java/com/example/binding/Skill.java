package com.example.binding;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Has neither toString nor a name-like attribute: labelled "Skill #3". */
@Entity
@AdminEntity
public class Skill {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String trick;

    protected Skill() {
    }

    public Skill(String trick) {
        this.trick = trick;
    }

    public Long getId() {
        return id;
    }

    public String getTrick() {
        return trick;
    }
}
