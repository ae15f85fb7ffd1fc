package org.cleanmail.james;

/**
 * A setting is missing or wrong. The message names the file, the key and a valid value,
 * so that an administrator can fix it from the log line alone.
 */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
