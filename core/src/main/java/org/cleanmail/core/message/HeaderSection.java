package org.cleanmail.core.message;

/**
 * Finds where the top-level header really ends. As in SpamAssassin, the first line that is
 * neither a field ({@code Name: value}) nor a continuation ends the header and starts the
 * body even without a blank line; the parser then inserts the missing blank line, so that
 * mime4j keeps that line and the ones after it in the body.
 */
final class HeaderSection {
    private HeaderSection() {
    }

    /** The offset of the first line of the header that is not a field, or -1 if there is none. */
    static int strayLine(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int line = offset;
        boolean first = true;
        while (line < end) {
            byte b = bytes[line];
            if (b == '\n' || b == '\r' && line + 1 < end && bytes[line + 1] == '\n') {
                return -1;
            }
            boolean continuation = (b == ' ' || b == '\t') && !first;
            if (!continuation && !isFieldStart(bytes, line, end)) {
                return line;
            }
            first = false;
            while (line < end && bytes[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    /** Whether {@code [printable except colon]+ [space or tab]* :} starts at {@code start}. */
    private static boolean isFieldStart(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end && bytes[i] >= 0x21 && bytes[i] <= 0x7e && bytes[i] != ':') {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i < end && bytes[i] == ':';
    }

    /** A copy of the message with a blank line inserted at {@code at}. */
    static byte[] withBlankLineAt(byte[] bytes, int offset, int length, int at) {
        byte[] repaired = new byte[length + 2];
        int head = at - offset;
        System.arraycopy(bytes, offset, repaired, 0, head);
        repaired[head] = '\r';
        repaired[head + 1] = '\n';
        System.arraycopy(bytes, at, repaired, head + 2, length - head);
        return repaired;
    }
}
