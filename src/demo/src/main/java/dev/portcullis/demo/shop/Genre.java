package dev.portcullis.demo.shop;

/** The shelf a book is sold from. */
public enum Genre {
    FICTION, MYSTERY, SCIFI, HISTORY, SCIENCE, CHILDREN
}
