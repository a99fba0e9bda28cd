package com.example.petclinic;

/** What a clinic treats. */
public enum ClinicKind {
    SMALL_ANIMALS, EXOTICS, EQUINE
}
