package com.example.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library application that is not ours: its own package, its own entities, exposed to Portcullis only
 * through the public API. It proves the admin copes with shapes our demo does not have.
 */
@SpringBootApplication
public class LibraryApplication {
}
