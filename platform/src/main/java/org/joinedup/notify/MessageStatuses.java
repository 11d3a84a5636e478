package org.joinedup.notify;

import java.util.Map;

/** What became of messages, for reports: the status of each message whose reference begins with a prefix. */
public interface MessageStatuses {

    /** Each message's reference and status (queued, sending, sent, delivered, failed, withheld, cancelled). */
    Map<String, String> byReferencePrefix(String referencePrefix);
}
