package com.example.library;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;

/** A subclass with an element collection of tags. */
@Entity
@DiscriminatorValue("BOOK")
@AdminEntity(label = "Library book", listDisplay = {"title", "author", "category", "replacementCost"},
        searchFields = {"title", "author", "category.name"}, listFilter = "category", slug = "library-book")
public class LibraryBook extends Item {

    private String author;

    @ElementCollection
    @CollectionTable(name = "library_book_tag", joinColumns = @JoinColumn(name = "book_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = tags;
    }
}
