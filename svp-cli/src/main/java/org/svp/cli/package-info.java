/** The {@code svp} command line: demo, server, snapshot, type and bench. */
package org.svp.cli;
