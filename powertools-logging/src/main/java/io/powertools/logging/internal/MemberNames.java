package io.powertools.logging.internal;

import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * Writes member names whole. Log4j's JSON writer cuts every string at its maxStringLength, names
 * included, so two long names with the same beginning would become the same member (a line a
 * strict parser rejects, and a way to hide a field). A name that fits is written by the writer as
 * usual; a longer one is escaped here, whole.
 */
public final class MemberNames {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MemberNames() {
    }

    /**
     * Writes {@code "name":}.
     *
     * @param line the line being written
     * @param name the member name
     */
    public static void write(JsonWriter line, String name) {
        if (name.length() <= line.getMaxStringLength()) {
            line.writeObjectKey(name);
            return;
        }
        StringBuilder out = line.getStringBuilder();
        out.append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append("\":");
    }
}
