package dev.portcullis.admin.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.converter.StringToLongConverter;

import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.PropertyValues;

/**
 * Builds the form field for an attribute from its kind and binds it. Bean Validation constraints are honoured
 * through the binder, so messages appear at the field and required fields are marked.
 */
final class FieldFactory {

    private final Binder<Object> binder;
    private final AdminEntityService service;
    private final ModelAdmin<?> admin;

    FieldFactory(Binder<Object> binder, AdminEntityService service, ModelAdmin<?> admin) {
        this.binder = binder;
        this.service = service;
        this.admin = admin;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Component create(AdminField field, boolean formReadOnly) {
        boolean readOnly = formReadOnly || field.readOnly();
        String label = field.label();
        Component component;
        Binder.BindingBuilder<Object, ?> binding;
        switch (field.kind()) {
            case TEXT -> {
                TextField text = new TextField(label);
                if (field.maxLength() > 0) {
                    text.setMaxLength(field.maxLength());
                }
                component = text;
                binding = binder.forField(text).withNullRepresentation("");
            }
            case LONG_TEXT -> {
                TextArea area = new TextArea(label);
                if (field.maxLength() > 0) {
                    area.setMaxLength(field.maxLength());
                }
                area.setMinHeight("6em");
                component = area;
                binding = binder.forField(area).withNullRepresentation("");
            }
            case INTEGER -> {
                IntegerField number = new IntegerField(label);
                component = number;
                binding = field.javaType().isPrimitive()
                        ? binder.forField(number).withNullRepresentation(0) : binder.forField(number);
            }
            case LONG -> {
                TextField number = new TextField(label);
                component = number;
                Binder.BindingBuilder<Object, Long> longs = binder.forField(number).withNullRepresentation("")
                        .withConverter(new StringToLongConverter("Enter a whole number"));
                binding = field.javaType().isPrimitive() ? longs.withNullRepresentation(0L) : longs;
            }
            case DECIMAL -> {
                BigDecimalField number = new BigDecimalField(label);
                component = number;
                binding = binder.forField(number);
            }
            case DOUBLE -> {
                NumberField number = new NumberField(label);
                component = number;
                binding = field.javaType().isPrimitive()
                        ? binder.forField(number).withNullRepresentation(0.0) : binder.forField(number);
            }
            case BOOLEAN -> {
                Checkbox box = new Checkbox(label);
                component = box;
                binding = binder.forField(box);
            }
            case ENUM -> {
                Select<Object> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.javaType().getEnumConstants());
                select.setItemLabelGenerator(v -> v == null ? "" : CellFormat.humanize(((Enum<?>) v).name()));
                select.setEmptySelectionAllowed(!field.required());
                component = select;
                binding = binder.forField(select);
            }
            case DATE -> {
                DatePicker picker = new DatePicker(label);
                component = picker;
                binding = binder.forField(picker);
            }
            case DATE_TIME -> {
                DateTimePicker picker = new DateTimePicker(label);
                component = picker;
                binding = binder.forField(picker);
            }
            case INSTANT -> {
                DateTimePicker picker = new DateTimePicker(label + " (UTC)");
                component = picker;
                binding = binder.forField(picker).withConverter(Converter.from(
                        (LocalDateTime local) -> Result.ok(local == null ? null : local.toInstant(ZoneOffset.UTC)),
                        (Instant instant) -> instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
            }
            case MANY_TO_ONE -> {
                ComboBox<Object> combo = new ComboBox<>(label);
                combo.setItems((EntityChoices) new EntityChoices<>(service, field.target()));
                combo.setItemLabelGenerator(String::valueOf);
                combo.setClearButtonVisible(!field.required());
                combo.setPlaceholder("Type to search");
                component = combo;
                binding = binder.forField(combo);
            }
            case MANY_TO_MANY -> {
                MultiSelectComboBox<Object> combo = new MultiSelectComboBox<>(label);
                combo.setItems((EntityChoices) new EntityChoices<>(service, field.target()));
                combo.setItemLabelGenerator(String::valueOf);
                combo.setPlaceholder("Type to search");
                component = combo;
                Class<?> collectionType = propertyType(field.path());
                binding = binder.forField(combo).withConverter(Converter.from(
                        (Set<Object> chosen) -> Result.ok(List.class.isAssignableFrom(collectionType)
                                ? new ArrayList<>(chosen) : new LinkedHashSet<>(chosen)),
                        (Collection<Object> current) -> current == null ? Set.of() : new LinkedHashSet<>(current)));
            }
            case ELEMENT_COLLECTION -> {
                if (field.javaType() != String.class) {
                    return readOnlyText(field);
                }
                MultiSelectComboBox<String> values = new MultiSelectComboBox<>(label);
                List<String> choices = admin.choices(field.path());
                values.setItems(choices);
                values.setAllowCustomValue(choices.isEmpty());
                values.addCustomValueSetListener(custom -> {
                    Set<String> chosen = new LinkedHashSet<>(values.getValue());
                    chosen.add(custom.getDetail().strip());
                    values.setItems(new ArrayList<>(chosen));
                    values.setValue(chosen);
                });
                component = values;
                binding = binder.forField(values).withConverter(Converter.from(
                        (Set<String> chosen) -> Result.ok(new LinkedHashSet<>(chosen)),
                        (Collection<String> current) -> {
                            Set<String> present = current == null ? Set.of() : new LinkedHashSet<>(current);
                            if (choices.isEmpty()) {
                                values.setItems(new ArrayList<>(present));
                            }
                            return present;
                        }));
            }
            default -> {
                return readOnlyText(field);
            }
        }
        if (field.required() && field.kind() != FieldKind.BOOLEAN) {
            binding = binding.asRequired(label + " is required");
        }
        Binder.Binding<Object, ?> bound = bind(binding, field.path());
        bound.setReadOnly(readOnly);
        if (component instanceof HasValue<?, ?> hasValue) {
            hasValue.setReadOnly(readOnly);
        }
        component.setId("field-" + field.path().replace('.', '-'));
        return component;
    }

    /** UUIDs, other element collections and types the admin cannot edit: shown as text, never written. */
    private Component readOnlyText(AdminField field) {
        TextField text = new TextField(field.label());
        text.setReadOnly(true);
        text.setId("field-" + field.path().replace('.', '-'));
        binder.forField(text).bindReadOnly(entity -> CellFormat.format(PropertyValues.read(entity, field.path())));
        return text;
    }

    /** Binds by property name where the entity has getters and setters (so Bean Validation applies), else by field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Binder.Binding<Object, ?> bind(Binder.BindingBuilder<Object, ?> binding, String path) {
        try {
            return binding.bind(path);
        } catch (IllegalArgumentException | IllegalStateException noProperty) {
            return ((Binder.BindingBuilder) binding).bind(
                    (com.vaadin.flow.function.ValueProvider<Object, Object>) entity -> PropertyValues.read(entity, path),
                    (com.vaadin.flow.data.binder.Setter<Object, Object>) (entity, value) ->
                            new org.springframework.beans.DirectFieldAccessor(entity).setPropertyValue(path, value));
        }
    }

    private Class<?> propertyType(String path) {
        java.lang.reflect.Field field = org.springframework.util.ReflectionUtils.findField(admin.entityClass(), path);
        return field == null ? Set.class : field.getType();
    }
}
