package vn.commune.petition.api.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import vn.commune.petition.api.problem.LenientBodyReading;

/**
 * The JSON mappers and what each is for: Spring Boot's, the web's, reads request bodies strictly; the
 * projections have their own, and so has the event store (see AxonConfiguration), so that how the
 * API reads a request never changes how a read model or an event is written.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> {
                    mapper.registerModule(LenientBodyReading.module());
                    // "5" is text, not a number, and "true" is text, not a truth value: refused, as
                    // a number is refused for a text field.
                    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
                        mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    }
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(100_000)
                            .build());
                });
    }

    /**
     * Spring Boot's converter for JSON bodies (this bean replaces it), refusing a body that gives a
     * key twice (which of the two values would count is otherwise a guess), with parsers that let a
     * body read name the field where a parser limit stopped it.
     */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper json) {
        JsonFactory parsers = LenientBodyReading.parsers(json);
        return new MappingJackson2HttpMessageConverter(json) {
            @Override
            protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
                return reader.with(parsers).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            }
        };
    }

    /** Not a default candidate: injected only where asked for by name, the web's stays Spring Boot's. */
    @Bean(defaultCandidate = false)
    ObjectMapper projectionObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
