package org.joinedup.ingest.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On start-up, processes the messages kept but left without an outcome when the platform last stopped. */
@Component
class UnprocessedMessages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnprocessedMessages.class);

    private final MessageLog messages;
    private final Hl7Processor processor;
    /** Messages received from now on are being processed by their connections. */
    private final java.time.Instant started = java.time.Instant.now();

    UnprocessedMessages(MessageLog messages, Hl7Processor processor) {
        this.messages = messages;
        this.processor = processor;
    }

    @Override
    public void run(ApplicationArguments args) {
        int done = 0;
        List<KeptMessage> batch;
        while (!(batch = messages.unprocessed(started, 500)).isEmpty()) {
            for (KeptMessage kept : batch) {
                processor.reprocess(kept);
                done++;
            }
        }
        if (done > 0) {
            log.info("Processed {} HL7 v2 messages kept before the last stop without an outcome", done);
        }
    }
}
