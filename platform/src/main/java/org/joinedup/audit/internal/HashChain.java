package org.joinedup.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 links of the audit chain. The first entry follows {@link #GENESIS}. */
final class HashChain {

    static final String GENESIS = "0".repeat(64);
    private static final MessageDigest PROTOTYPE = sha256();

    private HashChain() {
    }

    /** The hash of a line's JSON after the previous line's hash. */
    static String link(String previousHash, String json) {
        return hex(digest().digest((previousHash + '\n' + json).getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of an entry chained before the audit was kept as lines (format 1). */
    static String legacyLink(String previousHash, AuditEntry entry) {
        return hex(digest().digest(entry.legacyChainText(previousHash).getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
