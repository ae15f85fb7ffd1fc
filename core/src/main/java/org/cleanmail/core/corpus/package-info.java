/** Messages on disk: files, folders and mbox files, for the command line and bulk learning. */
package org.cleanmail.core.corpus;
