package dev.portcullis.admin.data.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's saved list state (search, filters, order) for one entity, under a name; see {@link SavedFilters}. */
@Entity
@Table(name = "portcullis_saved_filter")
public class SavedListFilter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 150)
    private String username;

    /** The entity's slug. */
    @Column(nullable = false, length = 100)
    private String entity;

    @Column(nullable = false, length = 100)
    private String name;

    /** The list's URL query string without the page ("q=lantern&genre=SCIFI&o=-publishedOn"). */
    @Column(name = "list_state", nullable = false, length = 2000)
    private String listState;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SavedListFilter() {
    }

    SavedListFilter(String username, String entity, String name, String listState, Instant createdAt) {
        this.username = username;
        this.entity = entity;
        this.name = name;
        this.listState = listState;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String listState() {
        return listState;
    }

    void replace(String listState, Instant at) {
        this.listState = listState;
        this.createdAt = at;
    }

    @Override
    public String toString() {
        return name;
    }
}
