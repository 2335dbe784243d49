package vn.commune.petition.api.description;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Bean Validation constraints that JSON Schema has no keyword for ({@code @NotBlank},
 * {@code @PastOrPresent}, {@code @BusinessDate}, ...) described on their property or parameter in
 * the words of the 400 that breaks them; those with a keyword (required, lengths, bounds, patterns)
 * are springdoc's already.
 */
@Component
class ConstraintDescriptions implements PropertyCustomizer, ParameterCustomizer {

    private static final Set<Class<? extends Annotation>> AS_KEYWORDS = Set.of(
            NotNull.class, Size.class, Min.class, Max.class, DecimalMin.class, DecimalMax.class, Pattern.class);

    private static final java.util.regex.Pattern TEMPLATE = java.util.regex.Pattern.compile("\\{([^{}]+)}");

    private final ResourceBundle defaultMessages = bundle();

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        String described = describe(type.getCtxAnnotations());
        if (property != null && property.get$ref() == null && !described.isEmpty()) {
            property.setDescription(join(property.getDescription(), described));
        }
        return property;
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        String described = describe(methodParameter.getParameterAnnotations());
        if (parameter != null && !described.isEmpty()) {
            parameter.setDescription(join(parameter.getDescription(), described));
        }
        return parameter;
    }

    private String describe(Annotation[] annotations) {
        if (annotations == null) {
            return "";
        }
        Set<String> messages = new LinkedHashSet<>();
        Arrays.stream(annotations)
                .filter(annotation -> annotation.annotationType().isAnnotationPresent(Constraint.class))
                .filter(annotation -> !AS_KEYWORDS.contains(annotation.annotationType()))
                .forEach(annotation -> messages.add(message(annotation)));
        return messages.stream().collect(Collectors.joining("; "));
    }

    /**
     * The constraint's message as a 400 words it: a default message ({@code {jakarta...message}})
     * from Hibernate Validator's bundle, then the constraint's attributes ({@code {value}}) filled in.
     */
    private String message(Annotation constraint) {
        Map<String, Object> attributes = AnnotationUtils.getAnnotationAttributes(constraint);
        String template = fill(String.valueOf(attributes.get("message")), this::defaultMessage);
        return fill(template, name -> attributes.containsKey(name) ? String.valueOf(attributes.get(name)) : null);
    }

    private String defaultMessage(String key) {
        try {
            return defaultMessages == null ? null : defaultMessages.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** Replaces each {@code {name}} that {@code lookup} knows; leaves the others as they are. */
    private static String fill(String text, Function<String, String> lookup) {
        Matcher names = TEMPLATE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (names.find()) {
            String value = lookup.apply(names.group(1));
            names.appendReplacement(filled, Matcher.quoteReplacement(value == null ? names.group() : value));
        }
        names.appendTail(filled);
        return filled.toString();
    }

    private static ResourceBundle bundle() {
        try {
            return ResourceBundle.getBundle("org.hibernate.validator.ValidationMessages", Locale.ROOT);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static String join(String description, String constraints) {
        if (description == null || description.isBlank()) {
            return constraints;
        }
        return description.contains(constraints) ? description : description + ". " + constraints;
    }
}
