package io.powertools.idempotency.internal;

/**
 * Measures the UTF-8 encoded length of text without encoding it, so the item-size check on a
 * completion does not copy a response of up to 400 KB into a byte array only to count it.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The number of bytes {@code text.getBytes(StandardCharsets.UTF_8)} would return.
     *
     * @param text the text; null counts as 0
     * @return the UTF-8 length in bytes
     */
    public static int length(CharSequence text) {
        if (text == null) {
            return 0;
        }
        int n = text.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // a surrogate pair (2 chars) is one 4-byte code point
                i++;
            } else if (Character.isSurrogate(c)) {
                // An unpaired surrogate is encoded as the 1-byte replacement '?', like String.getBytes does.
                continue;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }
}
