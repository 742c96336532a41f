/** TEXTZ (codec 6): text and UI as cached glyphs through one zstd stream per display connection. */
package org.svp.codec.textz;
