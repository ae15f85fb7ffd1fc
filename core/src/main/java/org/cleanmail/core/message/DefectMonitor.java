package org.cleanmail.core.message;

import java.util.Set;

import org.apache.james.mime4j.codec.DecodeMonitor;

/**
 * Listens to mime4j's complaints during one parse and turns them into {@link MimeDefect}s,
 * never asking mime4j to stop. Not thread-safe: one per parse.
 */
final class DefectMonitor extends DecodeMonitor {
    private final Set<MimeDefect> defects;

    DefectMonitor(Set<MimeDefect> defects) {
        this.defects = defects;
    }

    @Override
    public boolean warn(String error, String dropDesc) {
        if (error == null) {
            return false;
        }
        if (error.contains("Body part ended prematurely")) {
            defects.add(MimeDefect.UNTERMINATED_MULTIPART);
        } else if (error.contains("Invalid header")) {
            defects.add(MimeDefect.MALFORMED_HEADER);
        } else if (error.startsWith("Unexpected base64") || error.startsWith("Unexpected end of BASE64")
            || error.startsWith("Unexpected padding") || error.startsWith("Malformed encoded value")
            || error.startsWith("Unexpected ==")) {
            defects.add(MimeDefect.INVALID_TRANSFER_ENCODING);
        }
        return false;
    }

    @Override
    public boolean isListening() {
        return true;
    }
}
