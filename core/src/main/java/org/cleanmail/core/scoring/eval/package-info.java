/**
 * Java implementations of SpamAssassin's {@code eval:} tests (HeaderEval, BodyEval,
 * MIMEEval, HTMLEval, FreeMail plugins), with SpamAssassin's semantics, and
 * {@link org.cleanmail.core.scoring.eval.StandardEvalFunctions}, the registry of all of them.
 * Every function reads only {@link org.cleanmail.core.message.MessageFeatures}, parses its
 * arguments leniently, answers false on odd input and never throws.
 */
package org.cleanmail.core.scoring.eval;
