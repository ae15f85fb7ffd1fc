package org.cleanmail.smtp;

import java.util.List;

import org.apache.james.protocols.api.Response;

/**
 * The answer of a connect handler that lets the session go on: a response of no line,
 * which writes nothing. James 3.8's JMX monitor of connect handlers fails on a null
 * response, so a connect handler must never return null.
 */
final class NoReply implements Response {
    static final Response INSTANCE = new NoReply();

    private NoReply() {
    }

    @Override
    public String getRetCode() {
        return "";
    }

    @Override
    public List<CharSequence> getLines() {
        return List.of();
    }

    @Override
    public boolean isEndSession() {
        return false;
    }
}
