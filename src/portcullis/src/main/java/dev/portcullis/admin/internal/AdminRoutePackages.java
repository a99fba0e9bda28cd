package dev.portcullis.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

/**
 * Lets Vaadin find the framework's routes, error views and page shell without adding the framework's packages to
 * {@code AutoConfigurationPackages} (which would also add them to the application's entity and repository scans).
 *
 * <p>Vaadin's Spring add-on scans the packages of its {@code VaadinScanPackages} holder when one exists (an
 * application's {@code @EnableVaadin}), else the application's {@code AutoConfigurationPackages}. This adds the
 * package of every Portcullis auto-configuration that is active to the holder, creating it from the application's
 * packages when the application has none. A switched-off feature (its auto-configuration's condition failed, as for
 * {@code portcullis.two-factor.enabled=false}) contributes nothing, so its pages are not routes at all.
 */
public final class AdminRoutePackages implements BeanFactoryPostProcessor {

    /** Vaadin's holder of explicit scan packages (package-private in {@code vaadin-spring}, built reflectively). */
    static final String VAADIN_SCAN_PACKAGES = "com.vaadin.flow.spring.VaadinScanPackagesRegistrar$VaadinScanPackages";

    private static final String FRAMEWORK = "dev.portcullis.";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
            return;
        }
        Set<String> packages = new LinkedHashSet<>();
        BeanDefinition existing = registry.containsBeanDefinition(VAADIN_SCAN_PACKAGES)
                ? registry.getBeanDefinition(VAADIN_SCAN_PACKAGES) : null;
        if (existing != null) {
            var argument = existing.getConstructorArgumentValues().getIndexedArgumentValue(0, String[].class);
            if (argument != null && argument.getValue() instanceof String[] given) {
                packages.addAll(Arrays.asList(given));
            }
        } else if (AutoConfigurationPackages.has(beanFactory)) {
            packages.addAll(AutoConfigurationPackages.get(beanFactory));
        }
        packages.addAll(frameworkPackages(beanFactory));
        GenericBeanDefinition holder = new GenericBeanDefinition();
        holder.setBeanClassName(VAADIN_SCAN_PACKAGES);
        holder.getConstructorArgumentValues().addIndexedArgumentValue(0, packages.toArray(String[]::new));
        holder.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        if (existing != null) {
            registry.removeBeanDefinition(VAADIN_SCAN_PACKAGES);
        }
        registry.registerBeanDefinition(VAADIN_SCAN_PACKAGES, holder);
    }

    /** The packages of the Portcullis auto-configurations whose conditions matched. */
    static List<String> frameworkPackages(ConfigurableListableBeanFactory beanFactory) {
        List<String> packages = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            String type = beanFactory.getBeanDefinition(name).getBeanClassName();
            if (type != null && type.startsWith(FRAMEWORK) && type.endsWith("AutoConfiguration")) {
                String pkg = type.substring(0, type.lastIndexOf('.'));
                if (!packages.contains(pkg)) {
                    packages.add(pkg);
                }
            }
        }
        return packages;
    }
}
