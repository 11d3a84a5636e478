package org.joinedup.notify.internal;

/**
 * How a patient is reached: the channel chosen from their contact preference and details, or why they cannot be.
 *
 * @param name how a message greets them (their first name)
 * @param channel {@code sms} or {@code email}, or null when no message can go
 * @param recipient their mobile number or email address
 * @param unreachable why no message can go (no details, prefers letters), or null
 */
record Contact(String name, String channel, String recipient, String unreachable) {

    static Contact sms(String name, String mobile) {
        return new Contact(name, "sms", mobile, null);
    }

    static Contact email(String name, String address) {
        return new Contact(name, "email", address, null);
    }

    static Contact none(String name, String why) {
        return new Contact(name, null, null, why);
    }
}
