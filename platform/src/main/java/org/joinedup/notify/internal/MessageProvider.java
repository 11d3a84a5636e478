package org.joinedup.notify.internal;

import java.util.Optional;

/** Where messages go: GOV.UK Notify, or the local provider that keeps them in the database. */
interface MessageProvider {

    /** How the outbox names the provider ({@code local}, {@code gov-uk-notify}). */
    String name();

    /** Sends the message, answering the provider's id for it. */
    Sent send(OutboxMessage message) throws SendFailure;

    /** The provider's id for this message if it already has it (a send whose answer was lost), found by the message's id as reference. */
    Optional<String> alreadySent(OutboxMessage message) throws SendFailure;

    /** A message the provider accepted; {@code delivered} when accepting it is delivering it (the local provider). */
    record Sent(String providerId, boolean delivered) {
    }

    /** The provider did not take the message: {@code permanent} when trying again cannot help (an invalid number). */
    final class SendFailure extends Exception {
        final boolean permanent;

        SendFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }
    }
}
