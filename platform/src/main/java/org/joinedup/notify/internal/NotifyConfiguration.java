package org.joinedup.notify.internal;

import org.joinedup.notify.NotifyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message provider the configuration names: {@code local} (the default) or {@code gov-uk-notify}. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

    @Bean
    MessageProvider messageProvider(NotifyProperties properties) {
        return switch (properties.provider()) {
            case "local" -> new LocalProvider();
            case "gov-uk-notify" -> new GovUkNotifyProvider(properties.govUkNotify());
            default -> throw new IllegalStateException("joinedup.notify.provider must be local or gov-uk-notify, not " + properties.provider());
        };
    }
}
