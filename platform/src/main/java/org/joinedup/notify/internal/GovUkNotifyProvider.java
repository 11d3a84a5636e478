package org.joinedup.notify.internal;

import java.util.Optional;
import org.joinedup.notify.NotifyProperties;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify, through its own Java client: a text or an email from the template configured for the message's
 * kind and channel, with the message's values as personalisation and the message's id as reference (so a send
 * whose answer was lost can be found again rather than sent twice). Notify's 400 (an invalid number or address,
 * a missing value) is final; anything else is tried again.
 */
class GovUkNotifyProvider implements MessageProvider {

    private final NotificationClient client;
    private final NotifyProperties.GovUkNotify settings;

    GovUkNotifyProvider(NotifyProperties.GovUkNotify settings) {
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            throw new IllegalStateException("joinedup.notify.provider=gov-uk-notify needs joinedup.notify.gov-uk-notify.api-key");
        }
        if (!"false".equals(System.getProperty("sun.net.http.retryPost"))) {
            throw new IllegalStateException("Start the JVM with -Dsun.net.http.retryPost=false (JoinedUpApplication sets it): otherwise a dropped "
                    + "connection makes the JDK send a message to GOV.UK Notify twice");
        }
        this.settings = settings;
        this.client = new NotificationClient(settings.apiKey(), settings.baseUrl().toString().replaceAll("/$", ""));
    }

    @Override
    public String name() {
        return "gov-uk-notify";
    }

    @Override
    public Sent send(OutboxMessage message) throws SendFailure {
        String template = settings.templates().get(message.kind() + "-" + message.channel());
        if (template == null) {
            throw new SendFailure("No GOV.UK Notify template is configured for " + message.kind() + "-" + message.channel()
                    + " (joinedup.notify.gov-uk-notify.templates." + message.kind() + "-" + message.channel() + ")", true, null);
        }
        String reference = message.id().toString();
        try {
            var id = "sms".equals(message.channel())
                    ? client.sendSms(template, message.recipient(), message.personalisation(), reference).getNotificationId()
                    : client.sendEmail(template, message.recipient(), message.personalisation(), reference).getNotificationId();
            return new Sent(id.toString(), false);
        } catch (NotificationClientException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<String> alreadySent(OutboxMessage message) throws SendFailure {
        try {
            return client.getNotifications(null, null, message.id().toString(), null).getNotifications().stream()
                    .map(Notification::getId).map(Object::toString).findFirst();
        } catch (NotificationClientException e) {
            throw failure(e);
        }
    }

    private static SendFailure failure(NotificationClientException e) {
        int status = e.getHttpResult();
        String text = status > 0 ? "GOV.UK Notify answered " + status + ": " + e.getMessage() : "GOV.UK Notify could not be reached: " + e.getMessage();
        return new SendFailure(text.length() > 500 ? text.substring(0, 500) : text, status == 400, e);
    }
}
