package org.cleanmail.core.policy;

/** When the disposition is decided, which says whether an SMTP rejection is still possible. */
public enum DecisionStage {
    /** In the SMTP session, before the reply to the end of DATA: the message may be refused. */
    BEFORE_END_OF_DATA,
    /** After James accepted the message (in a mailet): refusing is no longer possible. */
    AFTER_ACCEPTANCE
}
