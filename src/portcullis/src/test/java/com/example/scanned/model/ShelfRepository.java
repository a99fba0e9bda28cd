package com.example.scanned.model;

import org.springframework.data.jpa.repository.JpaRepository;

/** The scanning host's own Spring Data repository. */
public interface ShelfRepository extends JpaRepository<Shelf, Long> {
}
