package org.joinedup.fhir.internal.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.joinedup.fhir.internal.outcome.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Validates resources against base FHIR R4 and the UK Core R4 profiles (vendored under
 * {@code fhir/ukcore}) with HAPI's instance validator. Built once; the first validation loads the
 * definitions (seconds), so {@link #warmUp()} runs it in the background at start-up.
 */
public final class ProfileValidator {

    private static final Logger log = LoggerFactory.getLogger(ProfileValidator.class);

    private final FhirContext context;
    private final FhirValidator validator;

    public ProfileValidator(FhirContext context) {
        this.context = context;
        PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(context);
        int loaded = loadUkCore(ukCore);
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                ukCore,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                unknownCodeSystems);
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setAnyExtensionsAllowed(true);
        this.validator = context.newValidator().registerValidatorModule(instanceValidator);
        log.info("Profile validation ready with {} UK Core conformance resources", loaded);
    }

    /** Validates JSON against its declared profiles and any extra ones; returns every issue found. */
    public List<Issue> validate(String json, List<String> extraProfiles) {
        ValidationOptions options = new ValidationOptions();
        extraProfiles.forEach(options::addProfile);
        ValidationResult result = validator.validateWithResult(json, options);
        List<Issue> issues = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            issues.add(new Issue(severity(message.getSeverity()), "processing", message.getMessage(), message.getLocationString()));
        }
        return issues;
    }

    /** Runs one validation so that the definitions and snapshots are loaded before the first real request. */
    public void warmUp() {
        long started = System.nanoTime();
        validate("{\"resourceType\":\"Patient\",\"meta\":{\"profile\":[\"https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient\"]}}", List.of());
        log.info("Profile validator warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private int loadUkCore(PrePopulatedValidationSupport support) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:fhir/ukcore/**/*.xml");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    IBaseResource resource = context.newXmlParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    support.addResource(resource);
                }
            }
            return files.length;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the UK Core profiles", e);
        }
    }

    private static String severity(ResultSeverityEnum severity) {
        return severity == null ? "information" : severity.getCode().toLowerCase(Locale.ROOT);
    }
}
