package dev.portcullis.admin;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;

/**
 * Adds a feature's own JPA entities to the application's persistence unit, beside whatever the application scans.
 * This replaces {@code @AutoConfigurationPackage}, which put the framework's packages into the application's entity,
 * repository and route scans, and which an application with its own {@code @EntityScan} lost altogether. Each
 * feature's auto-configuration declares one bean of this type with its entity classes.
 *
 * <p>An application that builds its {@code EntityManagerFactory} without Spring Boot's
 * {@link EntityManagerFactoryBuilder} must list these classes itself ({@link #classNames()}).
 */
public final class PortcullisEntities implements EntityManagerFactoryBuilderCustomizer {

    private final List<String> classNames;

    private PortcullisEntities(List<String> classNames) {
        this.classNames = classNames;
    }

    /** The given entity classes, to be managed by the application's persistence unit. */
    public static PortcullisEntities of(Class<?>... entities) {
        return new PortcullisEntities(Arrays.stream(entities).map(Class::getName).toList());
    }

    /** The fully qualified names of the entity classes this bean registers. */
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public void customize(EntityManagerFactoryBuilder builder) {
        builder.addPersistenceUnitPostProcessors(unit -> {
            for (String name : classNames) {
                // The application may scan a package that holds them too (the demo does): list each class once.
                if (!unit.getManagedClassNames().contains(name)) {
                    unit.addManagedClassName(name);
                }
            }
        });
    }
}
