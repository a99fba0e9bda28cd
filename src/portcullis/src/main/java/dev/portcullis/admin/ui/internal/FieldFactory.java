package dev.portcullis.admin.ui.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.converter.StringToLongConverter;
import com.vaadin.flow.data.validator.BeanValidator;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.HumanMessages;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.internal.ValueLabels;

import jakarta.validation.ConstraintViolation;

/**
 * Builds the form field for an attribute from its kind and binds it to the entity as it is written: through a
 * getter and setter of the attribute's type where there are some, else the field; collections are refilled in
 * place. Bean Validation constraints are checked at the field, with messages written for people.
 */
public final class FieldFactory {

    private final Binder<Object> binder;
    private final AdminEntityService service;
    private final ModelAdmin<?> admin;
    private final Class<?> beanType;

    public FieldFactory(Binder<Object> binder, AdminEntityService service, ModelAdmin<?> admin, Class<?> beanType) {
        this.binder = binder;
        this.service = service;
        this.admin = admin;
        this.beanType = beanType;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Component create(AdminField field, boolean formReadOnly) {
        boolean readOnly = formReadOnly || field.readOnly();
        String label = field.label();
        boolean primitive = field.javaType().isPrimitive();
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
                number.setI18n(new IntegerField.IntegerFieldI18n()
                        .setBadInputErrorMessage(Messages.get("admin.value.whole-number"))
                        .setRequiredErrorMessage(Messages.get("admin.invalid.required")));
                component = number;
                Binder.BindingBuilder<Object, Integer> ints = binder.forField(number);
                Class<?> type = field.javaType();
                Binder.BindingBuilder<Object, ?> typed = type == Short.class || type == short.class
                        ? ints.withConverter(Converter.from(i -> Result.ok(i == null ? null : i.shortValue()),
                                (Short s) -> s == null ? null : s.intValue()))
                        : type == Byte.class || type == byte.class
                        ? ints.withConverter(Converter.from(i -> Result.ok(i == null ? null : i.byteValue()),
                                (Byte b) -> b == null ? null : b.intValue()))
                        : ints;
                binding = primitive ? ((Binder.BindingBuilder) typed).withNullRepresentation(
                        type == int.class ? (Object) 0 : type == short.class ? (Object) (short) 0 : (Object) (byte) 0)
                        : typed;
            }
            case LONG -> {
                TextField number = new TextField(label);
                component = number;
                Binder.BindingBuilder<Object, Long> longs = binder.forField(number).withNullRepresentation("")
                        .withConverter(new StringToLongConverter(Messages.get("admin.value.whole-number")));
                binding = primitive ? longs.withNullRepresentation(0L) : longs;
            }
            case DECIMAL -> {
                BigDecimalField number = new BigDecimalField(label);
                number.setI18n(new BigDecimalField.BigDecimalFieldI18n()
                        .setBadInputErrorMessage(Messages.get("admin.value.number"))
                        .setRequiredErrorMessage(Messages.get("admin.invalid.required")));
                number.setLocale(CellFormat.locale()); // "12,50" in German, as the list shows it
                component = number;
                binding = binder.forField(number);
            }
            case DOUBLE -> {
                NumberField number = new NumberField(label);
                number.setI18n(new NumberField.NumberFieldI18n()
                        .setBadInputErrorMessage(Messages.get("admin.value.number"))
                        .setRequiredErrorMessage(Messages.get("admin.invalid.required")));
                component = number;
                Binder.BindingBuilder<Object, Double> doubles = binder.forField(number);
                Binder.BindingBuilder<Object, ?> typed = field.javaType() == Float.class || field.javaType() == float.class
                        ? doubles.withConverter(Converter.from(d -> Result.ok(d == null ? null : d.floatValue()),
                                (Float f) -> f == null ? null : f.doubleValue()))
                        : doubles;
                binding = primitive ? ((Binder.BindingBuilder) typed).withNullRepresentation(
                        field.javaType() == float.class ? (Object) 0f : (Object) 0.0) : typed;
            }
            case BOOLEAN -> {
                Checkbox box = new Checkbox(label);
                component = box;
                binding = binder.forField(box);
            }
            case CHAR -> {
                TextField text = new TextField(label);
                text.setMaxLength(1);
                component = text;
                binding = binder.forField(text).withConverter(Converter.from(
                        (String s) -> s == null || s.isEmpty()
                                ? (primitive ? Result.error(Messages.get("admin.invalid.required")) : Result.ok(null)) : Result.ok(s.charAt(0)),
                        (Character c) -> c == null || c == '\0' ? "" : String.valueOf(c)));
            }
            case VALUE_TEXT, YEAR_MONTH -> {
                TextField text = new TextField(label);
                String example = TextValues.example(field.javaType());
                if (example != null) {
                    text.setHelperText(Messages.get("admin.value.for-example", example));
                }
                component = text;
                binding = binder.forField(text).withNullRepresentation("")
                        .withConverter(TextValues.converter(field.javaType()));
            }
            case YEAR -> {
                IntegerField number = new IntegerField(label);
                number.setI18n(new IntegerField.IntegerFieldI18n()
                        .setBadInputErrorMessage(Messages.get("admin.value.whole-number"))
                        .setRequiredErrorMessage(Messages.get("admin.invalid.required")));
                component = number;
                binding = binder.forField(number).withConverter(Converter.from(
                        (Integer i) -> i == null ? Result.ok(null) : Result.ok(Year.of(i)),
                        (Year y) -> y == null ? null : y.getValue()));
            }
            case ENUM -> {
                Select<Object> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.javaType().getEnumConstants());
                select.setItemLabelGenerator(v -> v == null ? "" : ValueLabels.of((Enum<?>) v));
                select.setEmptySelectionAllowed(!field.required());
                Accessibility.selectAsCombobox(select);
                component = select;
                binding = binder.forField(select);
            }
            case DATE -> {
                DatePicker picker = new DatePicker(label);
                DateInput.configure(picker);
                component = picker;
                binding = binder.forField(picker);
            }
            case TIME -> {
                TimePicker picker = new TimePicker(label);
                picker.setLocale(CellFormat.locale());
                picker.setI18n(DateInput.timeI18n(CellFormat.locale()));
                component = picker;
                binding = binder.forField(picker);
            }
            case DATE_TIME -> {
                DateTimePicker picker = dateTimePicker(label);
                component = picker;
                binding = binder.forField(picker);
            }
            case INSTANT -> {
                DateTimePicker picker = dateTimePicker(Messages.get("admin.field.utc", label));
                component = picker;
                binding = binder.forField(picker).withConverter(Converter.from(
                        (LocalDateTime local) -> Result.ok(local == null ? null : local.toInstant(ZoneOffset.UTC)),
                        (Instant instant) -> instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
            }
            case OFFSET_DATE_TIME -> {
                DateTimePicker picker = dateTimePicker(Messages.get("admin.field.utc", label));
                component = picker;
                boolean zoned = field.javaType() == ZonedDateTime.class;
                binding = binder.forField(picker).withConverter(Converter.from(
                        (LocalDateTime local) -> Result.ok(local == null ? null
                                : zoned ? local.atZone(ZoneOffset.UTC) : local.atOffset(ZoneOffset.UTC)),
                        (Object value) -> switch (value) {
                            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                            case ZonedDateTime z -> z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
                            case null, default -> null;
                        }));
            }
            case MANY_TO_ONE -> {
                ComboBox<Object> combo = new ComboBox<>(label);
                combo.setItems((EntityChoices) new EntityChoices<>(service, field.target()));
                combo.setItemLabelGenerator(EntityLabels::of);
                combo.setClearButtonVisible(!field.required());
                combo.setPlaceholder(Messages.get("admin.field.type-to-search"));
                component = combo;
                binding = binder.forField(combo);
            }
            case MANY_TO_MANY -> {
                MultiSelectComboBox<Object> combo = new MultiSelectComboBox<>(label);
                combo.setItems((EntityChoices) new EntityChoices<>(service, field.target()));
                combo.setItemLabelGenerator(EntityLabels::of);
                combo.setPlaceholder(Messages.get("admin.field.type-to-search"));
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
                List<String> choices = admin == null ? List.of() : admin.choices(field.path());
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
            binding = binding.asRequired(Messages.get("admin.invalid.required"));
        }
        if (!readOnly && !field.kind().isRelation() && field.kind() != FieldKind.ELEMENT_COLLECTION) {
            binding = ((Binder.BindingBuilder) binding).withValidator(validator(field.path()));
        }
        String path = field.path();
        Binder.Binding<Object, ?> bound = ((Binder.BindingBuilder) binding).bind(
                (com.vaadin.flow.function.ValueProvider<Object, Object>) entity -> PropertyValues.read(entity, path),
                (com.vaadin.flow.data.binder.Setter<Object, Object>) (entity, value) ->
                        PropertyValues.write(entity, path, value));
        bound.setReadOnly(readOnly);
        if (component instanceof HasValue<?, ?> hasValue) {
            hasValue.setReadOnly(readOnly);
        }
        component.setId("field-" + field.path().replace('.', '-'));
        return component;
    }

    /** UUIDs, binary data, other element collections and unknown types: shown as text, never written. */
    private Component readOnlyText(AdminField field) {
        TextField text = new TextField(field.label());
        text.setReadOnly(true);
        text.setId("field-" + field.path().replace('.', '-'));
        if (field.kind() == FieldKind.OTHER) {
            text.setHelperText(Messages.get("admin.field.shown-only"));
        }
        binder.forField(text).bindReadOnly(entity -> CellFormat.format(PropertyValues.read(entity, field.path())));
        return text;
    }

    private static DateTimePicker dateTimePicker(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        DateInput.configure(picker, CellFormat.locale());
        return picker;
    }

    /** The attribute's Bean Validation constraints, for the class that declares the last segment of the path. */
    private BeanValidator validator(String path) {
        Class<?> owner = beanType;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            java.lang.reflect.Field f = org.springframework.util.ReflectionUtils.findField(owner, segments[i]);
            owner = f == null ? owner : f.getType();
        }
        return new HumanBeanValidator(owner, segments[segments.length - 1]);
    }

    private Class<?> propertyType(String path) {
        java.lang.reflect.Field field = org.springframework.util.ReflectionUtils.findField(beanType, path);
        return field == null ? Set.class : field.getType();
    }

    /** Vaadin's bean validator with our wording. */
    private static final class HumanBeanValidator extends BeanValidator {

        HumanBeanValidator(Class<?> beanType, String propertyName) {
            super(beanType, propertyName);
        }

        @Override
        protected String getMessage(ConstraintViolation<?> violation, Locale locale) {
            return HumanMessages.of(violation);
        }
    }
}
