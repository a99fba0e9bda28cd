package dev.portcullis.admin.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.portcullis.admin.AdminEntity;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.ChecksFailedException;

import jakarta.persistence.metamodel.Metamodel;
import dev.portcullis.admin.model.internal.AdminModelResolver;
import dev.portcullis.admin.model.internal.AnnotatedModelAdmin;

/**
 * Every entity exposed in the admin, resolved once at start-up. Start-up fails with the {@code admin.E…}
 * messages when any registration is wrong; nothing is silently skipped.
 */
public final class AdminRegistry {

    private static final Logger log = LoggerFactory.getLogger(AdminRegistry.class);

    private final List<AdminModel<?>> models;
    private final Map<String, AdminModel<?>> bySlug = new HashMap<>();
    private final Map<Class<?>, AdminModel<?>> byClass = new HashMap<>();
    private final List<CheckMessage> messages;

    private AdminRegistry(List<AdminModel<?>> models, List<CheckMessage> messages) {
        this.models = List.copyOf(models);
        this.messages = List.copyOf(messages);
        for (AdminModel<?> model : models) {
            bySlug.put(model.slug(), model);
            byClass.put(model.entityClass(), model);
            EntityLabels.use(model.admin());
        }
    }

    /**
     * Resolves the registrations: annotated classes and {@link ModelAdmin} beans.
     *
     * @throws ChecksFailedException with every error found
     */
    public static AdminRegistry build(Metamodel metamodel, Collection<Class<?>> annotatedClasses,
            Collection<ModelAdmin<?>> beans) {
        List<CheckMessage> messages = new ArrayList<>();
        Map<Class<?>, ModelAdmin<?>> registrations = new LinkedHashMap<>();
        for (ModelAdmin<?> bean : beans) {
            ModelAdmin<?> previous = registrations.put(bean.entityClass(), bean);
            if (previous != null) {
                messages.add(CheckMessage.error("admin.E302", bean.entityClass().getName(),
                        "'" + bean.entityClass().getSimpleName() + "' is registered by two ModelAdmin beans: "
                                + previous.getClass().getName() + " and " + bean.getClass().getName() + ".",
                        "Keep one ModelAdmin per entity."));
            }
        }
        for (Class<?> annotated : annotatedClasses) {
            if (registrations.containsKey(annotated)) {
                messages.add(CheckMessage.error("admin.E302", annotated.getName(),
                        "'" + annotated.getSimpleName() + "' has @AdminEntity and is also registered by "
                                + registrations.get(annotated).getClass().getName() + ".",
                        "Use one or the other: move the annotation's options into the ModelAdmin bean."));
            } else {
                registrations.put(annotated, annotated(annotated));
            }
        }
        AdminModelResolver resolver = new AdminModelResolver(metamodel);
        List<AdminModel<?>> models = new ArrayList<>();
        Map<String, Class<?>> slugs = new HashMap<>();
        for (ModelAdmin<?> admin : registrations.values()) {
            AdminModelResolver.Resolution<?> resolution = resolver.resolve(admin);
            messages.addAll(resolution.messages());
            AdminModel<?> model = resolution.model();
            if (model == null) {
                continue;
            }
            Class<?> clash = slugs.putIfAbsent(model.slug(), model.entityClass());
            if (clash != null) {
                messages.add(CheckMessage.error("admin.E304", model.entityClass().getName(),
                        "'" + model.entityClass().getSimpleName() + "' and '" + clash.getSimpleName()
                                + "' would both be served at '" + model.slug() + "'.",
                        "Give one of them its own slug."));
                continue;
            }
            models.add(model);
        }
        List<CheckMessage> serious = messages.stream().filter(CheckMessage::isSerious).toList();
        if (!serious.isEmpty()) {
            throw new ChecksFailedException("The admin is misconfigured", serious);
        }
        messages.forEach(message -> log.warn("{}", message));
        models.sort(Comparator.comparingInt((AdminModel<?> m) -> m.admin().menuOrder()).thenComparing(AdminModel::label));
        return new AdminRegistry(models, messages);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ModelAdmin<?> annotated(Class<?> type) {
        return new AnnotatedModelAdmin(type, type.getAnnotation(AdminEntity.class));
    }

    public List<AdminModel<?>> models() {
        return models;
    }

    public Optional<AdminModel<?>> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<AdminModel<T>> byClass(Class<T> type) {
        return Optional.ofNullable((AdminModel<T>) byClass.get(type));
    }

    /** Warnings found at start-up (errors stop the start). */
    public List<CheckMessage> messages() {
        return messages;
    }
}
