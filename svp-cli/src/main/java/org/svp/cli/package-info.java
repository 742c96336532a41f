/** The {@code svp} command line: demo, server, snapshot, type, view, bench and the launcher-run test. */
package org.svp.cli;
