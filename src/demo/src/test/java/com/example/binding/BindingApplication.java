package com.example.binding;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entities written the way people write them, not the way the admin would like them: getter-only collections,
 * one-way parents, every value type a form has to cope with, and attributes the form cannot fill.
 */
@SpringBootApplication
public class BindingApplication {
}
