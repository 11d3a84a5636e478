package org.joinedup.fhir.internal.bundle;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a Bundle's JSON directly, copying each stored resource's bytes into its entry unparsed: a page of
 * search results costs a memory copy per resource, not a parse and an encode.
 */
public final class BundleJson {

    private final ByteArrayOutputStream out;
    private boolean needComma;

    public BundleJson() {
        this(16 * 1024);
    }

    /** @param sizeHint the expected size in bytes, to avoid growing the buffer many times */
    public BundleJson(int sizeHint) {
        this.out = new ByteArrayOutputStream(Math.max(1024, sizeHint));
    }

    public BundleJson begin() {
        out.write('{');
        needComma = false;
        return this;
    }

    public BundleJson end() {
        out.write('}');
        needComma = true;
        return this;
    }

    public BundleJson beginArray(String name) {
        name(name);
        out.write('[');
        needComma = false;
        return this;
    }

    public BundleJson endArray() {
        out.write(']');
        needComma = true;
        return this;
    }

    public BundleJson beginObject(String name) {
        name(name);
        return begin();
    }

    /** Starts an object inside an array. */
    public BundleJson beginItem() {
        comma();
        return begin();
    }

    public BundleJson string(String name, String value) {
        if (value == null) {
            return this;
        }
        name(name);
        quoted(value);
        needComma = true;
        return this;
    }

    public BundleJson number(String name, long value) {
        name(name);
        out.writeBytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        needComma = true;
        return this;
    }

    /** Embeds JSON that is already well formed (a stored resource). */
    public BundleJson raw(String name, byte[] json) {
        name(name);
        out.writeBytes(json);
        needComma = true;
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void name(String name) {
        comma();
        quoted(name);
        out.write(':');
        needComma = false;
    }

    private void comma() {
        if (needComma) {
            out.write(',');
        }
    }

    private void quoted(String value) {
        out.write('"');
        out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(value));
        out.write('"');
    }
}
