package org.joinedup.notify.internal;

import java.util.Optional;

/**
 * The embedded default: sends nothing; the message stays in the database, where the operators' page
 * ({@code /staff/messages}) shows it as delivered. For demonstrations and for running without GOV.UK Notify.
 */
class LocalProvider implements MessageProvider {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Sent send(OutboxMessage message) {
        return new Sent("local-" + message.id(), true);
    }

    @Override
    public Optional<String> alreadySent(OutboxMessage message) {
        return Optional.empty(); // nothing leaves the database, so a send that was interrupted sent nothing
    }
}
