package dev.portcullis.demo.shop;

import dev.portcullis.admin.AdminLabel;

/** The shelf a book is sold from. */
public enum Genre {
    FICTION, MYSTERY, @AdminLabel("Science fiction") SCIFI, HISTORY, SCIENCE, CHILDREN
}
