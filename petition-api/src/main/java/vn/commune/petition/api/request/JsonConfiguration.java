package vn.commune.petition.api.request;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import vn.commune.petition.api.eventstore.AxonConfiguration;

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
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(100_000)
                        .build()));
    }

    /** Installed in the web's mapper by Spring Boot, after Jackson's own modules. */
    @Bean
    Module bodyFields() {
        return new BodyFields();
    }

    /** Spring Boot's converter for JSON (this bean replaces it). */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper json, Validator validator) {
        return new JsonBodies(json, validator);
    }

    /** Not a default candidate: injected only where asked for by name, the web's stays Spring Boot's. */
    @Bean(defaultCandidate = false)
    ObjectMapper projectionObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
