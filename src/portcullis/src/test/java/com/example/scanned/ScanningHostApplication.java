package com.example.scanned;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A host that chooses its own scans: {@code @EntityScan} and {@code @EnableJpaRepositories} on a package of its own,
 * which switch off Spring Boot's scans of the auto-configuration packages. Portcullis must keep working beside it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EntityScan("com.example.scanned.model")
@EnableJpaRepositories("com.example.scanned.model")
public class ScanningHostApplication {
}
