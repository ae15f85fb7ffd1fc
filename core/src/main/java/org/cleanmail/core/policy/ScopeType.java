package org.cleanmail.core.policy;

/** The kinds of scope a policy applies to, from the least specific to the most specific. */
public enum ScopeType {
    /** The whole installation (the corporate policy). */
    GLOBAL,
    /** One mail domain (a divisional policy). */
    DOMAIN,
    /** A named group of users, such as a department (a divisional policy). */
    GROUP,
    /** One recipient (a personal policy). */
    USER
}
