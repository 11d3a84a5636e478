package org.joinedup.bench.withoutaudit;

import java.lang.reflect.Proxy;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * For {@code bench/run --without-audit} only: loaded into the platform from the benchmark's classes (Spring Boot's
 * {@code loader.path}), it puts a FHIR audit sink that records nothing in front of the real one, so that the cost
 * of audit writing can be measured on the same build. The platform itself has no setting that turns the audit off.
 */
public final class WithoutAudit implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Class<?> sink;
        try {
            sink = Class.forName("org.joinedup.fhir.FhirAuditSink", false, WithoutAudit.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Not the JoinedUp platform", e);
        }
        Object nothing = Proxy.newProxyInstance(sink.getClassLoader(), new Class<?>[] {sink}, (proxy, method, args) -> switch (method.getName()) {
            case "toString" -> "an audit sink that records nothing (benchmark only)";
            case "hashCode" -> 0;
            case "equals" -> proxy == args[0];
            default -> null;
        });
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(sink);
        definition.setInstanceSupplier(() -> nothing);
        definition.setPrimary(true);
        registry.registerBeanDefinition("benchmarkWithoutAudit", definition);
    }
}
