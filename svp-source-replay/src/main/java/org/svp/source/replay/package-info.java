/**
 * Recordings of what a display source produced, and their replay as a source: {@code svp server --record
 * FILE} writes every update a source hands the server ({@link org.svp.source.replay.RecordingSource}),
 * {@code --source replay:FILE} plays them back with their timing ({@link org.svp.source.replay.ReplaySource}).
 * A replay gives the server the same work on every run, which a live X desktop never does: {@code svp
 * bench replay} measures the server's CPU on it (docs/benchmarks.md "bench replay").
 */
package org.svp.source.replay;
