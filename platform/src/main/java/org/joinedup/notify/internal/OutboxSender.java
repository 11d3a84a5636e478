package org.joinedup.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.joinedup.notify.NotifyProperties;
import org.joinedup.shared.PolledLifecycle;
import org.joinedup.shared.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox. A message is marked as being sent before the provider is called, and as sent
 * after; if the application stops between the two, the message is taken up again once its send has timed out,
 * and, as after every failed attempt, the provider is first asked whether it has the message already, so none is
 * lost and none sent twice. Urgent messages (alerts to staff) ignore the quiet hours. Failures are tried again after 1, 4, 16, ... minutes (never in quiet hours) until
 * {@code maxAttempts}, then left as failed for an operator. Messages whose moment has passed are cancelled.
 * Up to {@code concurrentSends} messages are sent at once.
 */
@Component
class OutboxSender implements PolledLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    private static final Duration RECOVERY_EVERY = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final MessageProvider provider;
    private final NotifyProperties properties;
    private final QuietHours quiet;
    private final PollingLoop loop;
    private Instant lastRecovery = Instant.EPOCH;

    OutboxSender(Outbox outbox, MessageProvider provider, NotifyProperties properties) {
        this.outbox = outbox;
        this.provider = provider;
        this.properties = properties;
        this.quiet = new QuietHours(properties.quietStart(), properties.quietEnd(), properties.zone());
        this.loop = new PollingLoop("outbox", properties.pollInterval(), log, "Messages: the outbox could not be read", this::sendDue);
    }

    @Override
    public synchronized void start() {
        PolledLifecycle.super.start();
        log.info("Messages: sending through the {} provider", provider.name());
    }

    /** One round: messages whose worker stopped are taken up, then due messages sent. True if there may be more due. */
    boolean sendDue() {
        Instant now = Instant.now();
        if (now.isAfter(lastRecovery.plus(RECOVERY_EVERY))) {
            lastRecovery = now;
            int recovered = outbox.recover(properties.sendTimeout());
            if (recovered > 0) {
                log.info("Messages: {} whose sending was interrupted will be checked and sent", recovered);
            }
        }
        List<OutboxMessage> due = outbox.claimDue(BATCH);
        if (due.size() <= 1 || properties.concurrentSends() <= 1) {
            due.forEach(this::deliver);
        } else {
            java.util.concurrent.Semaphore sending = new java.util.concurrent.Semaphore(properties.concurrentSends());
            try (var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (OutboxMessage message : due) {
                    sending.acquireUninterruptibly();
                    senders.execute(() -> {
                        try {
                            deliver(message);
                        } catch (RuntimeException e) {
                            log.warn("Messages: {} could not be recorded after sending; it is checked with the provider later", message.id(), e);
                        } finally {
                            sending.release();
                        }
                    });
                }
            } // waits for this round's sends
        }
        return due.size() == BATCH;
    }

    private void deliver(OutboxMessage message) {
        Instant now = Instant.now();
        if (message.expiresAt() != null && !now.isBefore(message.expiresAt())) {
            outbox.cancelled(message.id(), "Not sent: its moment had passed", "outbox");
            return;
        }
        Instant allowed = message.urgent() ? now : quiet.nextAllowed(now);
        if (allowed.isAfter(now)) {
            outbox.postpone(message.id(), allowed, "Waiting for the end of the quiet hours");
            return;
        }
        try {
            if (message.attempts() > 0) {
                var earlier = provider.alreadySent(message);
                if (earlier.isPresent()) {
                    outbox.sent(message.id(), provider.name(), earlier.get(), false, "The provider had it from an earlier attempt");
                    return;
                }
            }
            MessageProvider.Sent sent = provider.send(message);
            outbox.sent(message.id(), provider.name(), sent.providerId(), sent.delivered(), null);
        } catch (MessageProvider.SendFailure failure) {
            int attempts = message.attempts() + 1;
            if (failure.permanent || attempts >= properties.maxAttempts()) {
                outbox.failed(message.id(), attempts, failure.getMessage());
            } else {
                Duration wait = properties.firstRetry().multipliedBy(1L << (2 * Math.min(attempts - 1, 10)));
                outbox.retryLater(message.id(), attempts, message.urgent() ? now.plus(wait) : quiet.nextAllowed(now.plus(wait)), failure.getMessage());
            }
        }
    }

    @Override
    public PollingLoop loop() {
        return loop;
    }
}
