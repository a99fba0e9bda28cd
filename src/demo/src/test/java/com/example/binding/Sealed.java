package com.example.binding;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;

/** Attributes the form cannot fill: a required value of an unknown type, and binary data. */
@Entity
@AdminEntity
public class Sealed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @Convert(converter = Converters.ShadeText.class)
    private Converters.Shade shade;

    @Convert(converter = Converters.ShadeText.class)
    private Converters.Shade trim;

    private byte[] blob;

    protected Sealed() {
    }
}
