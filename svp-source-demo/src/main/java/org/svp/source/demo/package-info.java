/**
 * The built-in demo desktop: a {@link org.svp.source.DisplaySource} that animates a deterministic
 * desktop drawn with every v1 display order, for demos, tests and benchmarks without a VM.
 */
package org.svp.source.demo;
