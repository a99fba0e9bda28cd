package com.example.petclinic;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A petclinic-shaped application written the way people write JPA models: a mapped superclass hierarchy, one-way
 * {@code @OneToMany @JoinColumn} parents with cascades, a many-to-many with only a getter, a UUID id, an embedded
 * address, a {@code @Lob}, enums and {@code LocalTime}. It reaches Portcullis only through {@code @AdminEntity}.
 */
@SpringBootApplication
public class PetclinicApplication {
}
